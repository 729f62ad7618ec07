package state

import (
	"slices"
	"strconv"
	"strings"
)

// DefaultExtensionLength is assumed when neither the site nor the
// extensions already used there say how long extensions are.
const DefaultExtensionLength = 4

// NextFreeExtension suggests an extension for a new user at site (a site
// name or code; "" means the account's only site): the one after the
// highest extension of that length taken at the site, by the account's
// phone users (c.PhoneUsers) or by the users of d, or the lowest gap when
// the top of the range is used. length is the site's extension length; 0
// takes it from the catalog's site, else from the extensions in use, else
// DefaultExtensionLength. It returns "" when every extension is taken.
func NextFreeExtension(d *Draft, c *Catalog, site string, length int) string {
	s := findSite(c, site)
	if length == 0 && s != nil {
		length = s.ExtensionLength
	}
	var taken []string
	if c != nil {
		taken = make([]string, 0, len(c.PhoneUsers)+MaxUsers)
		for _, pu := range c.PhoneUsers {
			// Without the site's id, every account extension counts as taken:
			// a suggestion that collides is worse than a skipped number.
			if s == nil || pu.SiteID == "" || pu.SiteID == s.ID {
				taken = append(taken, pu.ExtensionNumber)
			}
		}
	}
	if d != nil {
		for _, u := range d.Users {
			if sameSite(c, s, site, u) {
				taken = append(taken, u.ExtensionNumber)
			}
		}
	}
	return nextFree(taken, length)
}

// FillExtension gives user i of d the next free extension at its site when
// the extension is empty and the catalog knows the site well enough (its
// phone users were fetched, or its extension length is known). It reports
// whether it filled one: paste, `a` and `zpadd add` then need no typing.
func FillExtension(d *Draft, c *Catalog, i int) bool {
	if d == nil || c == nil || i < 0 || i >= len(d.Users) {
		return false
	}
	u := &d.Users[i]
	if strings.TrimSpace(u.ExtensionNumber) != "" {
		return false
	}
	site := firstNonEmpty(u.SiteName, u.SiteCode)
	s := findSite(c, site)
	if s == nil || !(c.Known["phone_users"] || s.ExtensionLength > 0) {
		return false
	}
	next := NextFreeExtension(d, c, site, s.ExtensionLength)
	if next == "" {
		return false
	}
	u.ExtensionNumber = next
	return true
}

// findSite resolves a site name or code against the catalog; "" is the
// account's only site. nil when unknown.
func findSite(c *Catalog, site string) *Site {
	if c == nil {
		return nil
	}
	site = strings.TrimSpace(site)
	if site == "" {
		if len(c.Sites) == 1 {
			return &c.Sites[0]
		}
		return nil
	}
	for i := range c.Sites {
		if strings.EqualFold(c.Sites[i].Name, site) {
			return &c.Sites[i]
		}
	}
	for i := range c.Sites {
		if c.Sites[i].Code != "" && c.Sites[i].Code == site {
			return &c.Sites[i]
		}
	}
	return nil
}

// sameSite reports whether draft user u is at the site being filled.
func sameSite(c *Catalog, s *Site, site string, u User) bool {
	us := firstNonEmpty(u.SiteName, u.SiteCode)
	if s != nil {
		if o := findSite(c, us); o != nil {
			return o.ID == s.ID
		}
	}
	return strings.EqualFold(strings.TrimSpace(us), strings.TrimSpace(site)) ||
		strings.EqualFold(strings.TrimSpace(u.SiteName), strings.TrimSpace(site)) ||
		strings.TrimSpace(u.SiteCode) == strings.TrimSpace(site)
}

// nextFree picks the extension after the highest taken one of the length,
// or the lowest gap when the top of the range is used. The user form's
// "→ to use" hint calls it on every frame, over all the account's
// extensions, so it makes one pass and sorts only for a gap search.
func nextFree(taken []string, length int) string {
	if length == 0 {
		// Learn the length from what the site already uses.
		for _, ext := range taken {
			ext = strings.TrimSpace(ext)
			if _, ok := extensionValue(ext); ok {
				length = len(ext)
				break
			}
		}
	}
	if length <= 0 {
		length = DefaultExtensionLength
	}
	if length > 18 {
		return "" // beyond int64; no account uses such extensions
	}
	used := make([]int64, 0, len(taken))
	var highest int64
	for _, ext := range taken {
		if ext = strings.TrimSpace(ext); len(ext) == length {
			if n, ok := extensionValue(ext); ok {
				used = append(used, n)
				highest = max(highest, n)
			}
		}
	}
	lo := int64(1)
	for i := 1; i < length; i++ {
		lo *= 10
	}
	hi := lo*10 - 1
	// A fresh site starts at x001 (1001, 101, ...), as admins number them;
	// one past the highest taken is free by definition.
	if next := max(highest, lo) + 1; next <= hi {
		return strconv.FormatInt(next, 10)
	}
	// The top of the range is used: take the lowest gap.
	slices.Sort(used)
	next := lo + 1
	for _, n := range used {
		if n > next {
			break
		}
		if n == next {
			next++
		}
	}
	if next > hi {
		return ""
	}
	return strconv.FormatInt(next, 10)
}

// extensionValue reads a trimmed extension that is all digits and fits an
// int64.
func extensionValue(ext string) (int64, bool) {
	n, err := strconv.ParseUint(ext, 10, 63)
	return int64(n), err == nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
