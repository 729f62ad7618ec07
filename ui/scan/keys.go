package scan

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/ui/keys"
)

// The scan screen's keys. The MAC field always has focus (the scanner types
// into it at any moment) and a–f are hex digits, so every command is a
// chord or a non-printing key.
var (
	doneKey  = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done"))
	skipKey  = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "skip this user"))
	undoKey  = key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "undo last scan"))
	modelKey = key.NewBinding(key.WithKeys("ctrl+o", "alt+m"), key.WithHelp("ctrl+o", "model"))
	moveKey  = key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose the next user"))
)

// actions is every key of the screen in one list: handleKey matches it and
// the help line and "?" are built from it, so a key shown is a key handled.
func (m *Model) actions() keys.Actions {
	return keys.Actions{
		{Binding: doneKey, Run: common.GoBack},
		{Binding: skipKey, Disabled: m.noTarget, Run: func() tea.Cmd { m.skip(); return nil }},
		// Undo with nothing to undo says so on the "last:" line itself
		// (undoLast), so it stays in the help line.
		{Binding: undoKey, Run: m.undoLast},
		{Binding: modelKey, Run: func() tea.Cmd { m.openChooser(); return nil }},
		{Binding: moveKey, Hidden: true, Disabled: m.noTarget, RunKey: func(k tea.KeyPressMsg) tea.Cmd {
			if k.String() == "up" {
				m.moveTarget(-1)
			} else {
				m.moveTarget(1)
			}
			return nil
		}},
	}
}

// noTarget is why skipping or choosing a user does nothing: every user has
// a desk phone.
func (m *Model) noTarget() string {
	if m.target < 0 {
		return "every user has a desk phone"
	}
	return ""
}

// handleKey runs the action of a key; a disabled one says why on the
// "last:" line. handled is false for keys that are the MAC field's.
func (m *Model) handleKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	cmd, why, ok := m.actions().Match(k)
	if why != "" {
		m.last = line{text: k.String() + ": " + why}
	}
	return cmd, ok
}
