package sandbox

import (
	"regexp"
	"strings"
)

// macPattern is the MAC format Zoom validates (POST /phone/devices; PSZoom
// applies it to the batch call too): six hex pairs, optionally separated by
// ":" or "-".
var macPattern = regexp.MustCompile(`^([0-9A-Fa-f]{2}[:-]?){5}([0-9A-Fa-f]{2})$`)

// normaliseMAC returns the MAC as Zoom returns it (12 lowercase hex digits)
// and whether it matched Zoom's pattern.
func normaliseMAC(s string) (string, bool) {
	if !macPattern.MatchString(s) {
		return "", false
	}
	return strings.ToLower(macSeparators.Replace(s)), true
}

// macSeparators strips the separators MACs are written with: colons,
// hyphens and Cisco's dots.
var macSeparators = strings.NewReplacer(":", "", "-", "", ".", "")
