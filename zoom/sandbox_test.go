package zoom

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Seeded facts of the sandbox's standard account used below.
const (
	sbMainSite   = "Main Site"
	sbFreeEmail  = "grace.wilson@example.com"  // active, not a phone user
	sbFreeEmail2 = "henry.moore@example.com"   // active, not a phone user
	sbPending    = "nina.pending@example.com"  // pending account user
	sbPhoneUser  = "alice.johnson@example.com" // phone user, extension 1001
	sbKnownMAC   = "805ec03debc4"              // Alice's Yealink
)

// clock is a settable clock for the sandbox.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// sandboxClient wires a client to a sandbox through its in-process
// transport, with fast retries.
func sandboxClient(t *testing.T, o sandbox.Options) (*Client, *sandbox.Sandbox) {
	t.Helper()
	sb := sandbox.New(o)
	acct, id, secret := sb.Credentials()
	c := newTestClient(t, Config{
		AccountID: acct, ClientID: id, ClientSecret: secret,
		APIURL: "http://sandbox.invalid/v2", OAuthURL: "http://sandbox.invalid/oauth/token",
		HTTPClient: &http.Client{Transport: sb.Transport()},
	}, nil)
	return c, sb
}

func mainSite(t *testing.T, c *Client) Site {
	t.Helper()
	sites, err := c.ListSites(context.Background())
	if err != nil {
		t.Fatalf("ListSites: %v", err)
	}
	i := slices.IndexFunc(sites, func(s Site) bool { return s.Name == sbMainSite })
	if i < 0 {
		t.Fatalf("no %q in %+v", sbMainSite, sites)
	}
	return sites[i]
}

// Every read works against the simulator and decodes its Zoom-shaped data.
func TestSandboxEveryReadEndpoint(t *testing.T) {
	c, _ := sandboxClient(t, sandbox.Options{})
	ctx := context.Background()
	sites, err := c.ListSites(ctx)
	if err != nil || len(sites) < 3 {
		t.Fatalf("ListSites = %d sites, %v", len(sites), err)
	}
	for _, s := range sites {
		if s.ID == "" || s.Name == "" || s.SiteCode == 0 || len(s.Country.Code) != 2 {
			t.Errorf("site %+v lacks id/name/site_code/country", s)
		}
	}
	main := mainSite(t, c)
	site, err := c.GetSite(ctx, main.ID)
	if err != nil || site.ExtensionLength() != 4 || site.Name != sbMainSite {
		t.Errorf("GetSite = %+v, %v; want Main Site with length 4", site, err)
	}
	tpls, err := c.ListSettingTemplates(ctx, main.ID)
	if err != nil || !slices.ContainsFunc(tpls, func(t SettingTemplate) bool { return t.Type == "user" && t.Name == "Main Site Standard User" }) {
		t.Errorf("ListSettingTemplates = %+v, %v", tpls, err)
	}
	plans, err := c.ListCallingPlans(ctx)
	if err != nil || !slices.ContainsFunc(plans, func(p CallingPlan) bool { return p.Type == 200 && p.Available == p.Subscribed-p.Assigned }) {
		t.Errorf("ListCallingPlans = %+v, %v", plans, err)
	}
	nums, err := c.ListUnassignedNumbers(ctx, main.ID)
	if err != nil || len(nums) <= pageNumbers || !strings.HasPrefix(nums[0].Number, "+1") {
		t.Errorf("ListUnassignedNumbers = %d numbers, %v; want more than one page of +1 numbers", len(nums), err)
	}
	if pages := c.Stats().Requests["GET /number_management/numbers"]; pages != (len(nums)+pageNumberManagement-1)/pageNumberManagement {
		t.Errorf("number pages read = %d for %d numbers", pages, len(nums))
	}
	pts, err := c.ListProvisionTemplates(ctx)
	if err != nil || !slices.ContainsFunc(pts, func(p ProvisionTemplate) bool { return p.Name == "HQ Yealink" }) {
		t.Errorf("ListProvisionTemplates = %+v, %v", pts, err)
	}
	devs, err := c.ListDevices(ctx, DeviceQuery{Type: "assigned", Keyword: sbKnownMAC})
	if err != nil || len(devs) != 1 || devs[0].MACAddress != sbKnownMAC {
		t.Errorf("ListDevices(keyword MAC) = %+v, %v", devs, err)
	}
	pus, err := c.ListPhoneUsers(ctx, PhoneUserQuery{SiteID: main.ID})
	if err != nil || !slices.ContainsFunc(pus, func(u PhoneUser) bool { return u.Email == sbPhoneUser && u.ExtensionNumber == 1001 }) {
		t.Errorf("ListPhoneUsers = %+v, %v", pus, err)
	}
	pu, err := c.GetPhoneUser(ctx, sbPhoneUser)
	if err != nil || pu.ExtensionNumber != 1001 || pu.SiteRefID() != main.ID {
		t.Errorf("GetPhoneUser = %+v, %v", pu, err)
	}
	if _, err := c.GetPhoneUser(ctx, sbFreeEmail); !IsNotFound(err) {
		t.Errorf("GetPhoneUser(not a phone user) err = %v, want not found", err)
	}
	u, err := c.GetUser(ctx, sbFreeEmail)
	if err != nil || !u.Active() || u.Email != sbFreeEmail {
		t.Errorf("GetUser = %+v, %v", u, err)
	}
	p, err := c.GetUser(ctx, sbPending)
	if err != nil || p.Active() {
		t.Errorf("GetUser(pending) = %+v, %v; want not active", p, err)
	}
	if _, err := c.GetUser(ctx, "nobody@example.com"); !IsNotFound(err) {
		t.Errorf("GetUser(unknown) err = %v, want not found", err)
	}
}

