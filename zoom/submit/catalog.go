package submit

import (
	"context"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
	"zpadd/zoom"
)

// Catalog list names (state.Catalog.Known keys).
const (
	knownSites              = "sites"
	knownTemplates          = "templates"
	knownPlans              = "plans"
	knownNumbers            = "numbers"
	knownProvisionTemplates = "provision_templates"
	knownDevices            = "devices"
	knownPhoneUsers         = "phone_users"
)

// CachedCatalog returns the catalog of this run if one was refreshed, else
// the one cached on disk by an earlier run (FetchedAt tells its age), else
// nil. It sends nothing, so the first frame never waits for the network.
func (s *Service) CachedCatalog() *state.Catalog {
	s.mu.Lock()
	c := s.catalog
	s.mu.Unlock()
	if c != nil {
		return c
	}
	c, err := state.LoadCatalog(s.home)
	if err != nil {
		s.log.Warn("cached catalog unreadable", "err", err)
		return nil
	}
	return c
}

// freshCatalog is the catalog refreshed in this run, or nil.
func (s *Service) freshCatalog() *state.Catalog {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.catalog
}

// sortSites puts sites back in Zoom's order after the concurrent reads.
func sortSites(got []state.Site, order []zoom.Site) {
	pos := make(map[string]int, len(order))
	for i, s := range order {
		pos[s.ID] = i
	}
	for i := 1; i < len(got); i++ {
		for j := i; j > 0 && pos[got[j].ID] < pos[got[j-1].ID]; j-- {
			got[j], got[j-1] = got[j-1], got[j]
		}
	}
}

// allDevices lists every registered desk phone, assigned and unassigned,
// with the two reads in parallel.
func (s *Service) allDevices(ctx context.Context) ([]state.Device, error) {
	var assigned, unassigned []zoom.Device
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		assigned, err = s.c.ListDevices(gctx, zoom.DeviceQuery{Type: "assigned"})
		return err
	})
	g.Go(func() (err error) {
		unassigned, err = s.c.ListDevices(gctx, zoom.DeviceQuery{Type: "unassigned"})
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := make([]state.Device, 0, len(assigned)+len(unassigned))
	for _, d := range append(assigned, unassigned...) {
		out = append(out, deviceOf(d))
	}
	return out, nil
}
