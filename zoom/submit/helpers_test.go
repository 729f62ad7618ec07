package submit

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// env is one test's world: a sandbox served over a real socket (so dropped
// connections are real), a client, a home, a journal and a Service.
type env struct {
	t     *testing.T
	sb    *sandbox.Sandbox
	c     *zoom.Client
	home  state.Home
	j     *state.Journal
	store *state.Store
	svc   *Service
	url   string
}

func newEnv(t *testing.T, so sandbox.Options, o Options) *env {
	t.Helper()
	sb := sandbox.New(so)
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	e := &env{t: t, sb: sb, url: srv.URL}
	e.home = state.HomeUnder(t.TempDir())
	if err := e.home.Ensure(); err != nil {
		t.Fatal(err)
	}
	e.c = e.newClient()
	var err error
	if e.j, err = state.OpenJournal(e.home); err != nil {
		t.Fatal(err)
	}
	if e.store, err = state.OpenStore(e.home); err != nil {
		t.Fatal(err)
	}
	if o.RetryWait == 0 {
		o.RetryWait = 10 * time.Millisecond
	}
	if o.Store == nil {
		o.Store = e.store
	}
	e.svc = New(e.c, e.home, e.j, o)
	return e
}

// newClient is a fresh client on the same sandbox (another zpadd, or the
// same one after a restart).
func (e *env) newClient() *zoom.Client {
	e.t.Helper()
	acct, id, secret := e.sb.Credentials()
	c, err := zoom.New(zoom.Config{AccountID: acct, ClientID: id, ClientSecret: secret,
		APIURL: e.url + "/v2", OAuthURL: e.url + "/oauth/token"})
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

func (e *env) refresh() *state.Catalog {
	e.t.Helper()
	c, err := e.svc.RefreshCatalog(context.Background())
	if err != nil {
		e.t.Fatalf("RefreshCatalog: %v", err)
	}
	return c
}

func (e *env) posts() int { return e.sb.CountRequests("POST", "/phone/users/batch") }

// freeEmails are seeded active users who are not phone users yet.
var freeEmails = []string{
	"grace.wilson@example.com", "henry.moore@example.com", "isabel.taylor@example.com",
	"jack.anderson@example.com", "jose.nunez@example.com", "zoe.clarke@example.com",
	"lukasz.kowalski@example.com", "taro.yamada@example.com", "hanako.sato@example.com",
	"siobhan.obrien@example.com", "francois.dupont@example.com", "bjorn.andersson@example.com",
}

// mainSiteDraft builds n valid users at Main Site (4-digit extensions from
// 2101, a free number each from the catalog, one new Yealink each).
func mainSiteDraft(t *testing.T, cat *state.Catalog, n int) *state.Draft {
	t.Helper()
	d := state.NewDraft(fmt.Sprintf("test %d users", n), state.Defaults{})
	var siteID string
	for _, s := range cat.Sites {
		if s.Name == "Main Site" {
			siteID = s.ID
		}
	}
	var nums []string
	for _, num := range cat.Numbers {
		if num.SiteID == siteID && !num.Assigned {
			nums = append(nums, num.Number)
		}
	}
	if len(nums) < n {
		t.Fatalf("only %d free numbers at Main Site", len(nums))
	}
	for i := 0; i < n; i++ {
		d.Users = append(d.Users, state.User{
			Email:           freeEmails[i],
			ExtensionNumber: fmt.Sprintf("%d", 2101+i),
			SiteName:        "Main Site",
			TemplateName:    "Main Site Standard User",
			CallingPlans:    []string{"US/CA Unlimited"},
			PhoneNumbers:    []string{nums[i]},
			DeskPhones: []state.DeskPhone{{MAC: fmt.Sprintf("805ec0%06x", 0x700000+i), Brand: "Yealink", Model: "t46s",
				ProvisionTemplate: "HQ Yealink"}},
		})
	}
	return d
}

// recorder collects events (safe for the concurrent callback).
type recorder struct {
	mu sync.Mutex
	ev []Event
}

func (r *recorder) add(e Event) { r.mu.Lock(); r.ev = append(r.ev, e); r.mu.Unlock() }

func (r *recorder) kinds(k EventKind) []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Event
	for _, e := range r.ev {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

func statuses(sub *state.Submission) map[string]string {
	out := map[string]string{}
	for _, r := range sub.Results {
		out[r.Email] = r.Status
	}
	return out
}

func requireAll(t *testing.T, sub *state.Submission, status string) {
	t.Helper()
	for _, r := range sub.Results {
		if r.Status != status {
			t.Errorf("%s: status %q (%s), want %q", r.Email, r.Status, r.Error, status)
		}
	}
}

// requireJournalled checks the submission is in the history and nothing is
// left unfinished.
func (e *env) requireJournalled(sub *state.Submission) {
	e.t.Helper()
	un, err := e.j.Unfinished()
	if err != nil || len(un) != 0 {
		e.t.Errorf("Unfinished = %v, %v; want none", un, err)
	}
	hist, err := e.j.History()
	if err != nil {
		e.t.Fatal(err)
	}
	for _, h := range hist {
		if h.ID == sub.ID {
			return
		}
	}
	e.t.Errorf("submission %s not in history (%d entries)", sub.ID, len(hist))
}

// clock is a settable clock for the sandbox (token expiry, desk phones
// coming online) so tests do not sleep.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
