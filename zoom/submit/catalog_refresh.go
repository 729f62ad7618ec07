package submit

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
	"zpadd/zoom"
)

// The catalog is refreshed list by list (per site where Zoom lists per
// site), on top of the cached one: a list is read only when it is older
// than the age asked for (or stale, or never read), a list that fails
// keeps what the cache had (a partial read is kept only where the cache
// had nothing) and is marked stale, so a bad minute at Zoom never replaces
// a good list with nothing. Reading a whole 50,000-number account takes
// minutes at Zoom's rate limits (zoom-api.md §8.1); a warm start costs no
// request at all.

// Per-site list names in list keys (state.CatalogListKey).
const listSite = "site" // GetSite's details: extension length, country

// RefreshCatalog reads every list from Zoom (ctrl+r): sites (each with
// GetSite, its setting templates and its unassigned numbers), calling
// plans, provision templates, registered desk phones, phone users and
// emergency addresses,
// concurrently within the client's rate limits. The result is cached on
// disk and kept for the run. A list that could not be read keeps its
// cached entries, is named in Stale, and its error is returned alongside
// the catalog; the catalog is nil only when nothing at all is known.
func (s *Service) RefreshCatalog(ctx context.Context) (*state.Catalog, error) {
	return s.refreshCatalog(ctx, 0)
}

// RefreshCatalogOlderThan is RefreshCatalog reading only the lists older
// than maxAge, stale or never read; the others keep their cached entries.
// On a warm cache it sends nothing.
func (s *Service) RefreshCatalogOlderThan(ctx context.Context, maxAge time.Duration) (*state.Catalog, error) {
	return s.refreshCatalog(ctx, maxAge)
}

// CatalogNeedsRefresh reports whether any list of c is older than maxAge,
// stale or missing, so a caller can skip starting a refresh at all.
func CatalogNeedsRefresh(c *state.Catalog, maxAge time.Duration, now time.Time) bool {
	if c == nil || len(c.Stale) > 0 {
		return true
	}
	old := func(key string) bool {
		age, ok := c.ListAge(key, now)
		return !ok || age >= maxAge
	}
	for _, l := range []string{knownSites, knownPlans, knownProvisionTemplates, knownDevices, knownPhoneUsers, knownEmergencyAddresses} {
		if old(l) {
			return true
		}
	}
	for _, id := range siteIDsOf(c) {
		if old(state.CatalogListKey(knownTemplates, id)) || old(state.CatalogListKey(knownNumbers, id)) {
			return true
		}
	}
	return false
}

// siteIDsOf are the sites whose lists a catalog holds; "" stands for the
// account-level lists of an account without Multiple Sites.
func siteIDsOf(c *state.Catalog) []string {
	if c == nil || len(c.Sites) == 0 {
		return []string{""}
	}
	ids := make([]string, len(c.Sites))
	for i, st := range c.Sites {
		ids[i] = st.ID
	}
	return ids
}

// catalogRefresh is one refresh: the cached catalog it starts from, the
// new one it builds, and what failed.
type catalogRefresh struct {
	s      *Service
	prev   *state.Catalog // nil without a cache
	maxAge time.Duration  // 0: read everything
	now    time.Time

	mu    sync.Mutex
	c     *state.Catalog
	errs  []error
	reads int // lists read (attempted), to skip saving when nothing was
}

// due reports whether the list with key must be read now.
func (r *catalogRefresh) due(key string) bool {
	if r.maxAge <= 0 || r.prev == nil || r.prev.IsStale(key) {
		return true
	}
	age, ok := r.prev.ListAge(key, r.now)
	return !ok || age >= r.maxAge
}

// settle records how reading the list with key went; it returns whether
// the fresh items are to be used (true) or the cached ones kept (false).
// Failed reads keep the cache's entries when the cache knew the list; a
// partial read where the cache had nothing is used, marked stale.
func (r *catalogRefresh) settle(key, list, what string, read bool, err error, partial int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	prevAt, hadPrev := time.Time{}, false
	if r.prev != nil && r.prev.Known[list] {
		prevAt, hadPrev = r.prev.ListFetchedAt[key], true
		if prevAt.IsZero() {
			prevAt = r.prev.FetchedAt
		}
	}
	switch {
	case !read:
		if hadPrev {
			r.c.ListFetchedAt[key] = prevAt
		}
		return false
	case err == nil:
		r.c.ListFetchedAt[key] = r.now
		return true
	}
	r.errs = append(r.errs, fmt.Errorf("%s: %w", what, err))
	r.c.Stale = append(r.c.Stale, key)
	if hadPrev {
		r.c.ListFetchedAt[key] = prevAt
		return false
	}
	return partial > 0
}

