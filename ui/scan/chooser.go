package scan

import (
	tea "charm.land/bubbletea/v2"

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

func (m *Model) updateChooser(k tea.KeyPressMsg) tea.Cmd {
	c := m.chooser
	var res pickers.Result
	c.picker, res = c.picker.Update(k)
	switch res {
	case pickers.Cancelled:
		m.closeChooser()
	case pickers.Chosen:
		vals := c.picker.Values()
		if len(vals) == 0 {
			return nil
		}
		if c.brand == "" {
			cur, _ := m.kind()
			c.brand = vals[0]
			c.picker = m.pickerFor("Model for these scans ("+c.brand+")", pickers.Models(c.brand), cur.model)
			c.picker.AllowFree = true
			return nil
		}
		m.override = &phoneKind{brand: c.brand, model: vals[0]}
		m.last = line{ok: true, text: "next scans: " + c.brand + " " + vals[0]}
		m.closeChooser()
	}
	return nil
}
