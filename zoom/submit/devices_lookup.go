package submit

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"zpadd/zoom"
)

// assignedDevices reads the assigned desk phones with these MACs (bare,
// lowercase); see devicesByMAC. The map holds the MACs Zoom lists; a MAC
// missing from it is not (yet) registered and assigned.
func (s *Service) assignedDevices(ctx context.Context, macs []string) (map[string]zoom.Device, error) {
	return s.devicesByMAC(ctx, "assigned", macs, sizesOf(s.CachedCatalog()).devicePages("assigned"))
}

// devicesByMAC reads the desk phones of one type ("assigned" or
// "unassigned", which Zoom's list requires, zoom-api.md §5.7) that have
// these MACs, in as few requests as it can tell: the whole list when it
// has fewer pages than there are MACs, else one keyword read per MAC.
// knownPages is the list's size from the cached catalog, or -1 when not
// known: then, for two MACs or more, the list's first page is read, and
// Zoom's count on it decides between reading on and reading by keyword
// (an account's unassigned phones are often one page; its assigned ones
// a few pages or thousands). The map is keyed by bare MAC.
func (s *Service) devicesByMAC(ctx context.Context, typ string, macs []string, knownPages int) (map[string]zoom.Device, error) {
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
		list, err := s.c.ListDevices(ctx, zoom.DeviceQuery{Type: typ})
		keep(list)
		return out, err
	case knownPages < 0 && len(want) >= 2:
		list, complete, err := s.c.ListDevicesIfFew(ctx, zoom.DeviceQuery{Type: typ}, len(want))
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
			hits, err := s.c.ListDevices(ctx, zoom.DeviceQuery{Type: typ, Keyword: mac})
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
