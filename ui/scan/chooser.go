package scan

import (
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/ui/pickers"
)

// chooser picks the brand, then the model, that the following scans get.
type chooser struct {
	picker pickers.Model
	brand  string // chosen in the first step; "" while choosing the brand
}

func (m *Model) openChooser() {
	cur, _ := m.kind()
	m.input.Blur()
	m.chooser = &chooser{picker: m.pickerFor("Brand for these scans", pickers.Brands(), cur.brand)}
}

func (m *Model) closeChooser() {
	m.chooser = nil
	if !m.ctx.ReadOnly {
		m.input.Focus()
	}
}

// updateChooser feeds keys and pastes to the picker and takes its answer;
// handled is false for messages that are not the chooser's.
func (m *Model) updateChooser(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	c := m.chooser
	switch msg := msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		c.picker, cmd = c.picker.Update(msg)
		if ans, rest := pickers.Answer(cmd); ans != nil {
			return m.updateChooser(ans)
		} else {
			return rest, true
		}
	case pickers.Cancelled:
		m.closeChooser()
		return nil, true
	case pickers.Chosen:
		if c.brand == "" {
			cur, _ := m.kind()
			c.brand = msg.Values[0]
			c.picker = m.pickerFor("Model for these scans ("+c.brand+")", pickers.Models(c.brand), cur.model)
			return common.Note(msg.Note()), true
		}
		m.override = &phoneKind{brand: c.brand, model: msg.Values[0]}
		m.last = line{ok: true, text: "next scans: " + c.brand + " " + msg.Values[0]}
		m.closeChooser()
		return common.Note(msg.Note()), true
	}
	return nil, false
}