func (s *Service) refreshCatalog(ctx context.Context, maxAge time.Duration) (*state.Catalog, error) {
	// Quitting stops a refresh (its unread lists stay as cached, marked
	// stale) and waits for it to cache what it read.
	ctx, done := s.track(ctx, WorkCatalog, "")
	defer done()
	started := s.o.Now()
	prev := s.CachedCatalog()
	r := &catalogRefresh{s: s, prev: prev, maxAge: maxAge, now: s.o.Now(),
		c: &state.Catalog{Schema: state.SchemaVersion, Known: map[string]bool{}, ListFetchedAt: map[string]time.Time{}}}
	if prev != nil {
		r.c.Account = prev.Account
	}
	var g errgroup.Group
	g.Go(func() error { r.sitesAndTheirLists(ctx); return nil })
	g.Go(func() error { r.plans(ctx); return nil })
	g.Go(func() error { r.provisionTemplates(ctx); return nil })
	g.Go(func() error { r.devices(ctx); return nil })
	g.Go(func() error { r.phoneUsers(ctx); return nil })
	g.Go(func() error { r.emergencyAddresses(ctx); return nil })
	_ = g.Wait()

	c := r.c
	shortenPhoneUserExtensions(c)
	slices.Sort(c.Stale)
	c.FetchedAt = r.now
	if prev != nil && r.reads == 0 {
		c.FetchedAt = prev.FetchedAt // nothing was read: the cache as it was
	}
	err := errors.Join(r.errs...)
	if err != nil && !anyKnown(c) {
		return nil, fmt.Errorf("refresh catalog: %w", err)
	}
	s.mu.Lock()
	c = s.prunedSince(c, started)
	s.catalog = c
	s.mu.Unlock()
	if r.reads > 0 {
		s.cacheCatalog(c)
	}
	if err != nil {
		return c, fmt.Errorf("refresh catalog: some lists could not be read (kept from the cache where it had them: %s): %w", c.StaleLists(), err)
	}
	return c, nil
}

func anyKnown(c *state.Catalog) bool {
	for _, v := range c.Known {
		if v {
			return true
		}
	}
	return false
}

// prevItems are the cached entries of a list (of one site, when siteOf is
// given).
func prevItems[T any](prev *state.Catalog, list func(*state.Catalog) []T, siteID string, siteOf func(T) string) []T {
	if prev == nil {
		return nil
	}
	var out []T
	for _, it := range list(prev) {
		if siteOf == nil || siteOf(it) == siteID {
			out = append(out, it)
		}
	}
	return out
}

func (r *catalogRefresh) begin() {
	r.mu.Lock()
	r.reads++
	r.mu.Unlock()
}

func (r *catalogRefresh) plans(ctx context.Context) {
	read := r.due(knownPlans)
	var got []state.Plan
	var err error
	if read {
		r.begin()
		var ps []zoom.CallingPlan
		ps, err = r.s.c.ListCallingPlans(ctx)
		for _, p := range ps {
			got = append(got, planOf(p))
		}
	}
	fresh := r.settle(knownPlans, knownPlans, "calling plans", read, err, len(got))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.c.Plans, r.c.Known[knownPlans] = pick(fresh, got, prevItems(r.prev, func(c *state.Catalog) []state.Plan { return c.Plans }, "", nil), r.prev, knownPlans, err == nil && read)
}

func (r *catalogRefresh) provisionTemplates(ctx context.Context) {
	read := r.due(knownProvisionTemplates)
	var got []state.ProvisionTemplate
	var err error
	if read {
		r.begin()
		var ts []zoom.ProvisionTemplate
		ts, err = r.s.c.ListProvisionTemplates(ctx)
		for _, t := range ts {
			got = append(got, provisionTemplateOf(t))
		}
	}
	fresh := r.settle(knownProvisionTemplates, knownProvisionTemplates, "provision templates", read, err, len(got))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.c.ProvisionTemplates, r.c.Known[knownProvisionTemplates] = pick(fresh, got,
		prevItems(r.prev, func(c *state.Catalog) []state.ProvisionTemplate { return c.ProvisionTemplates }, "", nil), r.prev, knownProvisionTemplates, err == nil && read)
}

