package scan

import (
	"charm.land/bubbles/v2/key"

	"zpadd/ui/keys"
)

// keyMap is the scan screen's keys. The MAC field always has focus (the
// scanner types into it at any moment) and a–f are hex digits, so every
// command is a chord or a non-printing key.
type keyMap struct {
	Done, Skip, Undo, Model, Up, Down key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Done:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done")),
		Skip:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "skip this user")),
		Undo:  key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "undo last scan")),
		Model: key.NewBinding(key.WithKeys("ctrl+o", "alt+m"), key.WithHelp("ctrl+o", "model")),
		Up:    key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "choose the next user")),
		Down:  key.NewBinding(key.WithKeys("down")),
	}
}

func (k keyMap) helpMap() keys.Map {
	return keys.Map{
		Short: []key.Binding{k.Done, k.Skip, k.Undo, k.Model},
		Full:  [][]key.Binding{{k.Done, k.Skip, k.Undo, k.Model, k.Up}},
	}
}
