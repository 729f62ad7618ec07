package numberpicker

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zpadd/ui/pickers"
)

// testNumbers returns n distinct E.164 numbers spread over area codes.
func testNumbers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("+1%03d%03d%04d", 201+i%50, 200+i%700, i)
	}
	return out
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(keyMsg(k))
	}
	return m
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: ' ', Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func shownNumbers(m Model) []string {
	var out []string
	for i := 0; i < m.Matches(); i++ {
		out = append(out, m.numbers[m.shownAt(i)])
	}
	return out
}

// referenceFilter is the filter's rule spelled out with no state: numbers
// holding q as one contiguous run first, then those holding it as a
// subsequence; each group in list order.
func referenceFilter(nums []string, q string) []string {
	var runs, loose []string
	for _, n := range nums {
		d := digitsOnly(n)
		j := 0
		for i := 0; i < len(d) && j < len(q); i++ {
			if d[i] == q[j] {
				j++
			}
		}
		switch {
		case strings.Contains(d, q):
			runs = append(runs, n)
		case j == len(q):
			loose = append(loose, n)
		}
	}
	return append(runs, loose...)
}

func TestFilterIgnoresSpacesAndPlusInQuery(t *testing.T) {
	m := New([]string{"+16465550130", "+16465550131", "+442079460000"}, nil, 10)
	m = typeText(m, "+1 646 555 0130")
	if got := shownNumbers(m); !reflect.DeepEqual(got, []string{"+16465550130"}) {
		t.Fatalf("typed with spaces and +: got %v, want only +16465550130", got)
	}
}

func TestFilterRanksContiguousMatchesBeforeScatteredOnes(t *testing.T) {
	// "0130" is contiguous only in the last number; the first holds its
	// digits scattered (0..1..3..0).
	nums := []string{"+10012030400", "+16465559999", "+16465550130"}
	m := typeText(New(nums, nil, 10), "0130")
	got := shownNumbers(m)
	want := []string{"+16465550130", "+10012030400"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ranking: got %v, want %v (contiguous first, non-matching left out)", got, want)
	}
}

func TestNarrowingWhileTypingEqualsAFreshFilter(t *testing.T) {
	nums := testNumbers(3000)
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		m := New(nums, nil, 10)
		var typed []string
		// Few distinct digits, so deleting a digit and typing it back (the
		// reused result) happens often.
		for k := 0; k < 1+rng.Intn(12); k++ {
			if rng.Intn(3) == 0 && len(typed) > 0 {
				m = press(m, "backspace")
				typed = typed[:len(typed)-1]
			} else {
				d := string(rune('0' + rng.Intn(4)))
				m = typeText(m, d)
				typed = append(typed, d)
			}
			got, want := shownNumbers(m), referenceFilter(nums, strings.Join(typed, ""))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("query %q: incremental result differs from the rule applied afresh (%d vs %d matches)",
					strings.Join(typed, ""), len(got), len(want))
			}
		}
	}
}

func TestBackspaceAndClearWidenTheFilter(t *testing.T) {
	nums := testNumbers(500)
	m := typeText(New(nums, nil, 10), "2019")
	narrowed := m.Matches()
	m = press(m, "backspace")
	if m.Matches() <= narrowed {
		t.Fatalf("backspace: %d matches, want more than %d", m.Matches(), narrowed)
	}
	m = press(m, "ctrl+u")
	if m.Query() != "" || m.Matches() != len(nums) {
		t.Fatalf("ctrl+u: query %q, %d matches; want empty query and all %d", m.Query(), m.Matches(), len(nums))
	}
}

func TestLetterInFilterMatchesNothingAndSaysWhy(t *testing.T) {
	m := typeText(New(testNumbers(20), nil, 10), "12a")
	if m.Matches() != 0 {
		t.Fatalf("letter in filter: %d matches, want 0", m.Matches())
	}
	if v := m.View(); !strings.Contains(v, "type digits only") {
		t.Fatalf("letter in filter: view does not explain:\n%s", v)
	}
}

func TestPasteGoesToTheFilter(t *testing.T) {
	m := New([]string{"+16465550130", "+16465550131"}, nil, 10)
	m, _ = m.Update(tea.PasteMsg{Content: "646 555 0131"})
	if got := shownNumbers(m); !reflect.DeepEqual(got, []string{"+16465550131"}) {
		t.Fatalf("paste: got %v", got)
	}
}

