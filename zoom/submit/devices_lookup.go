package submit

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
	"zpadd/zoom"
)

// assignedDevices reads the assigned desk phones with these MACs (bare,
// lowercase). The map holds the MACs Zoom lists; a MAC missing from it is
// not (yet) registered and assigned.
//
// siteOf may name, for some MACs, the site Zoom is expected to list the
// phone under (the site of the user it was sent with, or where Zoom listed
// it last time). Zoom's device list filters by site (zoom-api.md §5.7
// site_id), and a site's phones are a fraction of the account's, so two or
// more MACs expected at one site are looked for in that site's list first.
// The site only saves requests, it is never trusted: a MAC not found at
// its site is then read account-wide like the MACs of no known site.
func (s *Service) assignedDevices(ctx context.Context, macs []string, siteOf map[string]string) (map[string]zoom.Device, error) {
	accountWide := func(macs []string) (map[string]zoom.Device, error) {
		return s.devicesByMAC(ctx, zoom.DeviceQuery{Type: "assigned"}, macs, sizesOf(s.CachedCatalog()).devicePages("assigned"))
	}
	bySite := map[string][]string{}
	var rest []string
	for _, m := range macs {
		if site := siteOf[m]; site != "" {
			bySite[site] = append(bySite[site], m)
		} else {
			rest = append(rest, m)
		}
	}
	for site, ms := range bySite {
		if len(ms) < 2 { // one keyword read either way: read it account-wide
			rest = append(rest, ms...)
			delete(bySite, site)
		}
	}
	if len(bySite) == 0 {
		return accountWide(rest)
	}
	out := make(map[string]zoom.Device, len(macs))
	var (
		mu sync.Mutex
		g  errgroup.Group
	)
	for site, ms := range bySite {
		g.Go(func() error {
			found, err := s.devicesByMAC(ctx, zoom.DeviceQuery{Type: "assigned", SiteID: site}, ms, -1)
			mu.Lock()
			defer mu.Unlock()
			for _, m := range ms {
				if d, ok := found[m]; ok && err == nil {
					out[m] = d
				} else {
					rest = append(rest, m) // elsewhere, not yet there, or the read failed
				}
			}
			return nil
		})
	}
	_ = g.Wait()
	if ctx.Err() != nil {
		return out, ctx.Err()
	}
	more, err := accountWide(rest)
	for m, d := range more {
		out[m] = d
	}
	return out, err
}

// devicesByMAC reads the desk phones matching q (its type, "assigned" or
// "unassigned", which Zoom's list requires, zoom-api.md §5.7, and maybe a
// site) that have these MACs, in as few requests as it can tell: the whole
// list when it has fewer pages than there are MACs, else one keyword read
// per MAC. knownPages is the list's size from the cached catalog, or -1
// when not known: then, for two MACs or more, the list's first page is
// read, and Zoom's count on it decides between reading on and reading by
// keyword (an account's unassigned phones are often one page; its assigned
// ones a few pages or thousands). The map is keyed by bare MAC.
func (s *Service) devicesByMAC(ctx context.Context, q zoom.DeviceQuery, macs []string, knownPages int) (map[string]zoom.Device, error) {
	out := make(map[string]zoom.Device, len(macs))
	want := make(map[string]bool, len(macs))
	for _, m := range macs {
		want[m] = true
	}
	if len(want) == 0 {
		return out, nil
	}
	keep := func(list []zoom.Device) {
		for _, d := range list {
			if m := bareMAC(d.MACAddress); want[m] {
				out[m] = d
			}
		}
	}
	switch {
	case knownPages >= 0 && knownPages < len(want):
		list, err := s.c.ListDevices(ctx, q)
		keep(list)
		return out, err
	case knownPages < 0 && len(want) >= 2:
		list, complete, err := s.c.ListDevicesIfFew(ctx, q, len(want))
		if err != nil {
			return out, err
		}
		keep(list)
		if complete {
			return out, nil
		}
		for m := range out {
			delete(want, m) // found on the first page: no keyword read
		}
	}
	var (
		mu sync.Mutex
		g  errgroup.Group
	)
	for mac := range want {
		g.Go(func() error {
			kq := q
			kq.Keyword = mac
			hits, err := s.c.ListDevices(ctx, kq)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			for _, d := range hits {
				if bareMAC(d.MACAddress) == mac {
					out[mac] = d
				}
			}
			return nil
		})
	}
	return out, g.Wait()
}

// expectedSites maps each watched MAC to the site (by id) its user was
// sent to, as far as the cached catalog's sites tell: for assignedDevices.
func (s *Service) expectedSites(d *state.Draft, watched []DeviceStatus) map[string]string {
	out := map[string]string{}
	cat := s.CachedCatalog()
	if cat == nil || d == nil {
		return out
	}
	for _, w := range watched {
		if w.User >= 0 && w.User < len(d.Users) {
			if id, ok := resolveSite(d.Users[w.User], cat.Sites, true); ok && id != "" {
				out[w.MAC] = id
			}
		}
	}
	return out
}
