// Package keys holds the key bindings shared by several screens, so one key
// means one thing everywhere (enter opens/edits, esc goes back, ...). Screens
// own their keys: each builds its KeyMap from these and its own bindings.
package keys

import "charm.land/bubbles/v2/key"

// Global keys are handled by the shell on every screen.
var (
	// Quit saves the open draft and quits without asking.
	Quit = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "save & quit"))
	// Help toggles the full help (not while a text field has focus).
	Help = key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help"))
	// RefreshCatalog reads the account's lists from Zoom again now, whatever
	// their age.
	RefreshCatalog = key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "refresh catalog"))
)

// Common screen keys.
var (
	Up     = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up"))
	Down   = key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
	Enter  = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open"))
	Back   = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))
	Next   = key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "next field"))
	Prev   = key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "previous field"))
	Yes    = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes"))
	No     = key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no"))
	Toggle = key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "toggle"))
)

// Map is a simple help.KeyMap made of a short list and full-help columns.
type Map struct {
	Short []key.Binding
	Full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (m Map) ShortHelp() []key.Binding { return m.Short }

// FullHelp implements help.KeyMap; it falls back to the short list.
func (m Map) FullHelp() [][]key.Binding {
	if len(m.Full) == 0 {
		return [][]key.Binding{m.Short}
	}
	return m.Full
}
