package review

import (
	"charm.land/bubbles/v2/key"

	"zpadd/ui/keys"
)

type keyMap struct {
	Up, Down, Open, JSON, Submit, Recheck, Back key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:      key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "move")),
		Down:    key.NewBinding(key.WithKeys("down")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to field")),
		JSON:    key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "request body")),
		Submit:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "submit")),
		Recheck: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "check again")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// helpMap lists the keys that work right now.
func (m *Model) helpMap() keys.Map {
	k := m.keys
	if m.showJSON {
		return keys.Map{Short: []key.Binding{
			key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓ pgup/pgdn", "scroll")),
			key.NewBinding(key.WithKeys("j"), key.WithHelp("j/esc", "back to problems")),
		}}
	}
	short := []key.Binding{}
	if len(m.items) > 0 {
		short = append(short, k.Up, k.Open)
	}
	short = append(short, k.JSON)
	if !m.problems().Blocking() {
		short = append(short, k.Submit)
	}
	short = append(short, k.Recheck, k.Back)
	return keys.Map{Short: short}
}
