package submit

import (
	"context"
	"strconv"
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

// verifySites finds the site a created user's extension is compared in:
// the cached catalog's site of the phone user (or of the draft row), else
// the phone user's site read once per verification (GET /phone/sites/{id},
// LIGHT; a headless run may have no catalog), else a site known only by the
// row's site code.
type verifySites struct {
	s     *Service
	ctx   context.Context
	sites []state.Site
	read  memo[*zoom.Site]
}

func (s *Service) newVerifySites(ctx context.Context) *verifySites {
	v := &verifySites{s: s, ctx: ctx}
	if c := s.CachedCatalog(); c != nil {
		v.sites = c.Sites
	}
	return v
}

func (v *verifySites) of(u state.User, pu *zoom.PhoneUser) state.Site {
	read := strconv.FormatInt(pu.ExtensionNumber, 10)
	for _, st := range v.sites {
		if st.ID == pu.SiteRefID() || siteMatches(u, st) {
			if st.Code != "" || st.SameExtension(u.ExtensionNumber, read) {
				return st
			}
		}
	}
	// Read the site only when the extension does not already match as it is.
	if fallback := (state.Site{Code: strings.TrimSpace(u.SiteCode)}); u.ExtensionNumber == "" || fallback.SameExtension(u.ExtensionNumber, read) {
		return fallback
	}
	if pu.SiteRefID() != "" {
		id := pu.SiteRefID()
		if zs, err := v.read.get(id, func() (*zoom.Site, error) { return v.s.c.GetSite(v.ctx, id) }); err == nil {
			return siteOf(*zs)
		}
	}
	return state.Site{Code: strings.TrimSpace(u.SiteCode)}
}
