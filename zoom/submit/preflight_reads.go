package submit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
	"zpadd/zoom"
)

// preflightRun holds one pre-flight's reads. Each list is read at most once
// per run (read plans one goroutine per site and list); the per-user reads
// go through a memo keyed by email, so a repeated address is read once.
type preflightRun struct {
	s    *Service
	d    *state.Draft
	base *state.Catalog // cached catalog, may be nil
	// shared, inside a Run, makes the reads every draft needs once.
	shared *sharedReads
	fresh  bool // base was refreshed in this run

	mu     sync.Mutex
	extra  state.Problems
	fatal  error
	failed map[string]bool // catalog lists whose live read failed

	users      memo[*zoom.User]
	phoneUsers memo[*zoom.PhoneUser]
}

// read gathers the live catalog and the problems only live reads find.
// The per-user reads need no site, so they start at once, beside the site
// list; each site's details are read beside the reads that need the site's
// id, so a cold pre-flight costs three round trips (token, sites, reads).
func (pr *preflightRun) read(ctx context.Context) (*state.Catalog, state.Problems, error) {
	pr.failed = map[string]bool{}
	live := cloneCatalog(pr.base)
	live.FetchedAt = pr.s.o.Now()

	var g errgroup.Group
	// In a run of many drafts the account's phone-user list, read once,
	// answers "already a phone user?" and "extension taken?" for every
	// draft, for fewer requests than one read per user.
	accountList := pr.accountPhoneUsersCheaper()
	var (
		allPhoneUsers []zoom.PhoneUser
		allPhoneOK    bool
	)
	if accountList {
		g.Go(func() error {
			v, err := pr.listAccountPhoneUsers(ctx)
			if err != nil {
				pr.readFailed(ctx, "phone users", knownPhoneUsers, err)
				return nil
			}
			allPhoneUsers, allPhoneOK = v, true
			return nil
		})
	}
	for i, u := range pr.d.Users {
		g.Go(func() error { pr.checkAccountUser(ctx, i, u); return nil })
		if !accountList {
			g.Go(func() error { pr.checkPhoneUser(ctx, u); return nil })
		}
	}
	// Desk phones need no site either: their reads start now too, and
	// first, since a list read page by page is the longest chain.
	sizes := sizesOf(pr.base)
	targeted := newTargetedReads()
	var (
		resMu     sync.Mutex
		devices   []state.Device
		devicesOK bool
	)
	macs := draftMACs(pr.d)
	devicesTargeted := len(macs) > 0 && !sizes.listDevices(pr.keysFor("mac", "", len(macs), nil, false))
	switch {
	case devicesTargeted:
		pr.readMACs(ctx, &g, targeted, macs, sizes)
	case len(macs) > 0:
		g.Go(func() error {
			v, err := pr.listAllDevices(ctx)
			if err != nil {
				pr.readFailed(ctx, "devices", knownDevices, err)
				return nil
			}
			resMu.Lock()
			devices, devicesOK = v, true
			resMu.Unlock()
			return nil
		})
	}
	sites, sitesKnown, extLen := pr.sites(ctx, &g)
	if err := pr.fatalErr(); err != nil {
		_ = g.Wait() // the per-user reads already started
		return nil, nil, err
	}
	// Which sites the draft's users are at, and what each site needs read.
	type need struct {
		tpl        bool
		exts, nums map[string]bool
	}
	needs := map[string]*need{}
	anyPlan := false
	for _, u := range pr.d.Users {
		siteID, ok := resolveSite(u, sites, sitesKnown)
		if ok {
			n := needs[siteID]
			if n == nil {
				n = &need{exts: map[string]bool{}, nums: map[string]bool{}}
				needs[siteID] = n
			}
			if e := strings.TrimSpace(u.ExtensionNumber); e != "" {
				n.exts[e] = true
			}
			n.tpl = n.tpl || u.TemplateName != ""
			for _, num := range u.PhoneNumbers {
				n.nums[e164(num)] = true
			}
			if u.OutboundCallerID != "" {
				n.nums[e164(u.OutboundCallerID)] = true
			}
		}
		anyPlan = anyPlan || len(u.CallingPlans) > 0
	}
	// Unassigned numbers change rarely and are long lists (100 a page):
	// when the whole list is the cheaper read, a catalog refreshed in this
	// run is fresh enough; the POST is the final word anyway.
	numbersFresh := pr.fresh && pr.base != nil && pr.base.Known[knownNumbers]
	numbersTargetedOnly := true

	var (
		sitePhoneUsers  = map[string][]zoom.PhoneUser{}
		siteTemplates   = map[string][]zoom.SettingTemplate{}
		siteNumbers     = map[string][]zoom.PhoneNumber{}
		plans           []zoom.CallingPlan
		plansOK         bool
		plansTakenSince []state.User // in a run: sent after the shared plans read
		plansSentAt     int          // in a run: the sent users those plans account for
	)
	for siteID, n := range needs {
		switch {
		case len(n.exts) == 0, accountList:
		case sizes.listExtensions(siteID, pr.keysFor("ext", siteID, len(n.exts), sites, sitesKnown)):
			g.Go(func() error {
				v, err := pr.listSitePhoneUsers(ctx, siteID)
				if err != nil {
					pr.readFailed(ctx, "phone users "+siteID, knownPhoneUsers, err)
					return nil
				}
				resMu.Lock()
				sitePhoneUsers[siteID] = v
				resMu.Unlock()
				return nil
			})
		default:
			pr.readExtensions(ctx, &g, targeted, siteID, setKeys(n.exts))
		}
		if n.tpl {
			g.Go(func() error {
				v, err := pr.listTemplates(ctx, siteID)
				if err != nil {
					pr.readFailed(ctx, "templates "+siteID, knownTemplates, err)
					return nil
				}
				resMu.Lock()
				siteTemplates[siteID] = v
				resMu.Unlock()
				return nil
			})
		}
		switch {
		case len(n.nums) == 0:
		case sizes.listNumbers(siteID, pr.keysFor("num", siteID, len(n.nums), sites, sitesKnown)):
			numbersTargetedOnly = false
			if numbersFresh {
				break
			}
			g.Go(func() error {
				v, err := pr.listSiteNumbers(ctx, siteID)
				if err != nil {
					pr.readFailed(ctx, "numbers "+siteID, knownNumbers, err)
					return nil
				}
				resMu.Lock()
				siteNumbers[siteID] = v
				resMu.Unlock()
				return nil
			})
		default:
			pr.readNumbers(ctx, &g, targeted, siteID, setKeys(n.nums))
		}
	}
	if anyPlan {
		g.Go(func() error {
			v, since, sentAt, err := pr.listPlans(ctx)
			if err != nil {
				pr.readFailed(ctx, "plans", knownPlans, err)
				return nil
			}
			resMu.Lock()
			plans, plansOK, plansTakenSince, plansSentAt = v, true, since, sentAt
			resMu.Unlock()
			return nil
		})
	}
	_ = g.Wait()
	if pr.fatal != nil {
		return nil, nil, pr.fatal
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}

	// Overlay the live reads on the cached catalog.
	if sitesKnown {
		for k := range sites {
			if n, ok := extLen[sites[k].ID]; ok {
				sites[k].ExtensionLength = n
			}
		}
		live.Sites, live.Known[knownSites] = sites, true
	}
	if devicesOK {
		live.Devices, live.Known[knownDevices] = devices, true
	}
	if plansOK {
		live.Plans = live.Plans[:0:0]
		for _, p := range plans {
			live.Plans = append(live.Plans, planOf(p))
		}
		takeLicences(live.Plans, plansTakenSince)
		live.Known[knownPlans] = true
		if pr.shared != nil {
			pr.shared.run.notePlans(pr.d, live.Plans, plansSentAt)
		}
	}
	if len(siteTemplates) > 0 {
		live.Templates = keepOtherSites(live.Templates, siteTemplates, func(t state.Template) string { return t.SiteID })
		for siteID, ts := range siteTemplates {
			for _, t := range ts {
				live.Templates = append(live.Templates, templateOf(t, siteID))
			}
		}
		live.Known[knownTemplates] = live.Known[knownTemplates] || !pr.failed[knownTemplates]
	}
	if len(siteNumbers) > 0 {
		live.Numbers = keepOtherSites(live.Numbers, siteNumbers, func(n state.Number) string { return n.SiteID })
		for siteID, ns := range siteNumbers {
			for _, n := range ns {
				live.Numbers = append(live.Numbers, numberOf(n, siteID))
			}
		}
		live.Known[knownNumbers] = live.Known[knownNumbers] || !pr.failed[knownNumbers]
	}
	targeted.overlay(live, pr.failed, numbersTargetedOnly, devicesTargeted)
	pr.readHolders(ctx, live, targeted)
	if allPhoneOK {
		pr.useAccountPhoneUsers(allPhoneUsers, sitePhoneUsers)
	}
	pr.overlayPhoneUsers(live, sitePhoneUsers)
	pr.readEmergencyAddresses(ctx, live)
	return live, pr.extra, nil
}

