package numberpicker

import "charm.land/lipgloss/v2"

// Styles of the picker; the screen hosting it may replace them to match the
// app's palette.
type Styles struct {
	Title, Filter, Count, Cursor, Picked, Row, Note, Empty lipgloss.Style
}

// DefaultStyles works on dark and light backgrounds alike (no colours that
// depend on the background).
func DefaultStyles() Styles {
	return Styles{
		Title:  lipgloss.NewStyle().Bold(true),
		Filter: lipgloss.NewStyle().Underline(true),
		Count:  lipgloss.NewStyle().Faint(true),
		Cursor: lipgloss.NewStyle().Bold(true),
		Picked: lipgloss.NewStyle().Bold(true),
		Row:    lipgloss.NewStyle(),
		Note:   lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		Empty:  lipgloss.NewStyle().Faint(true),
	}
}
