package submit

import (
	"context"
	"errors"
	"fmt"
	"sync"

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

// RefreshCatalog reads everything the pickers and validation need from
// Zoom, concurrently within the client's rate limits: sites (each with
// GetSite for its extension length, its setting templates and its
// unassigned numbers), calling plans, provision templates, registered desk
// phones and phone users. The result is cached on disk and kept for the
// run. A list that could not be read is left unknown (Known[name] false)
// and its error returned alongside the partial catalog.
func (s *Service) RefreshCatalog(ctx context.Context) (*state.Catalog, error) {
	started := s.o.Now()
	c := &state.Catalog{Schema: state.SchemaVersion, Known: map[string]bool{}}
	var (
		mu   sync.Mutex
		errs []error
	)
	fail := func(what string, err error) {
		mu.Lock()
		errs = append(errs, fmt.Errorf("%s: %w", what, err))
		mu.Unlock()
	}
	var g errgroup.Group
	g.Go(func() error {
		sites, err := s.c.ListSites(ctx)
		if err != nil {
			// Accounts without Multiple Sites refuse the site list; read the
			// account-level templates and numbers instead.
			s.log.Info("site list unavailable", "err", err)
			if zoom.IsAuth(err) || ctx.Err() != nil {
				fail("sites", err)
				return nil
			}
			sites = nil
		} else {
			mu.Lock()
			c.Known[knownSites] = true
			mu.Unlock()
		}
		s.refreshPerSite(ctx, c, sites, &mu, fail)
		return nil
	})
	g.Go(func() error {
		plans, err := s.c.ListCallingPlans(ctx)
		if err != nil {
			fail("calling plans", err)
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		for _, p := range plans {
			c.Plans = append(c.Plans, planOf(p))
		}
		c.Known[knownPlans] = true
		return nil
	})
	g.Go(func() error {
		tpls, err := s.c.ListProvisionTemplates(ctx)
		if err != nil {
			fail("provision templates", err)
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		for _, t := range tpls {
			c.ProvisionTemplates = append(c.ProvisionTemplates, provisionTemplateOf(t))
		}
		c.Known[knownProvisionTemplates] = true
		return nil
	})
	g.Go(func() error {
		devs, err := s.allDevices(ctx)
		if err != nil {
			fail("desk phones", err)
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		c.Devices = devs
		c.Known[knownDevices] = true
		return nil
	})
	g.Go(func() error {
		users, err := s.c.ListPhoneUsers(ctx, zoom.PhoneUserQuery{})
		if err != nil {
			fail("phone users", err)
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		for _, u := range users {
			c.PhoneUsers = append(c.PhoneUsers, phoneUserOf(u))
		}
		c.Known[knownPhoneUsers] = true
		return nil
	})
	g.Go(func() error {
		addrs, err := s.emergencyAddresses(ctx)
		if err != nil {
			fail("emergency addresses", err)
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		c.EmergencyAddresses = addrs
		c.Known[knownEmergencyAddresses] = true
		return nil
	})
	_ = g.Wait()
	c.FetchedAt = s.o.Now()
	shortenPhoneUserExtensions(c)
	err := errors.Join(errs...)
	if err != nil && len(c.Known) == 0 {
		return nil, fmt.Errorf("refresh catalog: %w", err)
	}
	s.mu.Lock()
	c = s.prunedSince(c, started)
	s.catalog = c
	s.mu.Unlock()
	if serr := state.SaveCatalog(s.home, c); serr != nil {
		s.log.Warn("could not cache the catalog", "err", serr)
	}
	if err != nil {
		return c, fmt.Errorf("refresh catalog: some lists could not be read: %w", err)
	}
	return c, nil
}

// refreshPerSite reads each site's details, templates and unassigned
// numbers concurrently; with no sites, the account-level lists.
func (s *Service) refreshPerSite(ctx context.Context, c *state.Catalog, sites []zoom.Site, mu *sync.Mutex, fail func(string, error)) {
	var g errgroup.Group
	if len(sites) == 0 {
		sites = []zoom.Site{{}} // one pseudo-site: account-level lists
	}
	tplOK, numOK := true, true
	for _, site := range sites {
		g.Go(func() error {
			st := siteOf(site)
			if site.ID != "" {
				full, err := s.c.GetSite(ctx, site.ID)
				if err != nil {
					fail("site "+site.Name, err)
				} else {
					st = siteOf(*full)
					if st.Country == "" {
						st.Country = siteOf(site).Country
					}
				}
				mu.Lock()
				c.Sites = append(c.Sites, st)
				mu.Unlock()
			}
			return nil
		})
		g.Go(func() error {
			tpls, err := s.c.ListSettingTemplates(ctx, site.ID)
			if err != nil {
				fail("templates of site "+site.Name, err)
				mu.Lock()
				tplOK = false
				mu.Unlock()
				return nil
			}
			mu.Lock()
			defer mu.Unlock()
			for _, t := range tpls {
				c.Templates = append(c.Templates, templateOf(t, site.ID))
			}
			return nil
		})
		g.Go(func() error {
			nums, err := s.c.ListUnassignedNumbers(ctx, site.ID)
			if err != nil {
				fail("numbers of site "+site.Name, err)
				mu.Lock()
				numOK = false
				mu.Unlock()
				return nil
			}
			mu.Lock()
			defer mu.Unlock()
			for _, n := range nums {
				c.Numbers = append(c.Numbers, numberOf(n, site.ID))
			}
			return nil
		})
	}
	_ = g.Wait()
	mu.Lock()
	defer mu.Unlock()
	sortSites(c.Sites, sites)
	c.Known[knownTemplates] = tplOK
	c.Known[knownNumbers] = numOK
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
