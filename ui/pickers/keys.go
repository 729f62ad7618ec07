package pickers

import (
	"charm.land/bubbles/v2/key"

	"zpadd/ui/keys"
)

// KeyMap is the picker's keys. Letters and space are not bound (space ticks
// only while the filter is empty): everything printable goes to the filter.
type KeyMap struct {
	Up, Down, PageUp, PageDown key.Binding
	Toggle, Choose, Cancel     key.Binding
	ClearFilter, DeleteChar    key.Binding
}

// DefaultKeyMap returns the picker's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Toggle:      key.NewBinding(key.WithKeys("tab", "ctrl+space", "ctrl+@"), key.WithHelp("tab", "tick")),
		Choose:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		ClearFilter: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear filter")),
		DeleteChar:  key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("⌫", "delete")),
	}
}

// KeyMap lists the keys that work now, for the help line and "?".
func (m Model) KeyMap() keys.Map {
	k := m.Keys
	choose := k.Choose
	if m.multi {
		choose.SetHelp("enter", "done")
		return keys.Map{Short: []key.Binding{k.Toggle, choose, k.Cancel, k.ClearFilter},
			Full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Toggle, choose, k.Cancel, k.ClearFilter, k.DeleteChar}}}
	}
	return keys.Map{Short: []key.Binding{k.Up, k.Down, choose, k.Cancel, k.ClearFilter},
		Full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {choose, k.Cancel, k.ClearFilter, k.DeleteChar}}}
}