func (r *catalogRefresh) devices(ctx context.Context) {
	read := r.due(knownDevices)
	var got []state.Device
	var err error
	if read {
		r.begin()
		got, err = r.s.allDevices(ctx)
	}
	fresh := r.settle(knownDevices, knownDevices, "desk phones", read, err, len(got))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.c.Devices, r.c.Known[knownDevices] = pick(fresh, got, prevItems(r.prev, func(c *state.Catalog) []state.Device { return c.Devices }, "", nil), r.prev, knownDevices, err == nil && read)
}

func (r *catalogRefresh) phoneUsers(ctx context.Context) {
	read := r.due(knownPhoneUsers)
	var got []state.PhoneUser
	var err error
	if read {
		r.begin()
		var us []zoom.PhoneUser
		us, err = r.s.c.ListPhoneUsers(ctx, zoom.PhoneUserQuery{})
		for _, u := range us {
			got = append(got, phoneUserOf(u))
		}
	}
	fresh := r.settle(knownPhoneUsers, knownPhoneUsers, "phone users", read, err, len(got))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.c.PhoneUsers, r.c.Known[knownPhoneUsers] = pick(fresh, got, prevItems(r.prev, func(c *state.Catalog) []state.PhoneUser { return c.PhoneUsers }, "", nil), r.prev, knownPhoneUsers, err == nil && read)
}

func (r *catalogRefresh) emergencyAddresses(ctx context.Context) {
	read := r.due(knownEmergencyAddresses)
	var got []state.EmergencyAddress
	var err error
	if read {
		r.begin()
		got, err = r.s.emergencyAddresses(ctx)
	}
	fresh := r.settle(knownEmergencyAddresses, knownEmergencyAddresses, "emergency addresses", read, err, len(got))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.c.EmergencyAddresses, r.c.Known[knownEmergencyAddresses] = pick(fresh, got,
		prevItems(r.prev, func(c *state.Catalog) []state.EmergencyAddress { return c.EmergencyAddresses }, "", nil), r.prev, knownEmergencyAddresses, err == nil && read)
}

// pick chooses the fresh or the cached items and whether the list is
// known: fresh and complete, or kept from a cache that knew it. A partial
// read used for want of a cache stays unknown to validation (its rules
// would call every number it missed "not on the account"), while the
// pickers show what it has.
func pick[T any](fresh bool, got, cached []T, prev *state.Catalog, list string, complete bool) ([]T, bool) {
	if fresh {
		return got, complete
	}
	return cached, prev != nil && prev.Known[list]
}

// sitesAndTheirLists reads the site list (or keeps the cached one), then
// each site's details, templates and numbers.
func (r *catalogRefresh) sitesAndTheirLists(ctx context.Context) {
	var sites []zoom.Site
	read := r.due(knownSites)
	var err error
	if read {
		r.begin()
		sites, err = r.s.c.ListSites(ctx)
		if err != nil && !zoom.IsAuth(err) && ctx.Err() == nil && !isTransport(err) {
			// Accounts without Multiple Sites refuse the site list; read the
			// account-level templates and numbers instead.
			r.s.log.Info("site list unavailable", "err", err)
			sites, err = nil, nil
		}
	}
	fresh := r.settle(knownSites, knownSites, "sites", read, err, len(sites))
	if !fresh && r.prev != nil {
		for _, st := range r.prev.Sites {
			sites = append(sites, zoom.Site{ID: st.ID, Name: st.Name})
		}
	}
	r.mu.Lock()
	r.c.Known[knownSites] = (fresh && len(sites) > 0) || (!fresh && r.prev != nil && r.prev.Known[knownSites])
	r.mu.Unlock()
	r.perSite(ctx, sites)
}

// isTransport reports a failure that is no answer from Zoom at all.
func isTransport(err error) bool {
	var ze *zoom.Error
	return !errors.As(err, &ze)
}

