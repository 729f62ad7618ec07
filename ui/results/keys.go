package results

import (
	"charm.land/bubbles/v2/key"

	"zpadd/ui/keys"
)

type keyMap struct {
	Failed, Export, Watch, StopWatch, NewBatch, Home, Cancel, Review key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Failed:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "failed → new draft")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export results")),
		Watch:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "watch desk phones")),
		StopWatch: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "stop watching")),
		NewBatch:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new batch")),
		Home:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel (nothing sent yet)")),
		Review:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "back to review")),
	}
}

// helpMap lists only the keys that work now.
func (m *Model) helpMap() keys.Map {
	k := m.keys
	if m.running() {
		if m.prog.requests == 0 && !m.cancelled {
			return keys.Map{Short: []key.Binding{k.Cancel}}
		}
		return keys.Map{}
	}
	if m.blocked != nil {
		return keys.Map{Short: []key.Binding{k.Review, k.Home}}
	}
	var short []key.Binding
	created, refused, unknown, _ := m.prog.counts()
	if refused+unknown > 0 || created < len(m.prog.rows) {
		short = append(short, k.Failed)
	}
	if m.sub != nil {
		short = append(short, k.Export)
	}
	if m.phonesToWatch() > 0 {
		w := k.Watch
		if m.watching {
			w = k.StopWatch
		}
		short = append(short, w)
	}
	short = append(short, m.deviceKeys()...)
	return keys.Map{Short: append(short, k.NewBatch, k.Home)}
}
