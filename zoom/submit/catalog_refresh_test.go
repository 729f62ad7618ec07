package submit

import (
	"context"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// fastRetryService is a service on e's sandbox and home whose client
// retries failures in milliseconds, and whose clock the test moves.
func fastRetryService(t *testing.T, e *env, clk *clock) *Service {
	t.Helper()
	acct, id, secret := e.sb.Credentials()
	c, err := zoom.New(zoom.Config{AccountID: acct, ClientID: id, ClientSecret: secret,
		APIURL: e.url + "/v2", OAuthURL: e.url + "/oauth/token", RetryWaitScale: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	return New(c, e.home, e.j, Options{Now: clk.Now})
}

// A warm start costs no request: the cached catalog is used as it is while
// its lists are younger than the age asked for; once older, they are read
// again.
func TestWarmCatalogStartCostsNoRequest(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	clk := newClock()
	first := fastRetryService(t, e, clk)
	if _, err := first.RefreshCatalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The next run: a new service on the same home.
	clk.Advance(10 * time.Minute)
	next := fastRetryService(t, e, clk)
	if CatalogNeedsRefresh(next.CachedCatalog(), time.Hour, clk.Now()) {
		t.Error("a 10-minute-old catalog needs a refresh at max age 1h")
	}
	before := len(e.sb.Requests())
	c, err := next.RefreshCatalogOlderThan(context.Background(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(e.sb.Requests()) - before; n != 0 {
		t.Errorf("warm start sent %d requests, want 0", n)
	}
	if len(c.Numbers) == 0 || !c.Known[knownNumbers] || !c.Known[knownPhoneUsers] {
		t.Errorf("warm catalog lost its lists: %d numbers, known %v", len(c.Numbers), c.Known)
	}
	// Site codes too: a user saved with a site code must still validate.
	for _, st := range c.Sites {
		if st.Code == "" {
			t.Errorf("warm catalog lost the site code of %s", st.Name)
		}
	}
	clk.Advance(time.Hour)
	if !CatalogNeedsRefresh(next.CachedCatalog(), time.Hour, clk.Now()) {
		t.Error("a 70-minute-old catalog does not need a refresh at max age 1h")
	}
	before = len(e.sb.Requests())
	if _, err := next.RefreshCatalogOlderThan(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
	if e.sb.CountRequests("GET", "/number_management/numbers") == 0 || len(e.sb.Requests()) == before {
		t.Error("old lists were not read again")
	}
}

// A refresh in which the numbers reads fail keeps each site's cached
// numbers (a good list is never replaced by nothing), marks them stale,
// and still takes the lists that were read.
func TestPartialRefreshKeepsGoodListAndMarksStale(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	clk := newClock()
	svc := fastRetryService(t, e, clk)
	good, err := svc.RefreshCatalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, n := range good.Numbers {
		count[n.SiteID]++
	}
	// Five failures end a read; four sites read numbers at once, so twenty
	// faults fail each of them.
	for range 20 {
		f, _ := sandbox.ParseFault("500@GET:/number_management/numbers")
		e.sb.AddFault(f)
	}
	clk.Advance(time.Minute)
	c, err := svc.RefreshCatalog(context.Background())
	if err == nil {
		t.Fatal("err = nil, want the failed numbers read reported")
	}
	if c == nil {
		t.Fatal("no catalog returned")
	}
	if len(c.Stale) != len(count) {
		t.Fatalf("Stale = %v, want the numbers of the %d sites", c.Stale, len(count))
	}
	for _, k := range c.Stale {
		if !strings.HasPrefix(k, "numbers:") {
			t.Errorf("stale %q, want only numbers lists", k)
		}
	}
	if !c.Known[knownNumbers] {
		t.Error("numbers no longer known after one site failed")
	}
	got := map[string]int{}
	for _, n := range c.Numbers {
		got[n.SiteID]++
	}
	for site, n := range count {
		if got[site] != n {
			t.Errorf("site %s: %d numbers after the partial refresh, want %d (kept or re-read)", site, got[site], n)
		}
	}
	if c.StaleLists() == "" {
		t.Error("StaleLists is empty")
	}
	// What the refresh did read is newer; the stale list keeps its old time.
	staleAge, _ := c.ListAge(c.Stale[0], clk.Now())
	plansAge, _ := c.ListAge(knownPlans, clk.Now())
	if staleAge <= plansAge {
		t.Errorf("stale list age %v, plans age %v: the stale one should be older", staleAge, plansAge)
	}
	// On disk too, for the next start.
	disk, err := state.LoadCatalog(e.home)
	if err != nil || disk == nil || len(disk.Stale) != len(count) {
		t.Errorf("cached catalog on disk: %v, %+v", err, disk)
	}
}

// The cached catalog is parsed once per version of its file: asking again
// returns the same catalog, and a file another zpadd saved since is read
// afresh.
func TestCachedCatalogIsParsedOncePerFileVersion(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	e.refresh() // writes the cache file
	other := e.otherProcess()
	first := other.CachedCatalog()
	if first == nil || other.CachedCatalog() != first {
		t.Fatalf("a second read of an unchanged cache file parsed it again (or found none: %v)", first)
	}
	changed := *first
	changed.Account = "Renamed Corp"
	if err := state.SaveCatalog(e.home, &changed); err != nil {
		t.Fatal(err)
	}
	if got := other.CachedCatalog(); got == first || got == nil || got.Account != "Renamed Corp" {
		t.Fatalf("after another save, the cached catalog is %+v, want the new file's", got)
	}
}
