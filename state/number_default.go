package state

import "strings"

// NextFreeNumber is the Defaults.PhoneNumber value that gives each new user
// the next unassigned number at its site.
const NextFreeNumber = "next_free"

// NextFreeNumberAt returns the first unassigned account number at the site
// (name or code; "" is the account's only site) that no user of d holds:
// the catalog's order, so the suggestion is stable between runs. "" when
// none is left or the catalog has no numbers.
func NextFreeNumberAt(d *Draft, c *Catalog, site string) string {
	if c == nil {
		return ""
	}
	s := findSite(c, site)
	taken := map[string]bool{}
	if d != nil {
		for _, u := range d.Users {
			for _, n := range u.PhoneNumbers {
				taken[numberKey(n)] = true
			}
		}
	}
	for _, n := range c.Numbers {
		if n.Assigned || taken[numberKey(n.Number)] {
			continue
		}
		if s != nil && n.SiteID != "" && n.SiteID != s.ID {
			continue
		}
		if s == nil && strings.TrimSpace(site) != "" {
			return "" // a site the catalog does not know: no guess
		}
		return n.Number
	}
	return ""
}

// FillNumber gives user i the next free number at its site when the batch
// default asks for it and the user has no number yet; the number also
// becomes the outbound caller ID when that is blank (a user with one
// number calls out from it). It reports whether it filled one.
func FillNumber(d *Draft, c *Catalog, i int) bool {
	if d == nil || i < 0 || i >= len(d.Users) || d.Defaults.PhoneNumber != NextFreeNumber {
		return false
	}
	u := &d.Users[i]
	if len(u.PhoneNumbers) > 0 {
		return false
	}
	next := NextFreeNumberAt(d, c, firstNonEmpty(u.SiteName, u.SiteCode))
	if next == "" {
		return false
	}
	u.PhoneNumbers = []string{next}
	if strings.TrimSpace(u.OutboundCallerID) == "" {
		u.OutboundCallerID = next
	}
	return true
}

// FillFromSite gives user i what its site decides when the fields are
// empty: the next free extension and, with that batch default, the next
// free number. It reports whether it filled anything.
func FillFromSite(d *Draft, c *Catalog, i int) bool {
	ext := FillExtension(d, c, i)
	num := FillNumber(d, c, i)
	return ext || num
}
