package submit

import (
	"strings"

	"zpadd/state"
	"zpadd/zoom"
)

// On accounts with site codes Zoom reads extensions back as site code +
// short extension (zoom-api.md §7.2, §11), while drafts hold the short one.
// The catalog keeps phone users' extensions in the short form of their
// site, so the extension suggestion, "already used" and the batch table
// compare like with like; verification compares with the site's code.

// shortenPhoneUserExtensions rewrites c's phone users' extensions to the
// short form of their site (read from the site's code and length).
func shortenPhoneUserExtensions(c *state.Catalog) {
	if c == nil || len(c.PhoneUsers) == 0 || len(c.Sites) == 0 {
		return
	}
	byID := make(map[string]state.Site, len(c.Sites))
	for _, s := range c.Sites {
		byID[s.ID] = s
	}
	for i, pu := range c.PhoneUsers {
		if s, ok := byID[pu.SiteID]; ok {
			c.PhoneUsers[i].ExtensionNumber = s.ShortExtension(pu.ExtensionNumber)
		}
	}
}

// verifySite is the site a created user's extension is compared in: the
// catalog's site of the phone user (or of the draft row), else a site
// known only by the row's site code.
func (s *Service) verifySite(u state.User, pu *zoom.PhoneUser) state.Site {
	if c := s.CachedCatalog(); c != nil {
		for _, st := range c.Sites {
			if (pu != nil && st.ID == pu.SiteRefID()) || siteMatches(u, st) {
				return st
			}
		}
	}
	return state.Site{Code: strings.TrimSpace(u.SiteCode)}
}
