package pickers

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/styles"
)

func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func press(m Model, codes ...rune) (Model, tea.Msg) {
	var cmd tea.Cmd
	for _, c := range codes {
		m, cmd = m.Update(tea.KeyPressMsg{Code: c})
	}
	if cmd == nil {
		return m, nil
	}
	return m, cmd()
}

func plans() []Item { return Plans(nil, nil, "") }

// Enter in a multi picker with nothing ticked chooses the highlighted item
// (not an empty list); with ticks, exactly the ticked ones.
func TestMultiEnterWithoutTicksTakesTheHighlightedItem(t *testing.T) {
	items := []Item{{Value: "US/CA Metered"}, {Value: "US/CA Unlimited"}, {Value: "Pro"}}
	m := New(styles.New(true), "Calling plans", items, true, 0)
	_, msg := press(m, tea.KeyDown, tea.KeyEnter)
	if c, ok := msg.(Chosen); !ok || len(c.Values) != 1 || c.Values[0] != "US/CA Unlimited" {
		t.Fatalf("enter without ticks: %#v, want [US/CA Unlimited]", msg)
	}

	m = New(styles.New(true), "Calling plans", items, true, 0)
	m, _ = press(m, tea.KeyTab)
	_, msg = press(m, tea.KeyDown, tea.KeyDown, tea.KeyEnter)
	if c := msg.(Chosen); len(c.Values) != 1 || c.Values[0] != "US/CA Metered" {
		t.Fatalf("enter with a tick: %v, want only the ticked [US/CA Metered]", c.Values)
	}

	disabled := []Item{{Value: "Power Pack", Detail: "0 available", Disabled: true}}
	m = New(styles.New(true), "Calling plans", disabled, true, 0)
	m, msg = press(m, tea.KeyEnter)
	if msg != nil {
		t.Fatalf("enter chose a disabled item: %#v", msg)
	}
	if !strings.Contains(m.View(), "cannot be chosen") {
		t.Fatalf("refusal not explained:\n%s", m.View())
	}
}

// "uk unl" is two word prefixes: it finds UK/Ireland Unlimited (first),
// the space stays in the filter and nothing gets ticked on the way.
func TestWordPrefixesPickUKIrelandUnlimited(t *testing.T) {
	m := New(styles.New(true), "Calling plans", plans(), true, 0)
	m = typeText(m, "uk unl")
	if m.Filter() != "uk unl" {
		t.Fatalf("filter %q, want the text as typed", m.Filter())
	}
	if len(m.ticked()) != 0 {
		t.Fatalf("typing ticked %v", m.ticked())
	}
	_, msg := press(m, tea.KeyEnter)
	if c, ok := msg.(Chosen); !ok || len(c.Values) != 1 || c.Values[0] != "UK/Ireland Unlimited" {
		t.Fatalf("chose %#v, want [UK/Ireland Unlimited]", msg)
	}
}

// Abbreviations match a word from its first letter; exact and prefix
// matches rank before looser ones.
func TestAbbreviationsAndRanking(t *testing.T) {
	items := []Item{{Value: "Main Site Standard User"}, {Value: "Toronto"}, {Value: "Tokyo"}, {Value: "Main"}, {Value: "Remain"}}
	for q, want := range map[string]string{"std": "Main Site Standard User", "tnto": "Toronto", "main": "Main", "tok": "Tokyo"} {
		m := typeText(New(styles.New(true), "Sites", items, false, 0), q)
		if v := m.Values(); len(v) != 1 || v[0] != want {
			t.Errorf("%q highlights %v, want %s", q, v, want)
		}
	}
	if m := typeText(New(styles.New(true), "Sites", items, false, 0), "main"); m.Matches() != 2 {
		t.Errorf("\"main\" matches %d items, want Main and Main Site Standard User (not Remain)", m.Matches())
	}
}

// A fixed list refuses free text while its catalog is known; an unknown
// (empty) list takes it, marked unverified.
func TestFixedListRefusesFreeText(t *testing.T) {
	sites := []Item{{Value: "Main Site"}, {Value: "London"}}
	m := typeText(New(styles.New(true), "Site", sites, false, 0), "zzz")
	m, msg := press(m, tea.KeyEnter)
	if msg != nil {
		t.Fatalf("known list took free text: %#v", msg)
	}
	if !strings.Contains(ansi.Strip(m.View()), "not in the list") {
		t.Fatalf("refusal not explained:\n%s", m.View())
	}

	m = typeText(New(styles.New(true), "Site", nil, false, 0), "Tokyo")
	_, msg = press(m, tea.KeyEnter)
	if c, ok := msg.(Chosen); !ok || c.Values[0] != "Tokyo" || !c.Unverified || c.Note() == "" {
		t.Fatalf("unknown list: %#v, want Tokyo marked unverified", msg)
	}
}

// The site's country's plans come first, before the others.
func TestCountryPlansFirst(t *testing.T) {
	c := &state.Catalog{Sites: []state.Site{{ID: "l", Name: "London", Country: "GB"}}}
	items := Plans(c, nil, "London")
	if !strings.HasPrefix(items[0].Value, "UK/Ireland") || !strings.HasPrefix(items[1].Value, "UK/Ireland") {
		t.Fatalf("first plans for London: %s, %s", items[0].Value, items[1].Value)
	}
}

// Space ticks only while the filter is empty; tab always ticks.
func TestSpaceTicksOnlyWithoutFilter(t *testing.T) {
	m := New(styles.New(true), "Calling plans", plans(), true, 0)
	m, _ = m.Update(tea.KeyPressMsg{Code: ' ', Text: " "})
	if len(m.ticked()) != 1 {
		t.Fatalf("space on an empty filter ticked %v", m.ticked())
	}
	m = typeText(m, "jp")
	m, _ = m.Update(tea.KeyPressMsg{Code: ' ', Text: " "})
	if len(m.ticked()) != 1 || m.Filter() != "jp " {
		t.Fatalf("space in a filter: ticked %v filter %q", m.ticked(), m.Filter())
	}
	m, _ = press(m, tea.KeyTab)
	if len(m.ticked()) != 2 {
		t.Fatalf("tab did not tick: %v", m.ticked())
	}
}

// A list longer than its box says how many rows are above and below, and
// the view never exceeds the size it was given.
func TestMoreMarkersAndSize(t *testing.T) {
	for _, sz := range [][2]int{{60, 12}, {58, 6}, {100, 26}} {
		m := New(styles.New(true), "Calling plans", plans(), true, 0)
		m.SetSize(sz[0], sz[1])
		for i := 0; i < 8; i++ {
			m, _ = press(m, tea.KeyDown)
		}
		lines := strings.Split(m.View(), "\n")
		if len(lines) > sz[1] {
			t.Errorf("%v: %d lines", sz, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > sz[0] {
				t.Errorf("%v: line %d cells wide: %q", sz, w, ansi.Strip(l))
			}
		}
		if m.Len() <= m.rows() {
			continue // all 22 fit: nothing to mark
		}
		if !strings.Contains(lines[len(lines)-1], "↓") || (sz[1] < 10 && !strings.Contains(lines[len(lines)-1], "↑")) {
			t.Errorf("%v: footer %q lacks more markers", sz, ansi.Strip(lines[len(lines)-1]))
		}
	}
}
