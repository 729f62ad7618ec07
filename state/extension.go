package state

import (
	"errors"
	"fmt"
	"strings"
)

// MaxExtensionDigits is the longest extension any Zoom account setting
// allows (the newer 15-digit limit); a site's own length is stricter.
const MaxExtensionDigits = 15

// NormalizeExtension checks an extension number: digits only and, when
// length > 0 (the site's short-extension length), exactly that many. It is
// kept as a string because leading zeros matter.
func NormalizeExtension(s string, length int) (string, error) {
	ext := strings.TrimSpace(s)
	if ext == "" {
		return "", errors.New("extension number is empty")
	}
	if isScientific(ext) {
		return "", fmt.Errorf("%q is in scientific notation: a spreadsheet turned the extension into a number; re-type it", ext)
	}
	for i, r := range ext {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("character %q at position %d: an extension number is digits only", r, i+1)
		}
	}
	if len(ext) > MaxExtensionDigits {
		return "", fmt.Errorf("extension %s has %d digits; Zoom allows at most %d", ext, len(ext), MaxExtensionDigits)
	}
	if length > 0 && len(ext) != length {
		hint := ""
		if len(ext) < length {
			hint = " (a spreadsheet may have dropped leading zeros)"
		}
		return "", fmt.Errorf("extension %s has %d digits; this site's extensions have %d%s", ext, len(ext), length, hint)
	}
	return ext, nil
}
