// Package styles holds the one Styles struct every screen renders with, so
// the look is decided in one place and light/dark is chosen once, before the
// program starts (querying the terminal from inside stalls under tmux).
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the whole palette of the wizard. Colours are downsampled (or
// dropped under NO_COLOR) by bubbletea's renderer, so screens never test
// the colour profile themselves.
type Styles struct {
	Dark bool

	// Header line: app name, breadcrumb, badges.
	App        lipgloss.Style
	Breadcrumb lipgloss.Style
	Sandbox    lipgloss.Style
	Account    lipgloss.Style
	Stale      lipgloss.Style
	Rule       lipgloss.Style

	// Body.
	Title    lipgloss.Style // section titles ("Drafts", "Recent submissions")
	Label    lipgloss.Style // field labels
	Muted    lipgloss.Style // secondary text, column headers
	Selected lipgloss.Style // the row under the cursor
	Cursor   lipgloss.Style // the ▸ mark
	Focused  lipgloss.Style // the focused field's label
	Value    lipgloss.Style

	// Marks and flashes.
	OK      lipgloss.Style
	Warn    lipgloss.Style
	Err     lipgloss.Style
	Unknown lipgloss.Style
	Notice  lipgloss.Style // the "outcome unknown" / read-only banners

	// Footer.
	Status lipgloss.Style
	Help   lipgloss.Style
}

// New builds the styles for a dark or light background.
func New(dark bool) *Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkHex string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkHex)) }

	accent := c("#5A3FD6", "#A78BFA")
	muted := c("#6B6B6B", "#8A8A8A")
	green := c("#1A7F37", "#4ADE80")
	yellow := c("#9A6700", "#FACC15")
	red := c("#CF222E", "#F87171")
	blue := c("#0550AE", "#60A5FA")
	selBg := c("#E8E4FB", "#2E2A47")

	return &Styles{
		Dark:       dark,
		App:        lipgloss.NewStyle().Bold(true).Foreground(accent),
		Breadcrumb: lipgloss.NewStyle().Bold(true),
		Sandbox:    lipgloss.NewStyle().Bold(true).Foreground(yellow),
		Account:    lipgloss.NewStyle(),
		Stale:      lipgloss.NewStyle().Foreground(yellow),
		Rule:       lipgloss.NewStyle().Foreground(muted),
		Title:      lipgloss.NewStyle().Bold(true),
		Label:      lipgloss.NewStyle().Foreground(muted),
		Muted:      lipgloss.NewStyle().Foreground(muted),
		Selected:   lipgloss.NewStyle().Background(selBg),
		Cursor:     lipgloss.NewStyle().Foreground(accent).Bold(true),
		Focused:    lipgloss.NewStyle().Foreground(accent).Bold(true),
		Value:      lipgloss.NewStyle(),
		OK:         lipgloss.NewStyle().Foreground(green),
		Warn:       lipgloss.NewStyle().Foreground(yellow),
		Err:        lipgloss.NewStyle().Foreground(red),
		Unknown:    lipgloss.NewStyle().Foreground(blue),
		Notice:     lipgloss.NewStyle().Foreground(yellow).Bold(true),
		Status:     lipgloss.NewStyle().Foreground(accent),
		Help:       lipgloss.NewStyle().Foreground(muted),
	}
}
