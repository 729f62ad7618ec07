package submit

import (
	"context"

	"zpadd/state"
	"zpadd/zoom"
)

// The pre-flight's reads that a Run shares between its drafts: inside a
// run each is made once (by the first draft that needs it), outside a run
// straight through.

func (pr *preflightRun) listSites(ctx context.Context) ([]zoom.Site, error) {
	if sh := pr.shared; sh != nil {
		return sh.sites.get("", func() ([]zoom.Site, error) { return pr.s.c.ListSites(ctx) })
	}
	return pr.s.c.ListSites(ctx)
}

func (pr *preflightRun) getSite(ctx context.Context, id string) (*zoom.Site, error) {
	if sh := pr.shared; sh != nil {
		return sh.site.get(id, func() (*zoom.Site, error) { return pr.s.c.GetSite(ctx, id) })
	}
	return pr.s.c.GetSite(ctx, id)
}

func (pr *preflightRun) listTemplates(ctx context.Context, siteID string) ([]zoom.SettingTemplate, error) {
	if sh := pr.shared; sh != nil {
		return sh.templates.get(siteID, func() ([]zoom.SettingTemplate, error) { return pr.s.c.ListSettingTemplates(ctx, siteID) })
	}
	return pr.s.c.ListSettingTemplates(ctx, siteID)
}

// listPlans reads the calling plans; in a run it also returns the users
// sent since that one read, whose licences are no longer available, and
// the run's sent count those include (for Run.licenceProblems).
func (pr *preflightRun) listPlans(ctx context.Context) ([]zoom.CallingPlan, []state.User, int, error) {
	if sh := pr.shared; sh != nil {
		sp, err := sh.plans.get("", func() (sharedPlans, error) {
			n := sh.run.sentCount()
			ps, err := pr.s.c.ListCallingPlans(ctx)
			return sharedPlans{plans: ps, sentBefore: n}, err
		})
		since := sh.run.sentSince(sp.sentBefore)
		return sp.plans, since, sp.sentBefore + len(since), err
	}
	ps, err := pr.s.c.ListCallingPlans(ctx)
	return ps, nil, 0, err
}

func (pr *preflightRun) listSitePhoneUsers(ctx context.Context, siteID string) ([]zoom.PhoneUser, error) {
	read := func() ([]zoom.PhoneUser, error) {
		return pr.s.c.ListPhoneUsers(ctx, zoom.PhoneUserQuery{SiteID: siteID})
	}
	if sh := pr.shared; sh != nil {
		return sh.sitePhoneUsers.get(siteID, read)
	}
	return read()
}

func (pr *preflightRun) listSiteNumbers(ctx context.Context, siteID string) ([]zoom.PhoneNumber, error) {
	if sh := pr.shared; sh != nil {
		return sh.siteNumbers.get(siteID, func() ([]zoom.PhoneNumber, error) { return pr.s.c.ListUnassignedNumbers(ctx, siteID) })
	}
	return pr.s.c.ListUnassignedNumbers(ctx, siteID)
}

func (pr *preflightRun) listAllDevices(ctx context.Context) ([]state.Device, error) {
	if sh := pr.shared; sh != nil {
		return sh.devices.get("", func() ([]state.Device, error) { return pr.s.allDevices(ctx) })
	}
	return pr.s.allDevices(ctx)
}

// keysFor is how many targeted reads of this kind a whole list read saves:
// the draft's own count, or in a run the whole run's.
func (pr *preflightRun) keysFor(kind, siteID string, draftCount int, sites []state.Site, sitesKnown bool) int {
	if sh := pr.shared; sh != nil {
		return max(draftCount, sh.runCount(kind, siteID, sites, sitesKnown))
	}
	return draftCount
}

// accountPhoneUsersCheaper says whether, in a run, reading the account's
// whole phone-user list once costs fewer requests than a read per user of
// the run (the list is assumed unknownListPages long when never read).
func (pr *preflightRun) accountPhoneUsersCheaper() bool {
	sh := pr.shared
	if sh == nil {
		return false
	}
	z := sizesOf(pr.base)
	pages := unknownListPages
	if z.phoneUsersKnown {
		total := 0
		for _, n := range z.phoneUsersAt {
			total += n
		}
		pages = pagesFor(total, phoneUsersPage)
	}
	return pages < sh.runUsers()
}

func (pr *preflightRun) listAccountPhoneUsers(ctx context.Context) ([]zoom.PhoneUser, error) {
	return pr.shared.sitePhoneUsers.get("\x00account", func() ([]zoom.PhoneUser, error) {
		return pr.s.c.ListPhoneUsers(ctx, zoom.PhoneUserQuery{})
	})
}

// useAccountPhoneUsers answers the per-user reads and the draft's sites'
// phone users from the account's list.
func (pr *preflightRun) useAccountPhoneUsers(all []zoom.PhoneUser, bySite map[string][]zoom.PhoneUser) {
	byEmail := make(map[string]*zoom.PhoneUser, len(all))
	for i := range all {
		byEmail[state.EmailKey(all[i].Email)] = &all[i]
		site := all[i].SiteRefID()
		bySite[site] = append(bySite[site], all[i])
	}
	for _, u := range pr.d.Users {
		key := state.EmailKey(u.Email)
		_, _ = pr.phoneUsers.get(key, func() (*zoom.PhoneUser, error) { return byEmail[key], nil })
	}
}
