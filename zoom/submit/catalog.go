package submit

import (
	"context"
	"io/fs"
	"os"

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
	return s.diskCatalog()
}

// diskCatalog is the catalog cached on disk, parsed once per version of
// the file: pre-flight, verify and the device lookups all ask for it, and
// a 50,000-number account's cache is megabytes of JSON (300 ms a parse).
// Another zpadd's save replaces the file, and the next call reads it.
func (s *Service) diskCatalog() *state.Catalog {
	info, err := state.CatalogFileInfo(s.home)
	if err != nil || info == nil {
		return nil
	}
	s.mu.Lock()
	memo := s.onDisk
	s.mu.Unlock()
	if memo.info != nil && os.SameFile(memo.info, info) && memo.info.ModTime().Equal(info.ModTime()) && memo.info.Size() == info.Size() {
		return memo.catalog
	}
	c, err := state.LoadCatalog(s.home)
	if err != nil {
		s.log.Warn("cached catalog unreadable", "err", err)
		return nil
	}
	s.mu.Lock()
	s.onDisk = parsedCatalog{info: info, catalog: c}
	s.mu.Unlock()
	return c
}

// parsedCatalog is the cached catalog file as last parsed.
type parsedCatalog struct {
	info    fs.FileInfo
	catalog *state.Catalog
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
