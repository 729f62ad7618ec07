package macinput

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// burst sends s as one key message per character, the way a USB scanner
// types, with no View in between; "\r" is the Enter key.
func burst(m Model, s string) (Model, []tea.Msg) {
	var msgs []tea.Msg
	for _, r := range s {
		var k tea.KeyPressMsg
		switch r {
		case '\r':
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		case '\n':
			k = tea.KeyPressMsg{Code: 'j', Mod: tea.ModCtrl} // how LF decodes
		default:
			k = tea.KeyPressMsg{Code: r, Text: string(r)}
		}
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		msgs = append(msgs, collect(cmd)...)
	}
	return m, msgs
}

// collect runs a command and flattens batches and sequences into the
// messages they produce, in order.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, collect(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func TestScannerBurstsAsSeparateKeysAreAcceptedExactly(t *testing.T) {
	cases := []struct{ name, scan, want string }{
		{"bare upper case", "805EC0B20001\r", "805ec0b20001"},
		{"colons", "80:5e:c0:b2:00:01\r", "805ec0b20001"},
		{"MAC: label", "MAC:80-5E-C0-B2-00-01\r", "805ec0b20001"},
		{"AIM symbology id", "]C0805EC0B20001\r", "805ec0b20001"},
		{"AIM id then label", "]C0MAC 805EC0B20001\r", "805ec0b20001"},
		{"layout-mangled separators", "80'5e'c0'b2'00'01\r", "805ec0b20001"},
		{"semicolons for colons", "80;5e;c0;b2;00;01\r", "805ec0b20001"},
		{"Cisco dots", "805e.c0b2.0001\r", "805ec0b20001"},
		{"LF terminator", "805ec0b20001\n", "805ec0b20001"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, msgs := burst(New(), c.scan)
			want := []tea.Msg{Accepted{MAC: c.want}}
			if !reflect.DeepEqual(msgs, want) {
				t.Fatalf("scan %q: got %#v, want %#v", c.scan, msgs, want)
			}
			if m.Value() != "" {
				t.Fatalf("field not emptied after the scan: %q", m.Value())
			}
		})
	}
}

func TestScannerBurstAsOnePasteIsAccepted(t *testing.T) {
	m, cmd := New().Update(tea.PasteMsg{Content: "MAC: 80:5E:C0:B2:00:01\r\n"})
	msgs := collect(cmd)
	if want := []tea.Msg{Accepted{MAC: "805ec0b20001"}}; !reflect.DeepEqual(msgs, want) {
		t.Fatalf("got %#v, want %#v (CRLF is one terminator)", msgs, want)
	}
	if m.Value() != "" {
		t.Fatalf("field holds %q after the scan", m.Value())
	}
}

func TestPasteHoldingSeveralScansReportsEachInOrder(t *testing.T) {
	_, cmd := New().Update(tea.PasteMsg{Content: "805ec0b20001\r805ec0b2000Z\r]C0805ec0b20003\r"})
	msgs := collect(cmd)
	if len(msgs) != 3 {
		t.Fatalf("got %d messages, want 3: %#v", len(msgs), msgs)
	}
	if msgs[0] != (Accepted{MAC: "805ec0b20001"}) || msgs[2] != (Accepted{MAC: "805ec0b20003"}) {
		t.Fatalf("order or values wrong: %#v", msgs)
	}
	rej, ok := msgs[1].(Rejected)
	if !ok || rej.Input != "805ec0b2000Z" || !strings.Contains(rej.Err.Error(), "'Z'") {
		t.Fatalf("second scan: got %#v, want Rejected naming the Z", msgs[1])
	}
}

func TestPasteWithoutTerminatorWaitsForEnter(t *testing.T) {
	m, cmd := New().Update(tea.PasteMsg{Content: "80:5e:c0"})
	if cmd != nil {
		t.Fatalf("partial paste submitted: %#v", collect(cmd))
	}
	m, msgs := burst(m, ":b2:00:01\r")
	if want := []tea.Msg{Accepted{MAC: "805ec0b20001"}}; !reflect.DeepEqual(msgs, want) {
		t.Fatalf("got %#v, want %#v", msgs, want)
	}
}