// goodUser is a draft user the sandbox accepts: a free email, a free
// extension of the right length, a user template of the site, a free number
// and a new desk phone.
func goodUser(t *testing.T, c *Client, email, ext, mac string, numberIndex int) state.User {
	t.Helper()
	main := mainSite(t, c)
	nums, err := c.ListUnassignedNumbers(context.Background(), main.ID)
	if err != nil || len(nums) <= numberIndex {
		t.Fatalf("numbers: %d, %v", len(nums), err)
	}
	n := nums[numberIndex].Number
	return state.User{
		Email: email, FirstName: "Test", LastName: "User", ExtensionNumber: ext,
		SiteName: sbMainSite, TemplateName: "Main Site Standard User", CallingPlans: []string{"US/CA Unlimited"},
		PhoneNumbers: []string{n}, OutboundCallerID: n, SMS: ptr(true),
		DeskPhones: []state.DeskPhone{{MAC: mac, Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"}},
	}
}

// A batch built by BatchUsers is accepted by the simulator and its effects
// are visible through the reads.
func TestSandboxBatchAddCreatesUsers(t *testing.T) {
	c, sb := sandboxClient(t, sandbox.Options{})
	ctx := context.Background()
	users := []state.User{
		goodUser(t, c, sbFreeEmail, "1501", "80:5E:C0:AA:BB:01", 0),
		goodUser(t, c, sbFreeEmail2, "1502", "80-5e-c0-aa-bb-02", 1),
	}
	res, err := c.BatchAddUsers(ctx, BatchUsers(users))
	if err != nil {
		t.Fatalf("BatchAddUsers: %v", err)
	}
	if len(res) != 2 || res[0].ID == "" {
		t.Fatalf("results = %+v", res)
	}
	pu, err := c.GetPhoneUser(ctx, sbFreeEmail)
	if err != nil || pu.ExtensionNumber != 1501 {
		t.Errorf("after batch GetPhoneUser = %+v, %v", pu, err)
	}
	devs, err := c.ListDevices(ctx, DeviceQuery{Type: "assigned", Keyword: "805ec0aabb01"})
	if err != nil || len(devs) != 1 {
		t.Errorf("new desk phone = %+v, %v", devs, err)
	}
	if n := sb.CountRequests("POST", "/phone/users/batch"); n != 1 {
		t.Errorf("POSTs = %d, want 1", n)
	}
}

// A refused batch comes back as one *Error with Zoom's code and the field
// errors, readable.
func TestSandboxAllOrNothingRefusalIsFieldErrors(t *testing.T) {
	c, _ := sandboxClient(t, sandbox.Options{Outcome: sandbox.AllOrNothing})
	good := goodUser(t, c, sbFreeEmail, "1601", "80:5e:c0:aa:bb:11", 0)
	bad := goodUser(t, c, sbPending, "1602", "80:5e:c0:aa:bb:12", 1)
	_, err := c.BatchAddUsers(context.Background(), BatchUsers([]state.User{good, bad}))
	var ze *Error
	if !errors.As(err, &ze) || ze.Status != 400 || ze.Code != 300 || len(ze.Errors) == 0 {
		t.Fatalf("err = %v, want 400/300 with errors[]", err)
	}
	if !strings.Contains(ze.Errors[0].Field, "users[1]") || !strings.Contains(err.Error(), "users[1]") {
		t.Errorf("field errors %+v do not name users[1]", ze.Errors)
	}
	if _, err := c.GetPhoneUser(context.Background(), sbFreeEmail); !IsNotFound(err) {
		t.Errorf("good user created in all-or-nothing refusal: %v", err)
	}
}

// Scripted faults: GETs retried through every 429 form and 5xx body, the
// POST never retried.
func TestSandboxFaultsRetryRules(t *testing.T) {
	ctx := context.Background()
	getFaults := []sandbox.Fault{
		{Kind: sandbox.RateLimited, Method: "GET", Path: "/phone/calling_plans", RetryAfter: sandbox.RetryAfterSeconds, RetryAfterDelay: 2 * time.Second},
		{Kind: sandbox.RateLimited, Method: "GET", Path: "/phone/calling_plans", RetryAfter: sandbox.RetryAfterHTTPDate, RetryAfterDelay: 3 * time.Second},
		{Kind: sandbox.RateLimited, Method: "GET", Path: "/phone/calling_plans", RetryAfter: sandbox.RetryAfterISO8601, RetryAfterDelay: 3 * time.Second},
		{Kind: sandbox.RateLimited, Method: "GET", Path: "/phone/calling_plans", RetryAfter: sandbox.RetryAfterAbsent, RateLimitHeaders: true},
	}
	for _, f := range getFaults {
		c, sb := sandboxClient(t, sandbox.Options{Fail: []sandbox.Fault{f}})
		var w waits
		c.retry.observe = w.observe
		if _, err := c.ListCallingPlans(ctx); err != nil {
			t.Errorf("%v: err = %v", f, err)
		}
		if n := sb.CountRequests("GET", "/phone/calling_plans"); n != 2 {
			t.Errorf("%v: GETs = %d, want 2", f, n)
		}
		if got := w.all(); len(got) != 1 || (f.RetryAfter != sandbox.RetryAfterAbsent && got[0] < c.retry.scaled(f.RetryAfterDelay-time.Second)) {
			t.Errorf("%v: waits = %v, want one of about %v (scaled)", f, got, c.retry.scaled(f.RetryAfterDelay))
		}
	}
	for _, body := range []sandbox.BodyForm{sandbox.BodyJSON, sandbox.BodyHTML, sandbox.BodyEmpty} {
		c, sb := sandboxClient(t, sandbox.Options{Fail: []sandbox.Fault{{Kind: sandbox.ServerError, Method: "GET", Status: 502, Body: body}}})
		if _, err := c.ListProvisionTemplates(ctx); err != nil {
			t.Errorf("5xx body %v: err = %v", body, err)
		}
		if n := sb.CountRequests("GET", "/phone/provision_templates"); n != 2 {
			t.Errorf("5xx body %v: GETs = %d, want 2", body, n)
		}
	}
	for _, body := range []sandbox.BodyForm{sandbox.BodyJSON, sandbox.BodyHTML, sandbox.BodyEmpty} {
		c, sb := sandboxClient(t, sandbox.Options{Fail: []sandbox.Fault{{Kind: sandbox.ServerError, Method: "POST", Path: "/phone/users/batch", Status: 503, Body: body}}})
		_, err := c.BatchAddUsers(ctx, BatchUsers([]state.User{goodUser(t, c, sbFreeEmail, "1701", "80:5e:c0:aa:bb:21", 0)}))
		var ze *Error
		if !errors.As(err, &ze) || ze.Status != 503 || ze.Error() == "" || strings.Contains(ze.Error(), "<") {
			t.Errorf("POST 503 body %v: err = %v, want a readable 503", body, err)
		}
		if n := sb.CountRequests("POST", "/phone/users/batch"); n != 1 {
			t.Errorf("POST 503 body %v: POSTs = %d, want 1", body, n)
		}
	}
	c, sb := sandboxClient(t, sandbox.Options{Fail: []sandbox.Fault{{Kind: sandbox.RateLimited, Method: "POST", Path: "/phone/users/batch", RetryAfter: sandbox.RetryAfterSeconds, RetryAfterDelay: time.Second}}})
	_, err := c.BatchAddUsers(ctx, BatchUsers([]state.User{goodUser(t, c, sbFreeEmail, "1702", "80:5e:c0:aa:bb:22", 0)}))
	var ze *Error
	if !errors.As(err, &ze) || !ze.IsRateLimit() || ze.RetryAfter != time.Second {
		t.Errorf("POST 429: err = %v, want a rate-limit *Error with RetryAfter 1s", err)
	}
	if n := sb.CountRequests("POST", "/phone/users/batch"); n != 1 {
		t.Errorf("POST 429: POSTs = %d, want 1", n)
	}
}

// A validation error dressed as a 429 is returned as a refusal.
func TestSandboxValidation429IsRefusal(t *testing.T) {
	c, sb := sandboxClient(t, sandbox.Options{Fail: []sandbox.Fault{{Kind: sandbox.ValidationAs429, Method: "POST", Path: "/phone/users/batch"}}})
	_, err := c.BatchAddUsers(context.Background(), BatchUsers([]state.User{goodUser(t, c, sbFreeEmail, "1703", "80:5e:c0:aa:bb:23", 0)}))
	var ze *Error
	if !errors.As(err, &ze) || ze.Status != 429 || ze.IsRateLimit() {
		t.Fatalf("err = %v, want a 429 refusal that is not a rate limit", err)
	}
	if n := sb.CountRequests("POST", "/phone/users/batch"); n != 1 {
		t.Errorf("POSTs = %d, want 1", n)
	}
}

// Commit-then-drop over a real socket: the client reports a transport error
// (not "not sent"), sends one POST only, and the users exist afterwards.
func TestSandboxCommitThenDropOverSocket(t *testing.T) {
	sb := sandbox.New(sandbox.Options{Fail: []sandbox.Fault{{Kind: sandbox.CommitThenDrop, Method: "POST", Path: "/phone/users/batch"}}})
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	acct, id, secret := sb.Credentials()
	c := newTestClient(t, Config{AccountID: acct, ClientID: id, ClientSecret: secret, APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token", HTTPClient: srv.Client()}, nil)
	ctx := context.Background()
	_, err := c.BatchAddUsers(ctx, BatchUsers([]state.User{goodUser(t, c, sbFreeEmail, "1801", "80:5e:c0:aa:bb:31", 0)}))
	if err == nil || IsNotSent(err) {
		t.Fatalf("err = %v, want a transport error after sending", err)
	}
	var ze *Error
	if errors.As(err, &ze) {
		t.Errorf("err = %v is an API error; want a transport error", err)
	}
	if pu, err := c.GetPhoneUser(ctx, sbFreeEmail); err != nil || pu.ExtensionNumber != 1801 {
		t.Errorf("user after commit-then-drop = %+v, %v; want created", pu, err)
	}
	// The sandbox logs a dropped request once its handler returns, which
	// can be just after the client saw the connection close.
	deadline := time.Now().Add(5 * time.Second)
	for sb.CountRequests("POST", "/phone/users/batch") == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := sb.CountRequests("POST", "/phone/users/batch"); n != 1 {
		t.Errorf("POSTs = %d, want 1", n)
	}
	if n := c.Stats().Requests["POST /phone/users/batch"]; n != 1 {
		t.Errorf("client POSTs = %d, want 1", n)
	}
}

// A token that dies early (the sandbox's clock jumps past its expiry while
// the client still trusts it) is renewed once and the call succeeds.
func TestSandboxEarlyTokenExpiryRenewed(t *testing.T) {
	clk := &clock{t: time.Now()}
	c, sb := sandboxClient(t, sandbox.Options{Now: clk.now})
	ctx := context.Background()
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	clk.add(2 * time.Hour)
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if n := sb.CountRequests("POST", "/oauth/token"); n != 2 {
		t.Errorf("token requests = %d, want 2", n)
	}
	if n := sb.CountRequests("GET", "/phone/calling_plans"); n != 3 {
		t.Errorf("plan GETs = %d, want 3 (ok, 401, resend)", n)
	}
}

// Wrong credentials against the simulator name Zoom's OAuth error.
func TestSandboxBadCredentialsNamed(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	acct, id, _ := sb.Credentials()
	c := newTestClient(t, Config{AccountID: acct, ClientID: id, ClientSecret: "wrong",
		APIURL: "http://sandbox.invalid/v2", OAuthURL: "http://sandbox.invalid/oauth/token",
		HTTPClient: &http.Client{Transport: sb.Transport()}}, nil)
	_, err := c.ListSites(context.Background())
	if err == nil || !strings.Contains(err.Error(), "invalid_client") || !strings.Contains(err.Error(), "Invalid client_id or client_secret") || !IsAuth(err) {
		t.Fatalf("err = %v, want invalid_client named", err)
	}
}