func TestToggleKeepsPickOrderAndRefusesBeyondMax(t *testing.T) {
	nums := []string{"+16465550130", "+16465550131", "+16465550132"}
	m := New(nums, nil, 2)
	m = press(m, "down", "space", "up", "space", "down", "down", "space")
	if got := m.Selected(); !reflect.DeepEqual(got, []string{"+16465550131", "+16465550130"}) {
		t.Fatalf("selected %v, want the two picked in pick order", got)
	}
	if !strings.Contains(m.View(), "at most 2 numbers") {
		t.Fatalf("third pick over max 2 not explained:\n%s", m.View())
	}
	m = press(m, "up", "up", "space") // untick the first
	if got := m.Selected(); !reflect.DeepEqual(got, []string{"+16465550131"}) {
		t.Fatalf("after untick: %v", got)
	}
}

func TestPreselectedNumberMissingFromPoolIsKeptAndShownFirst(t *testing.T) {
	m := New([]string{"+16465550131"}, []string{"+16465550199"}, 10)
	if got := shownNumbers(m); !reflect.DeepEqual(got, []string{"+16465550199", "+16465550131"}) {
		t.Fatalf("shown %v, want the user's own number first", got)
	}
	if got := m.Selected(); !reflect.DeepEqual(got, []string{"+16465550199"}) {
		t.Fatalf("selected %v", got)
	}
}

func TestEnterSendsChosenAndEscSendsCancelled(t *testing.T) {
	m := press(New([]string{"+16465550130"}, nil, 10), "space")
	_, cmd := m.Update(keyMsg("enter"))
	if cmd == nil {
		t.Fatal("enter: no command")
	}
	if got, ok := cmd().(pickers.Chosen); !ok || got.ID != ID || !reflect.DeepEqual(got.Values, []string{"+16465550130"}) {
		t.Fatalf("enter: got %#v, want Chosen with the pick", cmd())
	}
	_, cmd = m.Update(keyMsg("esc"))
	if _, ok := cmd().(pickers.Cancelled); !ok {
		t.Fatalf("esc: got %#v, want Cancelled", cmd())
	}
}

func TestViewDrawsOnlyVisibleRowsWithinHeight(t *testing.T) {
	m := New(testNumbers(10000), nil, 10)
	m.SetSize(60, 10)
	for i := 0; i < 25; i++ {
		m = press(m, "down")
	}
	lines := strings.Split(m.View(), "\n")
	if len(lines) != 10 {
		t.Fatalf("view has %d lines, want exactly the height 10", len(lines))
	}
	if !strings.Contains(m.View(), "▸") {
		t.Fatal("cursor row scrolled out of view")
	}
	if !strings.Contains(lines[len(lines)-1], "19–26 of 10,000") {
		t.Fatalf("footer %q, want the visible range 19–26 of 10,000", lines[len(lines)-1])
	}
}

func TestBlurredPickerIgnoresKeys(t *testing.T) {
	m := New(testNumbers(5), nil, 10)
	m.Blur()
	m = typeText(m, "9")
	if m.Query() != "" {
		t.Fatalf("blurred picker took a key: query %q", m.Query())
	}
}

// Typing a number as printed on a ticket ("3812 0050") filters to it and
// ticks nothing: the space is part of the filter, not a toggle.
func TestTypedNumberWithSpaceFiltersAndTicksNothing(t *testing.T) {
	nums := append(testNumbers(2000), "+442038120050")
	m := New(nums, nil, 10)
	m = typeText(m, "3812 0050")
	if m.Query() != "3812 0050" {
		t.Fatalf("query %q, want the text as typed", m.Query())
	}
	if got := m.Selected(); len(got) != 0 {
		t.Fatalf("typing ticked %v", got)
	}
	if n, ok := m.Current(); !ok || n != "+442038120050" {
		t.Fatalf("highlighted %q, want +442038120050 first", n)
	}
	_, cmd := m.Update(keyMsg("enter"))
	if got := cmd().(pickers.Chosen); !reflect.DeepEqual(got.Values, []string{"+442038120050"}) {
		t.Fatalf("enter with nothing ticked chose %v, want the highlighted number", got.Values)
	}
}

// A note (a number being ported) is drawn after its number, so the
// operator sees why it should not be picked.
func TestNotesAreShownAfterTheirNumber(t *testing.T) {
	nums := testNumbers(3)
	m := New(nums, nil, 10).WithNotes(map[string]string{nums[2]: "pending: being ported"})
	m.SetSize(80, 10)
	var noted []string
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.Contains(l, "pending: being ported") {
			noted = append(noted, l)
		}
	}
	if len(noted) != 1 {
		t.Fatalf("note drawn on %d rows, want 1:\n%s", len(noted), m.View())
	}
	if cur, _ := m.Current(); cur == nums[2] {
		t.Error("the cursor starts on the noted number")
	}
}