// perSite reads each site's details, templates and unassigned numbers
// concurrently; with no sites, the account-level lists.
func (r *catalogRefresh) perSite(ctx context.Context, sites []zoom.Site) {
	if len(sites) == 0 {
		sites = []zoom.Site{{}} // one pseudo-site: account-level lists
	}
	var g errgroup.Group
	tplKnown, numKnown := true, true
	siteByID := map[string]state.Site{}
	for _, st := range prevItems(r.prev, func(c *state.Catalog) []state.Site { return c.Sites }, "", nil) {
		siteByID[st.ID] = st
	}
	for _, site := range sites {
		if site.ID != "" {
			g.Go(func() error { r.siteDetails(ctx, site, siteByID[site.ID]); return nil })
		}
		g.Go(func() error {
			ok := r.siteTemplates(ctx, site)
			r.mu.Lock()
			tplKnown = tplKnown && ok
			r.mu.Unlock()
			return nil
		})
		g.Go(func() error {
			ok := r.siteNumbers(ctx, site)
			r.mu.Lock()
			numKnown = numKnown && ok
			r.mu.Unlock()
			return nil
		})
	}
	_ = g.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	sortSites(r.c.Sites, sites)
	r.c.Known[knownTemplates] = tplKnown
	r.c.Known[knownNumbers] = numKnown
}

func (r *catalogRefresh) siteDetails(ctx context.Context, site zoom.Site, cached state.Site) {
	key := state.CatalogListKey(listSite, site.ID)
	st := siteOf(site)
	if cached.ID != "" {
		st.ExtensionLength, st.Country = cmp.Or(st.ExtensionLength, cached.ExtensionLength), cmp.Or(st.Country, cached.Country)
		st.Code = cmp.Or(st.Code, cached.Code) // a site rebuilt from the cache has only its id and name
		if st.Name == "" {
			st = cached
		}
	}
	if r.due(key) {
		r.begin()
		full, err := r.s.c.GetSite(ctx, site.ID)
		if r.settle(key, knownSites, "site "+site.Name, true, err, 0) && full != nil {
			country := st.Country
			st = siteOf(*full)
			st.Country = cmp.Or(st.Country, country)
		}
	} else {
		r.settle(key, knownSites, "site "+site.Name, false, nil, 0)
	}
	r.mu.Lock()
	r.c.Sites = append(r.c.Sites, st)
	r.mu.Unlock()
}

// siteTemplates refreshes one site's templates; false when the site's list
// is not known afterwards.
func (r *catalogRefresh) siteTemplates(ctx context.Context, site zoom.Site) bool {
	key := state.CatalogListKey(knownTemplates, site.ID)
	read := r.due(key)
	var got []state.Template
	var err error
	if read {
		r.begin()
		var ts []zoom.SettingTemplate
		ts, err = r.s.c.ListSettingTemplates(ctx, site.ID)
		for _, t := range ts {
			got = append(got, templateOf(t, site.ID))
		}
	}
	fresh := r.settle(key, knownTemplates, "templates of site "+site.Name, read, err, len(got))
	cached := prevItems(r.prev, func(c *state.Catalog) []state.Template { return c.Templates }, site.ID, func(t state.Template) string { return t.SiteID })
	items, known := pick(fresh, got, cached, r.prev, knownTemplates, err == nil && read)
	r.mu.Lock()
	r.c.Templates = append(r.c.Templates, items...)
	r.mu.Unlock()
	return known
}

// siteNumbers refreshes one site's unassigned numbers; false when the
// site's list is not known afterwards.
func (r *catalogRefresh) siteNumbers(ctx context.Context, site zoom.Site) bool {
	key := state.CatalogListKey(knownNumbers, site.ID)
	read := r.due(key)
	var got []state.Number
	var err error
	if read {
		r.begin()
		var ns []zoom.PhoneNumber
		ns, err = r.s.c.ListUnassignedNumbers(ctx, site.ID)
		for _, n := range ns {
			got = append(got, numberOf(n, site.ID))
		}
	}
	fresh := r.settle(key, knownNumbers, "numbers of site "+site.Name, read, err, len(got))
	cached := prevItems(r.prev, func(c *state.Catalog) []state.Number { return c.Numbers }, site.ID, func(n state.Number) string { return n.SiteID })
	items, known := pick(fresh, got, cached, r.prev, knownNumbers, err == nil && read)
	r.mu.Lock()
	r.c.Numbers = append(r.c.Numbers, items...)
	r.mu.Unlock()
	return known
}
