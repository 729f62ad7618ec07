package submit

import (
	"context"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Each live rule finds its problem and ties it to the user and field.
func TestPreflightTiesLiveProblemsToUserAndField(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 7)
	d.Users[0].Email = "paul.inactive@example.com"   // inactive account user
	d.Users[1].Email = "nina.pending@example.com"    // pending: no status
	d.Users[2].Email = "nobody.here@example.com"     // no such user
	d.Users[3].Email = "alice.johnson@example.com"   // already a phone user
	d.Users[4].ExtensionNumber = "1003"              // taken at Main Site
	d.Users[5].DeskPhones[0].MAC = "805ec03debc4"    // registered on the account
	d.Users[6].TemplateName = "London Standard User" // another site's template
	rec := &recorder{}
	ps, err := e.svc.Preflight(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("Preflight: %v", err)
	}
	want := []struct {
		user  int
		field string
		word  string
	}{
		{0, "email", "inactive"}, {1, "email", "pending"}, {2, "email", "no Zoom user"},
		{3, "email", "already a Zoom Phone user"}, {4, "extension_number", ""},
		{5, "desk_phones[0].mac", ""}, {6, "template_name", ""},
	}
	for _, w := range want {
		found := false
		for _, p := range ps.ForUser(w.user) {
			if p.Severity == state.Error && p.Field == w.field && strings.Contains(p.Message, w.word) {
				found = true
			}
		}
		if !found {
			t.Errorf("user %d: no error on %s containing %q; got %v", w.user, w.field, w.word, ps.ForUser(w.user))
		}
	}
	if len(rec.kinds(PreflightStarted)) != 1 || len(rec.kinds(PreflightDone)) != 1 {
		t.Errorf("want one PreflightStarted and one PreflightDone event")
	}
	var extErr bool
	for _, ev := range rec.kinds(CheckDone) {
		if ev.User == 4 && ev.Field == "extension_number" && ev.Status == "error" {
			extErr = true
		}
	}
	if !extErr {
		t.Errorf("no CheckDone error event for user 5's extension")
	}
}

// Plans are counted across the whole batch against what is available.
func TestPreflightCountsPlanAvailabilityForTheBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	for i := range d.Users {
		d.Users[i].CallingPlans = []string{"Power Pack"} // 5 subscribed, 5 assigned
	}
	ps, err := e.svc.Preflight(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	hit := false
	for _, p := range ps.Errors() {
		if strings.HasPrefix(p.Field, "calling_plans") {
			hit = true
		}
	}
	if !hit {
		t.Errorf("no calling_plans error for a plan with none available: %v", ps)
	}
}

// Without any cached catalog, pre-flight reads the sites itself and still
// checks against live data.
func TestPreflightWithoutCatalogReadsLive(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 1)
	fresh := New(e.newClient(), state.HomeUnder(t.TempDir()), nil, Options{})
	d.Users[0].ExtensionNumber = "1001"
	ps, err := fresh.Preflight(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.Errors()) == 0 || ps.Errors()[0].Field != "extension_number" {
		t.Errorf("want the taken extension found live, got %v", ps)
	}
}

// Pre-flight sends no write.
func TestPreflightSendsNoWrite(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	if _, err := e.svc.Preflight(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	for _, r := range e.sb.Requests() {
		if r.Method != "GET" && !strings.HasSuffix(r.Path, "/oauth/token") {
			t.Errorf("pre-flight sent %s %s", r.Method, r.Path)
		}
	}
}

func TestLookupUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		email             string
		status            string
		active, phoneUser bool
		ext               string
	}{
		{"grace.wilson@example.com", "active", true, false, ""},
		{"alice.johnson@example.com", "active", true, true, "1001"},
		{"paul.inactive@example.com", "inactive", false, true, "1099"}, // a seeded deactivated phone user
		{"nina.pending@example.com", "pending", false, false, ""},
		{"nobody.here@example.com", StatusNotFound, false, false, ""},
	} {
		got, err := e.svc.LookupUser(ctx, tc.email)
		if err != nil {
			t.Fatalf("%s: %v", tc.email, err)
		}
		if got.Status != tc.status || got.Active != tc.active || got.PhoneUser != tc.phoneUser || got.Extension != tc.ext {
			t.Errorf("%s: %+v; want status %q active %v phone user %v ext %q", tc.email, got, tc.status, tc.active, tc.phoneUser, tc.ext)
		}
	}
	if got, _ := e.svc.LookupUser(ctx, "grace.wilson@example.com"); got.First != "Grace" {
		t.Errorf("first name %q, want Grace", got.First)
	}
}

func TestCheckMAC(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	ctx := context.Background()
	for mac, want := range map[string]bool{"80:5E:C0:3D:EB:C4": true, "805ec0999999": false} {
		got, err := e.svc.CheckMAC(ctx, mac)
		if err != nil || got != want {
			t.Errorf("CheckMAC(%s) = %v, %v; want %v", mac, got, err, want)
		}
	}
	if _, err := e.svc.CheckMAC(ctx, "zz:zz"); err == nil {
		t.Errorf("CheckMAC of garbage: no error")
	}
}

// Watch reports each new desk phone offline, then online, and returns
// once all are online.
func TestWatchReportsOfflineThenOnline(t *testing.T) {
	t.Parallel()
	clk := newClock()
	e := newEnv(t, sandbox.Options{Now: clk.Now, DeviceOnlineAfter: time.Minute}, Options{WatchInterval: 20 * time.Millisecond})
	d := mainSiteDraft(t, e.refresh(), 2)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- e.svc.Watch(ctx, sub, d, rec.add) }()
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.kinds(DeviceChanged)) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	clk.Advance(2 * time.Minute)
	if err := <-done; err != nil {
		t.Fatalf("Watch: %v", err)
	}
	per := map[string][]string{}
	for _, ev := range rec.kinds(DeviceChanged) {
		per[ev.Device.MAC] = append(per[ev.Device.MAC], ev.Status)
	}
	for _, u := range d.Users {
		got := strings.Join(per[u.DeskPhones[0].MAC], ",")
		if got != "offline,online" {
			t.Errorf("%s: statuses %q, want offline,online", u.DeskPhones[0].MAC, got)
		}
	}
}
