package submit

import (
	"context"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// NewForSandbox gives a working service on the in-process sandbox (what
// `zpadd --sandbox` runs): catalog, submit, journal, draft status.
func TestNewForSandboxSubmits(t *testing.T) {
	t.Parallel()
	sb := sandbox.New(sandbox.Options{})
	home := state.HomeUnder(t.TempDir())
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	st, err := state.OpenStore(home)
	if err != nil {
		t.Fatal(err)
	}
	j, err := state.OpenJournal(home)
	if err != nil {
		t.Fatal(err)
	}
	svc, c, err := NewForSandbox(sb, home, st, j)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := svc.RefreshCatalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cached, err := state.LoadCatalog(home); err != nil || cached == nil || len(cached.Sites) != len(cat.Sites) {
		t.Errorf("catalog not cached: %v, %v", cached, err)
	}
	if svc.CachedCatalog() != cat {
		t.Errorf("CachedCatalog should return this run's catalog")
	}
	d := mainSiteDraft(t, cat, 2)
	sub, err := svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	if c.Stats().Requests["POST /phone/users/batch"] != 1 || sb.CountRequests("POST", "/phone/users/batch") != 1 {
		t.Errorf("want exactly one POST")
	}
}

// The catalog holds every list, mapped to the domain's names.
func TestRefreshCatalogFillsEveryList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	c := e.refresh()
	for _, k := range []string{knownSites, knownTemplates, knownPlans, knownNumbers, knownProvisionTemplates, knownDevices, knownPhoneUsers} {
		if !c.Known[k] {
			t.Errorf("list %s not known", k)
		}
	}
	if len(c.Sites) < 3 || c.Sites[0].Name != "Main Site" || c.Sites[0].ExtensionLength != 4 || c.Sites[0].Code != "1" || c.Sites[0].Country != "US" {
		t.Errorf("sites = %+v", c.Sites)
	}
	if len(c.Numbers) < 2000 {
		t.Errorf("numbers = %d, want ≥ 2000 (all pages)", len(c.Numbers))
	}
	short := map[string]bool{}
	for _, p := range c.Plans {
		short[p.ShortName] = true
	}
	if !short["US/CA Unlimited"] {
		t.Errorf("plans have no short name US/CA Unlimited: %+v", c.Plans)
	}
	if len(c.Devices) == 0 || len(c.Devices[0].MAC) != 12 || len(c.PhoneUsers) == 0 || c.FetchedAt.IsZero() {
		t.Errorf("devices/phone users/fetched at missing")
	}
}

// An account without Multiple Sites refuses the site list: the catalog
// falls back to account-level lists and a user without a site is added.
func TestSingleSiteAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{SingleSite: true}, Options{})
	c, err := e.svc.RefreshCatalog(context.Background())
	if err != nil {
		t.Fatalf("RefreshCatalog: %v", err)
	}
	if c.Known[knownSites] || !c.Known[knownNumbers] || !c.Known[knownTemplates] {
		t.Errorf("known = %v; want no sites, account-level numbers and templates", c.Known)
	}
	d := state.NewDraft("single", state.Defaults{})
	d.Users = []state.User{{Email: "grace.wilson@example.com", ExtensionNumber: "2101", CallingPlans: []string{"US/CA Unlimited"}}}
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
}
