package macinput

import "charm.land/bubbles/v2/key"

// KeyMap is the field's keys. Letters are never bound: a–f are hex digits.
type KeyMap struct {
	// Submit ends the code. ctrl+j is what a scanner's LF terminator
	// decodes to.
	Submit     key.Binding
	DeleteChar key.Binding
	Clear      key.Binding
}

// DefaultKeyMap returns the field's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Submit:     key.NewBinding(key.WithKeys("enter", "ctrl+j", "ctrl+m"), key.WithHelp("enter", "add MAC")),
		DeleteChar: key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("⌫", "delete")),
		Clear:      key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Submit, k.Clear} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Submit, k.DeleteChar, k.Clear}} }
