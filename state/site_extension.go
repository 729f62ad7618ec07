package state

import (
	"strconv"
	"strings"
)

// Site codes (zoom-api.md §7.2, §11): on accounts with site codes, Zoom's
// reads give a user's extension as the site code followed by the short
// extension (Main Site, code 1: 1001 reads back as 11001), while the batch
// body takes the short one. These compare like with like.

// ShortExtension turns an extension as Zoom reads it back into the short
// extension of this site: the site code is cut off when the number is
// exactly site code + a short extension of the site's length. Anything
// else is returned as it is (no site code, length unknown, another form).
func (s Site) ShortExtension(read string) string {
	read = strings.TrimSpace(read)
	code := strings.TrimSpace(s.Code)
	if code == "" || s.ExtensionLength <= 0 || len(read) != len(code)+s.ExtensionLength || !strings.HasPrefix(read, code) {
		return read
	}
	return read[len(code):]
}

// SameExtension reports whether the short extension sent in a batch is the
// one Zoom read back, with or without this site's code in front (numbers
// compared as numbers: Zoom reads extensions back as integers).
func (s Site) SameExtension(sent, read string) bool {
	sent, read = strings.TrimSpace(sent), strings.TrimSpace(read)
	r, err := strconv.ParseInt(read, 10, 64)
	if err != nil || sent == "" {
		return false
	}
	if n, err := strconv.ParseInt(sent, 10, 64); err == nil && n == r {
		return true
	}
	code := strings.TrimSpace(s.Code)
	if code == "" {
		return false
	}
	n, err := strconv.ParseInt(code+sent, 10, 64)
	return err == nil && n == r
}
