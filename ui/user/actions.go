package user

import (
	"cmp"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/ui/keys"
)

// Key bindings of the form. None is a single printable letter: text, MAC
// and picker fields take letters (a–f are hex digits in a MAC), so every
// command is a chord or a non-printing key.
var (
	nextKey    = key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "next"))
	prevKey    = key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "previous"))
	chooseKey  = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "choose"))
	toggleKey  = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("space", "toggle"))
	acceptExt  = key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "use suggestion"))
	removeKey  = key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "remove phone"))
	clearKey   = key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear"))
	doneKey    = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done"))
	macEnter   = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "check MAC"))
	addKeyBind = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "add phone"))
	textEnter  = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next"))
	// clearText is the text field's own ctrl+u (delete to the start).
	clearText = key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear"))
	// typeKey is help for typing on a picker field, which opens its picker
	// with that text; key matches it before the actions, since it is any
	// printable key (its binding's "a" is one of them).
	typeKey = key.NewBinding(key.WithKeys("a"), key.WithHelp("type", "filter"))
	jumpKey = key.NewBinding(key.WithKeys("alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9", "alt+0"),
		key.WithHelp("alt+1…0", "jump to field"))
)

// KeyMap implements common.Screen: built from the same actions key runs.
func (m *Model) KeyMap() help.KeyMap {
	switch m.overlay {
	case pickerOverlay:
		return m.picker.KeyMap()
	case numbersOverlay:
		return m.numbers.KeyMap()
	}
	km := m.actions().Map(keys.Help, keys.Quit)
	// ctrl+c is the shell's and well known: in "?", not on the short line.
	km.Short = km.Short[:len(km.Short)-1]
	return km
}

// actions is every key of the form for the focused field, in help order:
// key runs the first that matches, and the help line and "?" are built
// from the same list, so a key shown is a key handled. Only the focused
// field's keys are listed, since enter and space mean something else on
// each kind of field.
func (m *Model) actions() keys.Actions {
	s := m.specs[m.focus]
	writable := func() string {
		if m.ctx.ReadOnly {
			return common.ReadOnlyWhy
		}
		return ""
	}
	as := keys.Actions{
		{Binding: nextKey, Run: func() tea.Cmd { return m.moveFocus(m.focus+1, true) }},
		{Binding: prevKey, Run: func() tea.Cmd { return m.moveFocus(m.focus+len(m.specs)-1, false) }},
		{Binding: jumpKey, Hidden: true, RunKey: func(k tea.KeyPressMsg) tea.Cmd {
			to := m.jumpTo(k)
			if to < 0 {
				return common.Error(fmt.Errorf("%s: this user has no such field", k.String()))
			}
			return m.moveFocus(to, true)
		}},
	}
	switch s.Kind {
	case pickKind, multiKind, numbersKind:
		as = append(as,
			keys.Action{Binding: chooseKey, Disabled: writable, Run: func() tea.Cmd { return m.open(s) }},
			// Typing itself is caught in key (any printable key); this
			// record is its help, and "a" reaching it opens the picker too.
			keys.Action{Binding: typeKey, Disabled: writable, RunKey: m.typeToFilter},
			keys.Action{Binding: clearKey, Disabled: writable, Run: func() tea.Cmd { return m.chosen(nil) }})
	case toggleKind:
		as = append(as, keys.Action{Binding: toggleKey, Disabled: writable, Run: m.toggle})
	case macKind:
		as = append(as,
			keys.Action{Binding: macEnter, Disabled: func() string {
				if strings.TrimSpace(m.mac.Value()) == "" {
					return cmp.Or(writable(), "type or scan a MAC first")
				}
				return writable()
			}, RunKey: m.feedMAC},
			keys.Action{Binding: removeKey, Disabled: writable, Run: func() tea.Cmd { return m.removePhone(s.Phone) }})
	case addPhoneKind:
		as = append(as, keys.Action{Binding: addKeyBind, Disabled: writable, Run: m.addPhone})
	case textKind:
		if m.input.Value() == "" && m.suggestion(s.ID) != "" {
			as = append(as, keys.Action{Binding: acceptExt, Disabled: writable, Run: m.acceptSuggestion})
		} else {
			as = append(as, keys.Action{Binding: clearText, Disabled: func() string {
				if m.input.Value() == "" {
					return cmp.Or(writable(), "nothing to clear")
				}
				return writable()
			}, RunKey: func(k tea.KeyPressMsg) tea.Cmd { return m.typed(k) }})
		}
		as = append(as, keys.Action{Binding: textEnter, Hidden: true, Disabled: writable, Run: func() tea.Cmd { return m.moveFocus(m.focus+1, false) }})
	}
	return append(as, keys.Action{Binding: doneKey, Run: func() tea.Cmd { return tea.Batch(m.leave(), m.done()) }})
}

// key handles a key press on the form itself (no overlay open): typing on
// a picker field opens its picker, then the actions, then the focused text
// or MAC field takes the key.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	s := m.specs[m.focus]
	printable := k.Text != "" && k.Text != " " && k.Mod&(tea.ModCtrl|tea.ModAlt) == 0
	if printable && (s.Kind == pickKind || s.Kind == multiKind || s.Kind == numbersKind) {
		if m.ctx.ReadOnly {
			return common.Error(errReadOnly)
		}
		return m.typeToFilter(k)
	}
	cmd, why, ok := m.actions().Match(k)
	switch {
	case why != "":
		return common.Error(fmt.Errorf("%s: %s", k.String(), why))
	case ok:
		return cmd
	case m.ctx.ReadOnly:
		return common.Error(errReadOnly)
	case s.Kind == textKind:
		return m.typed(k)
	case s.Kind == macKind:
		return m.feedMAC(k)
	}
	return nil
}

// moveFocus commits the field being left and focuses row to (modulo the
// rows); lookup starts the email lookup the new field may be waiting for.
func (m *Model) moveFocus(to int, lookup bool) tea.Cmd {
	cmd := m.leave()
	m.focus = to % len(m.specs)
	m.enter()
	if lookup {
		return tea.Batch(cmd, m.lookupSoon())
	}
	return cmd
}

// typeToFilter opens the focused picker field's picker with the typed text.
func (m *Model) typeToFilter(k tea.KeyPressMsg) tea.Cmd {
	cmd := m.open(m.specs[m.focus])
	switch m.overlay {
	case pickerOverlay:
		m.picker.SetFilter(k.Text)
	case numbersOverlay:
		m.numbers.SetQuery(k.Text)
	}
	return cmd
}

// feedMAC gives a key to the focused MAC field (enter checks the MAC).
func (m *Model) feedMAC(k tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	m.mac, cmd = m.mac.Update(k)
	return cmd
}

// toggle cycles the focused on/off/not-set field.
func (m *Model) toggle() tea.Cmd {
	u := m.user()
	if m.specs[m.focus].ID == "sms" {
		u.SMS = common.CycleOptional(u.SMS)
	} else {
		u.SelectOutboundCallerID = common.CycleOptional(u.SelectOutboundCallerID)
	}
	return m.changed()
}

// acceptSuggestion fills the empty text field with its suggestion.
func (m *Model) acceptSuggestion() tea.Cmd {
	m.input.SetValue(m.suggestion(m.specs[m.focus].ID))
	m.input.CursorEnd()
	return m.typedDone()
}
