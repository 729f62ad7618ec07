package submit

import (
	"strings"
	"time"

	"zpadd/state"
)

// pruneCatalog takes what Zoom now holds for the users it created (their
// numbers, extensions and desk phones) out of the catalogs at once — the
// one of this run and the one cached on disk — so the number picker, the
// extension suggestion and the next pre-flight's "free" lists stop
// offering them. The catalog is replaced, never changed in place: screens
// and pre-flights may be reading the old one.
func (s *Service) pruneCatalog(d *state.Draft, results []state.UserResult) {
	var created []state.User
	for i, r := range results {
		if r.Status == StatusCreated && i < len(d.Users) {
			created = append(created, d.Users[i])
		}
	}
	if len(created) == 0 {
		return
	}
	s.mu.Lock()
	base := s.catalog
	// A catalog refresh already on its way read Zoom before this: it
	// applies these too when it lands (see prunedSince).
	s.taken = append(s.taken, takenUsers{at: s.o.Now(), users: created})
	s.mu.Unlock()
	if base == nil {
		cached, err := state.LoadCatalog(s.home)
		if err != nil || cached == nil {
			return
		}
		base = cached
	}
	pruned := withoutTaken(base, created)
	s.mu.Lock()
	if s.catalog != nil {
		s.catalog = pruned
	}
	s.mu.Unlock()
	s.cacheCatalog(pruned)
}

// cacheCatalog writes the run's catalog to the cache file (c when the run
// has none yet). A refresh and a prune may finish together: each writes,
// one at a time, whatever catalog is current when its turn comes, so the
// file never ends older than the catalog in memory.
func (s *Service) cacheCatalog(c *state.Catalog) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	s.mu.Lock()
	if s.catalog != nil {
		c = s.catalog
	}
	s.mu.Unlock()
	if err := state.SaveCatalog(s.home, c); err != nil {
		s.log.Warn("could not cache the catalog", "err", err)
	}
}

// takenUsers are users a submit or reconcile of this run created, and when.
type takenUsers struct {
	at    time.Time
	users []state.User
}

// prunedSince applies to a catalog read from Zoom since started what
// submits finished after started took: the read may predate them. Call
// with s.mu held.
func (s *Service) prunedSince(c *state.Catalog, started time.Time) *state.Catalog {
	var users []state.User
	for _, t := range s.taken {
		if !t.at.Before(started) {
			users = append(users, t.users...)
		}
	}
	if len(users) == 0 {
		return c
	}
	return withoutTaken(c, users)
}

// withoutTaken is c without the numbers the users now hold, with their
// extensions among the phone users and their MACs among the registered
// desk phones.
func withoutTaken(c *state.Catalog, users []state.User) *state.Catalog {
	out := cloneCatalog(c)
	out.FetchedAt = c.FetchedAt
	taken := map[string]bool{}
	macs := map[string]bool{}
	for _, u := range users {
		for _, n := range u.PhoneNumbers {
			taken[digits(n)] = true
		}
		for _, p := range u.DeskPhones {
			macs[bareMAC(p.MAC)] = true
		}
	}
	nums := out.Numbers[:0:0]
	for _, n := range out.Numbers {
		if !taken[digits(n.Number)] {
			nums = append(nums, n)
		}
	}
	out.Numbers = nums
	for _, dv := range out.Devices {
		delete(macs, dv.MAC)
	}
	known := map[string]bool{}
	for _, p := range out.PhoneUsers {
		known[state.EmailKey(p.Email)] = true
	}
	sites := out.Sites
	for _, u := range users {
		siteID, _ := resolveSite(u, sites, len(sites) > 0)
		if !known[state.EmailKey(u.Email)] {
			known[state.EmailKey(u.Email)] = true
			out.PhoneUsers = append(out.PhoneUsers, state.PhoneUser{Email: u.Email, ExtensionNumber: u.ExtensionNumber, SiteID: siteID})
		}
		for _, p := range u.DeskPhones {
			if m := bareMAC(p.MAC); macs[m] {
				out.Devices = append(out.Devices, state.Device{MAC: m, Type: p.Brand + " " + p.Model, Status: "offline", Assignee: u.DisplayName()})
				delete(macs, m)
			}
		}
	}
	return out
}

// digits keeps a phone number's digits, so "+1 415…" and "+1415…" match.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
