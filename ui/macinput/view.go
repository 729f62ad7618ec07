package macinput

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/state/safetext"
)

// Styles of the field; a screen may replace them with the app's palette.
type Styles struct {
	Prompt, Text, Placeholder, Cursor, Valid, Invalid lipgloss.Style
}

// DefaultStyles uses no background-dependent colours.
func DefaultStyles() Styles {
	return Styles{
		Prompt:      lipgloss.NewStyle().Bold(true),
		Text:        lipgloss.NewStyle(),
		Placeholder: lipgloss.NewStyle().Faint(true),
		Cursor:      lipgloss.NewStyle(),
		Valid:       lipgloss.NewStyle().Foreground(lipgloss.Green),
		Invalid:     lipgloss.NewStyle().Faint(true),
	}
}

// View shows the raw text as typed and, beside it, the normalised MAC it
// reads as (or why it does not read as one yet), cut to the width.
func (m Model) View() string {
	s := m.Styles
	line := s.Prompt.Render("MAC ")
	if m.value == "" {
		if m.focused {
			line += s.Cursor.Render("▏")
		}
		line += s.Placeholder.Render(m.Placeholder)
	} else {
		line += s.Text.Render(m.value)
		if m.focused {
			line += s.Cursor.Render("▏")
		}
		if m.refused != "" {
			line += "  " + s.Invalid.Render("✗ "+m.refused)
		} else if mac, err := state.NormalizeMAC(m.value); err == nil {
			line += "  " + s.Valid.Render("→ "+state.FormatMAC(mac, ":")+" ✓")
		} else {
			line += "  " + s.Invalid.Render(safetext.Line(err.Error()))
		}
	}
	if m.width > 0 {
		line = ansi.Truncate(line, m.width, "…")
	}
	return line
}