// sites returns the account's sites: the cached list (sites change rarely;
// their extension length is in it), else read live, with GetSite for the
// sites the users name started on g (their extension lengths land in the
// returned map once g is done). false when the account has no site list.
func (pr *preflightRun) sites(ctx context.Context, g *errgroup.Group) ([]state.Site, bool, map[string]int) {
	extLen := map[string]int{}
	if pr.base != nil && pr.base.Known[knownSites] {
		return append([]state.Site(nil), pr.base.Sites...), true, extLen
	}
	zs, err := pr.listSites(ctx)
	if err != nil {
		pr.readFailed(ctx, "sites", knownSites, err)
		return nil, false, extLen
	}
	out := make([]state.Site, len(zs))
	var mu sync.Mutex
	for k, z := range zs {
		out[k] = siteOf(z)
		used := false
		for _, u := range pr.d.Users {
			used = used || siteMatches(u, out[k])
		}
		if !used {
			continue
		}
		g.Go(func() error {
			full, err := pr.getSite(ctx, z.ID)
			if err != nil {
				pr.readFailed(ctx, "site "+z.Name, knownSites, err)
				return nil
			}
			if full.ExtensionLength() > 0 {
				mu.Lock()
				extLen[z.ID] = full.ExtensionLength()
				mu.Unlock()
			}
			return nil
		})
	}
	return out, true, extLen
}

