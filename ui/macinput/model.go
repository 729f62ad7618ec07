// Package macinput is a one-line field for desk-phone MAC addresses, typed
// by hand or "typed" by a USB barcode scanner (12–17 characters and Enter
// within milliseconds, possibly with a "MAC:" label or an AIM "]C0"
// symbology prefix, possibly as one bracketed paste). Every character is
// kept whatever the speed; Enter normalises with state.NormalizeMAC and
// reports Accepted or Rejected. Duplicate checks belong to the caller, which
// knows the batch and the account.
package macinput

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
)

// Accepted is sent when Enter completes a valid MAC; MAC is 12 lowercase
// hex digits.
type Accepted struct{ MAC string }

// Rejected is sent when Enter completes something that is not a usable MAC;
// Input is exactly what was typed or scanned, Err says what is wrong.
type Rejected struct {
	Input string
	Err   error
}

// Model is the field. The zero value is usable (blurred, no width limit);
// New returns a focused one.
type Model struct {
	value   string
	refused string // why the screen refused the MAC shown (in use, registered)
	focused bool
	width   int

	// Placeholder is shown while the field is empty.
	Placeholder string
	Keys        KeyMap
	Styles      Styles
}

// New returns a focused, empty field.
func New() Model {
	return Model{
		focused:     true,
		Placeholder: "scan the barcode or type the MAC",
		Keys:        DefaultKeyMap(),
		Styles:      DefaultStyles(),
	}
}

// SetWidth limits View to w cells (0: no limit).
func (m *Model) SetWidth(w int) { m.width = w }

// Focus makes the field take keys and pasted text.
func (m *Model) Focus() { m.focused = true }

// Blur makes the field ignore input.
func (m *Model) Blur() { m.focused = false }

// Focused reports whether the field takes input.
func (m Model) Focused() bool { return m.focused }

// Value returns the raw text in the field.
func (m Model) Value() string { return m.value }

// SetValue replaces the raw text (e.g. to edit an existing MAC).
func (m *Model) SetValue(s string) { m.value, m.refused = s, "" }

// Refuse shows a well-formed MAC as refused by the screen (already in the
// batch, registered on the account), instead of a ✓ beside it; typing
// clears it.
func (m *Model) Refuse(s, why string) { m.value, m.refused = s, why }

// Reset empties the field.
func (m *Model) Reset() { m.value, m.refused = "", "" }

// Normalized is the live reading of the field: the MAC it would submit, or
// why it would be refused.
func (m Model) Normalized() (string, error) { return state.NormalizeMAC(m.value) }

// KeyMap returns the field's keys for a help line.
func (m Model) KeyMap() KeyMap { return m.Keys }

// Update takes key presses and pasted text. Keys it does not use (tab, esc,
// arrows, ctrl/alt chords) are left to the caller. Outcomes (Accepted,
// Rejected) come back as commands; see Feed for callers that must not let
// two scans swap or a quit overtake a scan.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	m, outcomes := m.Feed(msg)
	cmds := make([]tea.Cmd, 0, len(outcomes))
	for _, o := range outcomes {
		cmds = append(cmds, func() tea.Msg { return o })
	}
	switch len(cmds) {
	case 0:
		return m, nil
	case 1:
		return m, cmds[0]
	}
	return m, tea.Sequence(cmds...)
}

// Feed is Update returning the outcomes at once, in input order, instead
// of as commands. bubbletea runs each command in its own goroutine, so
// outcomes sent as commands from successive Enter presses (a scanner's
// back-to-back bursts) can arrive swapped, and one still in flight when
// ctrl+c quits is lost; a caller that handles Feed's outcomes inside its
// own Update has neither problem.
func (m Model) Feed(msg tea.Msg) (Model, []tea.Msg) {
	if !m.focused {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.refused = ""
		return m.feed(msg.Content)
	case tea.KeyPressMsg:
		m.refused = "" // any key edits or resubmits what was refused
		switch {
		case key.Matches(msg, m.Keys.Submit) || msg.Code == tea.KeyKpEnter:
			return m.feed("\r")
		case key.Matches(msg, m.Keys.DeleteChar):
			if m.value != "" {
				_, size := utf8.DecodeLastRuneInString(m.value)
				m.value = m.value[:len(m.value)-size]
			}
		case key.Matches(msg, m.Keys.Clear):
			m.value = ""
		case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0:
			return m.feed(msg.Text)
		}
	}
	return m, nil
}

// terminators end a scan. Scanners send CR, LF or CRLF after the code
// depending on their set-up, and some a Tab; inside one burst of text (a
// paste) each of them completes the code before it.
const terminators = "\r\n\t"

// feed appends text, submitting at each terminator. A burst holding several
// codes yields one outcome per code, in order.
func (m Model) feed(text string) (Model, []tea.Msg) {
	var outcomes []tea.Msg
	for text != "" {
		i := strings.IndexAny(text, terminators)
		if i < 0 {
			m.value += text
			break
		}
		m.value += text[:i]
		text = text[i+1:]
		if o := m.submit(); o != nil {
			outcomes = append(outcomes, o)
		}
	}
	return m, outcomes
}

// submit empties the field and reports what it held. An empty field (a
// stray Enter, the LF of a CRLF) reports nothing.
func (m *Model) submit() tea.Msg {
	input := m.value
	m.value = ""
	if strings.TrimSpace(input) == "" {
		return nil
	}
	mac, err := state.NormalizeMAC(input)
	if err != nil {
		return Rejected{Input: input, Err: err}
	}
	return Accepted{MAC: mac}
}
