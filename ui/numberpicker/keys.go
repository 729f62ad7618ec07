package numberpicker

import "charm.land/bubbles/v2/key"

// KeyMap is the picker's keys. Nothing printable is bound (space ticks only
// while the filter is empty): everything typed goes to the filter.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	Toggle, Done, Cancel, ClearFilter     key.Binding
	DeleteChar                            key.Binding
}

// DefaultKeyMap returns the picker's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:        key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		End:         key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		Toggle:      key.NewBinding(key.WithKeys("tab", "ctrl+space", "ctrl+@"), key.WithHelp("tab", "tick")),
		Done:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		ClearFilter: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear filter")),
		DeleteChar:  key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("⌫", "delete")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.Done, k.Cancel, k.ClearFilter}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Toggle, k.Done, k.Cancel, k.ClearFilter, k.DeleteChar},
	}
}