// resolveSite finds the id of the user's site. With no site list (single
// site accounts) every user is at the account-level pseudo-site "".
func resolveSite(u state.User, sites []state.Site, known bool) (string, bool) {
	if !known {
		return "", true
	}
	for _, s := range sites {
		if siteMatches(u, s) {
			return s.ID, true
		}
	}
	if u.SiteName == "" && u.SiteCode == "" && len(sites) == 1 {
		return sites[0].ID, true
	}
	return "", false
}

func siteMatches(u state.User, s state.Site) bool {
	if u.SiteName != "" {
		return strings.EqualFold(strings.TrimSpace(u.SiteName), s.Name)
	}
	return u.SiteCode != "" && strings.TrimSpace(u.SiteCode) == s.Code
}

// checkAccountUser reads the account user: Zoom adds only active users.
func (pr *preflightRun) checkAccountUser(ctx context.Context, i int, u state.User) {
	zu, err := pr.users.get(state.EmailKey(u.Email), func() (*zoom.User, error) { return pr.s.c.GetUser(ctx, u.Email) })
	switch {
	case zoom.IsNotFound(err):
		pr.problem(state.Problem{User: i, Email: u.Email, Field: "email", Severity: state.Error,
			Message: "no Zoom user has this email: create the user in Zoom (or fix the address) first"})
	case zoom.IsInvitationExpired(err):
		// 400/1120 (zoom-api.md §11.4): blocks like an inactive user.
		pr.problem(state.Problem{User: i, Email: u.Email, Field: "email", Severity: state.Error,
			Message: "the Zoom user's invitation has expired: invite the user again in Zoom and have them accept it first"})
	case err != nil:
		pr.readFailed(ctx, "user "+u.Email, "", err)
	case !zu.Active():
		status := zu.Status
		if status == "" {
			status = "pending (invitation not accepted)"
		}
		pr.problem(state.Problem{User: i, Email: u.Email, Field: "email", Severity: state.Error,
			Message: "the Zoom user is " + status + ": Zoom adds only active users; activate the user first"})
	}
	if err == nil {
		if w := u.NameMismatch(zu.FirstName, zu.LastName); w != "" {
			pr.problem(state.Problem{User: i, Email: u.Email, Field: "first_name", Severity: state.Warning, Message: w})
		}
	}
}

// checkPhoneUser reads the phone user; a hit goes into the live catalog's
// phone users, where Validate reports "already a phone user".
func (pr *preflightRun) checkPhoneUser(ctx context.Context, u state.User) {
	pu, err := pr.phoneUsers.get(state.EmailKey(u.Email), func() (*zoom.PhoneUser, error) { return pr.s.c.GetPhoneUser(ctx, u.Email) })
	switch {
	case err == nil && pu.Pending():
		pr.problem(pendingUserProblem(pr.d, u))
	case err != nil && !notAPhoneUser(err):
		pr.readFailed(ctx, "phone user "+u.Email, knownPhoneUsers, err)
	}
}

