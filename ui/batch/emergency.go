package batch

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/pickers"
)

// addressMark is the compact sign of an emergency address other than the
// site's default, for the batch table and the defaults line: "⌂ " and the
// address's first line, cut short ("" when the site's default applies).
func addressMark(c *state.Catalog, value string) string {
	if strings.TrimSpace(value) == "" {
		return ""
	}
	text := pickers.EmergencyAddressText(c, value)
	if a, ok := c.EmergencyAddressByID(strings.TrimSpace(value)); ok {
		text = a.Line1
	} else if first, _, found := strings.Cut(text, ","); found {
		text = first
	}
	return "⌂ " + ansi.Truncate(text, 18, "…")
}

// markWidth is the room a mark takes after the user's name ("" takes none).
func markWidth(mark string) int {
	if mark == "" {
		return 0
	}
	return 2 + ansi.StringWidth(mark)
}
