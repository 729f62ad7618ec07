package submit

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"zpadd/zoom"
)

// assignedDevices reads the assigned desk phones with these MACs (bare,
// lowercase): one keyword read per MAC (zoom-api.md §5.7), or the whole
// assigned list when the cached catalog says it has fewer pages than that.
// The map holds the MACs Zoom lists; a MAC missing from it is not (yet)
// registered and assigned.
func (s *Service) assignedDevices(ctx context.Context, macs []string) (map[string]zoom.Device, error) {
	out := make(map[string]zoom.Device, len(macs))
	if len(macs) == 0 {
		return out, nil
	}
	want := make(map[string]bool, len(macs))
	for _, m := range macs {
		want[m] = true
	}
	z := sizesOf(s.CachedCatalog())
	if z.devicesKnown && pagesFor(z.assignedDevices, devicesPage) < len(macs) {
		list, err := s.c.ListDevices(ctx, zoom.DeviceQuery{Type: "assigned"})
		for _, d := range list {
			if m := bareMAC(d.MACAddress); want[m] {
				out[m] = d
			}
		}
		return out, err
	}
	var (
		mu sync.Mutex
		g  errgroup.Group
	)
	for mac := range want {
		g.Go(func() error {
			hits, err := s.c.ListDevices(ctx, zoom.DeviceQuery{Type: "assigned", Keyword: mac})
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