// readFailed turns a failed read that Zoom answered into a warning (Zoom
// checks again on submit), or a fatal error for cancellation, refused
// credentials and a Zoom that cannot be reached at all.
func (pr *preflightRun) readFailed(ctx context.Context, what, known string, err error) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if known != "" {
		pr.failed[known] = true
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		if pr.fatal == nil {
			pr.fatal = ctx.Err()
			if pr.fatal == nil {
				pr.fatal = err
			}
		}
		return
	}
	// A missing scope and another program taking the app's tokens are
	// configuration problems whose own messages say what to do.
	if se := zoom.AsScopeError(err, "reading "+what); se != nil || zoom.IsTokenContention(err) {
		if pr.fatal == nil {
			pr.fatal = err
			if se != nil {
				pr.fatal = se
			}
		}
		return
	}
	if zoom.IsAuth(err) {
		if pr.fatal == nil {
			pr.fatal = fmt.Errorf("pre-flight: Zoom refused the credentials: %w", err)
		}
		return
	}
	// No answer at all, even after the client's retries, means Zoom cannot
	// be reached: nothing could be checked and a POST would fail too.
	var zerr *zoom.Error
	if !errors.As(err, &zerr) {
		if pr.fatal == nil {
			pr.fatal = fmt.Errorf("%w: drafting still works; submit when the connection is back (%v)", ErrUnreachable, err)
		}
		return
	}
	pr.extra = append(pr.extra, state.Problem{User: -1, Severity: state.Warning,
		Message: fmt.Sprintf("could not read %s from Zoom (%v): that check was skipped; Zoom checks again on submit", what, err)})
}

// fatalErr is the fatal error so far; reads still running may set it.
func (pr *preflightRun) fatalErr() error {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	return pr.fatal
}

func (pr *preflightRun) problem(p state.Problem) {
	pr.mu.Lock()
	pr.extra = append(pr.extra, p)
	pr.mu.Unlock()
}

// overlayPhoneUsers replaces the cached phone users of the sites read live
// and of the draft's emails with what Zoom says now.
func (pr *preflightRun) overlayPhoneUsers(live *state.Catalog, bySite map[string][]zoom.PhoneUser) {
	draftEmails := map[string]bool{}
	for _, u := range pr.d.Users {
		draftEmails[state.EmailKey(u.Email)] = true
	}
	var out []state.PhoneUser
	for _, p := range live.PhoneUsers {
		if _, read := bySite[p.SiteID]; read || draftEmails[state.EmailKey(p.Email)] {
			continue
		}
		out = append(out, p)
	}
	seen := map[string]bool{}
	for _, us := range bySite {
		for _, u := range us {
			out = append(out, phoneUserOf(u))
			seen[state.EmailKey(u.Email)] = true
		}
	}
	for _, u := range pr.d.Users {
		pu, err, ok := pr.phoneUsers.peek(state.EmailKey(u.Email))
		if ok && err == nil && pu != nil && !pu.Pending() && !seen[state.EmailKey(pu.Email)] {
			p := phoneUserOf(*pu)
			if p.Email == "" {
				p.Email = u.Email
			}
			out = append(out, p)
			seen[state.EmailKey(p.Email)] = true
		}
	}
	live.PhoneUsers = out
	if !pr.failed[knownPhoneUsers] {
		live.Known[knownPhoneUsers] = true
	}
}

// keepOtherSites drops the cached entries of the sites read live.
func keepOtherSites[T any, L any](items []T, read map[string]L, site func(T) string) []T {
	var out []T
	for _, it := range items {
		if _, ok := read[site(it)]; !ok {
			out = append(out, it)
		}
	}
	return out
}

// cloneCatalog copies c (or makes an empty catalog) so the overlay never
// changes the cached one others hold.
func cloneCatalog(c *state.Catalog) *state.Catalog {
	out := &state.Catalog{Schema: state.SchemaVersion, Known: map[string]bool{}}
	if c == nil {
		return out
	}
	out.Account = c.Account
	out.Sites = append([]state.Site(nil), c.Sites...)
	out.Templates = append([]state.Template(nil), c.Templates...)
	out.Plans = append([]state.Plan(nil), c.Plans...)
	out.Numbers = append([]state.Number(nil), c.Numbers...)
	out.ProvisionTemplates = append([]state.ProvisionTemplate(nil), c.ProvisionTemplates...)
	out.Devices = append([]state.Device(nil), c.Devices...)
	out.PhoneUsers = append([]state.PhoneUser(nil), c.PhoneUsers...)
	out.EmergencyAddresses = append([]state.EmergencyAddress(nil), c.EmergencyAddresses...)
	for k, v := range c.Known {
		out.Known[k] = v
	}
	return out
}