func TestWrongMACIsRejectedWithWhatWasTyped(t *testing.T) {
	_, msgs := burst(New(), "805ec0b2000\r")
	if len(msgs) != 1 {
		t.Fatalf("got %#v", msgs)
	}
	rej, ok := msgs[0].(Rejected)
	if !ok || rej.Input != "805ec0b2000" || !strings.Contains(rej.Err.Error(), "11") {
		t.Fatalf("got %#v, want Rejected with input and \"11\" hex digits named", msgs[0])
	}
}

func TestEveryTypedCharacterIsKept(t *testing.T) {
	// 2,000 characters at "scanner speed": no View, no Enter in between.
	var sb strings.Builder
	alphabet := "0123456789abcdefABCDEF:-. ]MAC'"
	for i := 0; i < 2000; i++ {
		sb.WriteByte(alphabet[(i*7+i/13)%len(alphabet)])
	}
	m, msgs := burst(New(), sb.String())
	if len(msgs) != 0 {
		t.Fatalf("submitted without Enter: %#v", msgs)
	}
	if m.Value() != sb.String() {
		t.Fatalf("kept %d of %d characters", len(m.Value()), sb.Len())
	}
}

func TestEditingKeys(t *testing.T) {
	m, _ := burst(New(), "805ec0b2000x")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if m.Value() != "805ec0b2000" {
		t.Fatalf("backspace: %q", m.Value())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	if m.Value() != "" {
		t.Fatalf("ctrl+u: %q", m.Value())
	}
}

func TestEmptyEnterAndCommandChordsAreNotTyped(t *testing.T) {
	m, cmd := New().Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd != nil {
		t.Fatalf("empty Enter reported %#v", collect(cmd))
	}
	for _, k := range []tea.KeyPressMsg{
		{Code: 'z', Mod: tea.ModCtrl},
		{Code: 'm', Mod: tea.ModAlt, Text: "m"},
		{Code: tea.KeyTab},
		{Code: tea.KeyEscape},
	} {
		m, _ = m.Update(k)
	}
	if m.Value() != "" {
		t.Fatalf("command keys typed into the field: %q", m.Value())
	}
}

func TestBlurredFieldIgnoresInput(t *testing.T) {
	m := New()
	m.Blur()
	m, _ = burst(m, "805ec0b20001\r")
	m, _ = m.Update(tea.PasteMsg{Content: "abc"})
	if m.Value() != "" {
		t.Fatalf("blurred field took %q", m.Value())
	}
}

func TestViewShowsTheNormalisedFormLive(t *testing.T) {
	m, _ := burst(New(), "MAC:805EC0B20001")
	if v := m.View(); !strings.Contains(v, "80:5e:c0:b2:00:01") {
		t.Fatalf("view lacks the normalised MAC:\n%s", v)
	}
	m, _ = burst(New(), "805ec0")
	if v := m.View(); !strings.Contains(v, "6 hex digits") {
		t.Fatalf("view of a partial MAC does not say what is missing:\n%s", v)
	}
	m.SetWidth(20)
	if w := len([]rune(stripANSI(m.View()))); w > 20 {
		t.Fatalf("view is %d cells wide, want ≤ 20", w)
	}
}

// A well-formed MAC the screen refused (registered on the account) shows
// ✗ and the reason, never a ✓ beside it; typing clears the refusal.
func TestRefusedMACShowsNoTick(t *testing.T) {
	m := New()
	m.Focus()
	m.Refuse("00:04:f2:a0:00:01", "already registered")
	v := ansi.Strip(m.View())
	if strings.Contains(v, "✓") || !strings.Contains(v, "✗ already registered") {
		t.Fatalf("refused MAC view %q", v)
	}
	m, _ = m.Feed(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if v := ansi.Strip(m.View()); strings.Contains(v, "✗ already") {
		t.Fatalf("refusal kept after an edit: %q", v)
	}
}
