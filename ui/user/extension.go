package user

import (
	"strconv"
	"strings"

	"zpadd/state"
	"zpadd/ui/pickers"
)

// defaultExtensionLength is used when neither the site nor the account's
// users say how long extensions are.
const defaultExtensionLength = 4

// extensionLength is the site's extension length, when known.
func extensionLength(c *state.Catalog, site string) int {
	if s, ok := pickers.SiteByName(c, site); ok {
		return s.ExtensionLength
	}
	return 0
}

// nextFreeExtension suggests the extension after the highest one taken at
// the site (by account phone users and by the other users of this draft),
// of the site's length; "" when none fits.
func nextFreeExtension(c *state.Catalog, d *state.Draft, self int) string {
	if d == nil || self < 0 || self >= len(d.Users) {
		return ""
	}
	u := d.Users[self]
	site := u.SiteName
	if site == "" {
		site = u.SiteCode
	}
	length := extensionLength(c, site)
	taken := map[int64]bool{}
	var siteID string
	if s, ok := pickers.SiteByName(c, site); ok {
		siteID = s.ID
	}
	consider := func(ext string) {
		ext = strings.TrimSpace(ext)
		if ext == "" {
			return
		}
		n, err := strconv.ParseInt(ext, 10, 64)
		if err != nil {
			return
		}
		if length == 0 {
			// Learn the length from what the site already uses.
			length = len(ext)
		}
		if len(ext) == length {
			taken[n] = true
		}
	}
	if c != nil {
		for _, pu := range c.PhoneUsers {
			if siteID == "" || pu.SiteID == siteID {
				consider(pu.ExtensionNumber)
			}
		}
	}
	for i, o := range d.Users {
		if i != self && (o.SiteName == u.SiteName && o.SiteCode == u.SiteCode) {
			consider(o.ExtensionNumber)
		}
	}
	if length == 0 {
		length = defaultExtensionLength
	}
	lo := int64(1)
	for i := 1; i < length; i++ {
		lo *= 10
	}
	hi := lo*10 - 1
	var highest int64
	for n := range taken {
		if n > highest {
			highest = n
		}
	}
	next := highest + 1
	if highest == 0 {
		next = lo + 1
	}
	for ; next <= hi; next++ {
		if !taken[next] {
			return strconv.FormatInt(next, 10)
		}
	}
	// The top of the range is used: take the lowest gap.
	for n := lo + 1; n <= hi; n++ {
		if !taken[n] {
			return strconv.FormatInt(n, 10)
		}
	}
	return ""
}
