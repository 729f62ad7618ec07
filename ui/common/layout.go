package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"zpadd/state/safetext"
)

// Pad cuts s to w cells (with "…") and pads it with spaces to exactly w, so
// table columns line up whatever the text holds (ANSI styles, wide runes).
// Text zpadd did not write goes through Cell instead.
func Pad(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// Cell is Pad for text zpadd did not write (a name from Zoom or a file,
// Zoom's message): its controls, escape sequences and line breaks are
// shown escaped on one line (safetext.Line), so a name can neither colour
// nor split the row.
func Cell(s string, w int) string { return Pad(safetext.Line(s), w) }

// Safe is safetext.Line for foreign text laid out without a fixed width.
func Safe(s string) string { return safetext.Line(s) }

// Fit cuts each line of s to the width and the whole to the height, so a
// screen never wraps or pushes the help line off the terminal.
func Fit(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	if w > 0 {
		for i, l := range lines {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// Plural is "s" unless n is 1: fmt.Sprintf("%d user%s", n, Plural(n)).
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
