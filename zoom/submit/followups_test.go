package submit

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Seeded emergency addresses of Main Site (assets/sandbox/standard.json).
const (
	addrMainDefault = "EAmain0HQlobby00000001"
	addrMainFloor8  = "EAmain0HQfloor0000008"
	addrBrooklyn    = "EAmain0Brooklyn000002"
	addrJersey      = "EAmain0Jersey00000003"
)

// withAddresses gives users 0–3 of d an address other than the site's
// default (by id, and one by its one-line text) and user 4 the default
// itself named explicitly, which needs no follow-up.
func withAddresses(t *testing.T, cat *state.Catalog, d *state.Draft) map[string]string {
	t.Helper()
	brooklyn, ok := cat.EmergencyAddressByID(addrBrooklyn)
	if !ok {
		t.Fatal("the catalog has no Brooklyn address")
	}
	d.Users[0].EmergencyAddress = addrMainFloor8
	d.Users[1].EmergencyAddress = strings.ToLower(brooklyn.OneLine()) // text, any case
	d.Users[2].EmergencyAddress = addrJersey
	d.Users[3].EmergencyAddress = addrMainFloor8
	d.Users[4].EmergencyAddress = addrMainDefault
	return map[string]string{d.Users[0].Email: addrMainFloor8, d.Users[1].Email: addrBrooklyn,
		d.Users[2].Email: addrJersey, d.Users[3].Email: addrMainFloor8}
}

func patches(e *env) int { return e.sb.CountRequests(http.MethodPatch, "/phone/users/") }

func checkOf(r state.UserResult, name string) (state.Check, bool) {
	for _, c := range r.Checks {
		if c.Name == name {
			return c, true
		}
	}
	return state.Check{}, false
}

// readAddress reads a user's emergency address id back from the sandbox
// with a fresh client (what Zoom now holds, whatever zpadd believes).
func (e *env) readAddress(email string) string {
	e.t.Helper()
	pu, err := e.newClient().GetPhoneUser(context.Background(), email)
	if err != nil {
		e.t.Fatalf("read %s back: %v", email, err)
	}
	if pu.EmergencyAddress == nil {
		return ""
	}
	return pu.EmergencyAddress.ID
}

// A 10-user batch with 4 addresses other than the site's default: one
// POST, 10 created, exactly 4 PATCHes, each read back and reported as a
// check of its user, the others on the site's default, no 429, and every
// follow-up journalled with its outcome.
func TestFollowUpsSetFourAddressesAfterTenUserBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 10)
	want := withAddresses(t, cat, d)
	before := e.c.Stats()
	rec := &recorder{}
	sub, err := e.svc.Submit(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if e.posts() != 1 || patches(e) != 4 {
		t.Errorf("POSTs = %d, PATCHes = %d; want 1 and 4", e.posts(), patches(e))
	}
	for _, r := range sub.Results {
		c, ok := checkOf(r, CheckEmergencyAddress)
		if !ok || !c.OK {
			t.Errorf("%s: emergency address check %+v (present %v), want ok", r.Email, c, ok)
			continue
		}
		if id, special := want[r.Email]; special {
			if !strings.Contains(c.Detail, "read back") {
				t.Errorf("%s: check %q does not say it was read back", r.Email, c.Detail)
			}
			if got := e.readAddress(r.Email); got != id {
				t.Errorf("%s: Zoom holds address %q, want %q", r.Email, got, id)
			}
		} else if !strings.HasPrefix(c.Detail, "site's default") {
			t.Errorf("%s: check %q, want the site's default", r.Email, c.Detail)
		}
	}
	after := e.c.Stats()
	if n := after.Requests["PATCH /phone/users/{userId}"] - before.Requests["PATCH /phone/users/{userId}"]; n != 4 {
		t.Errorf("client PATCHes = %d, want 4", n)
	}
	if after.Retries != before.Retries {
		t.Errorf("retries = %d, want none", after.Retries-before.Retries)
	}
	for _, r := range e.sb.Requests() {
		if r.Status == http.StatusTooManyRequests {
			t.Errorf("429 on %s %s", r.Method, r.Path)
		}
	}
	fus, err := e.j.FollowUps(d.ID)
	if err != nil || len(fus) != 4 {
		t.Fatalf("journalled follow-ups = %d (%v), want 4", len(fus), err)
	}
	for _, f := range fus {
		if f.Outcome == nil || f.Outcome.Status != state.FollowUpDone || f.UserID == "" || f.SubmissionID != sub.ID {
			t.Errorf("follow-up %+v outcome %+v, want done for submission %s", f.FollowUp, f.Outcome, sub.ID)
		}
	}
	live := 0
	for _, ev := range rec.kinds(UserVerified) {
		if ev.Check != nil && ev.Check.Name == CheckEmergencyAddress {
			live++
		}
	}
	if live != 10 {
		t.Errorf("live emergency-address events = %d, want 10", live)
	}
	t.Logf("requests for the 10-user batch with 4 addresses (after the catalog refresh): %d (%v)", after.Total-before.Total, diffRequests(before.Requests, after.Requests))
}

func diffRequests(before, after map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range after {
		if d := v - before[k]; d != 0 {
			out[k] = d
		}
	}
	return out
}

// The PATCH reaches Zoom and is applied, but its answer is lost: the
// follow-up is settled by reading the user back, and never sent again.
func TestFollowUpDroppedAfterCommitIsReconciledNotResent(t *testing.T) {
	t.Parallel()
	so, err := sandbox.ParseBehaviours("followup-dropped")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, so, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 2)
	d.Users[0].EmergencyAddress = addrBrooklyn
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if patches(e) != 1 {
		t.Errorf("PATCHes = %d, want 1 (dropped, then read back, not resent)", patches(e))
	}
	c, _ := checkOf(sub.Results[0], CheckEmergencyAddress)
	if !c.OK || !strings.Contains(c.Detail, "read back") {
		t.Errorf("check %+v, want ok and read back", c)
	}
	if got := e.readAddress(d.Users[0].Email); got != addrBrooklyn {
		t.Errorf("Zoom holds %q, want %q", got, addrBrooklyn)
	}
	fus, _ := e.j.FollowUps(d.ID)
	if len(fus) != 1 || fus[0].Outcome == nil || fus[0].Outcome.Status != state.FollowUpDone || !fus[0].Outcome.Reconciled {
		t.Fatalf("journal %+v, want one follow-up done by reconcile", fus)
	}
	// Submitting again sends nothing: neither the batch nor the follow-up.
	again, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.posts() != 1 || patches(e) != 1 {
		t.Errorf("after a second submit: POSTs %d, PATCHes %d; want 1 and 1", e.posts(), patches(e))
	}
	if c, _ := checkOf(again.Results[0], CheckEmergencyAddress); !c.OK {
		t.Errorf("second submit check %+v, want ok (set earlier)", c)
	}
}

// Zoom refuses the address: the user is still reported created, the check
// says what Zoom said and that the site's default applies.
func TestFollowUpRefusedNeverHidesTheCreatedUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{RefuseFollowUp: true}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 1)
	d.Users[0].EmergencyAddress = addrJersey
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	r := sub.Results[0]
	if r.Status != StatusCreated || r.ID == "" {
		t.Fatalf("result %+v, want created with an id", r)
	}
	c, _ := checkOf(r, CheckEmergencyAddress)
	if c.OK || !strings.Contains(c.Detail, "was created") || !strings.Contains(c.Detail, "emergency_address_id") {
		t.Errorf("check %+v, want a failure naming Zoom's field and saying the user was created", c)
	}
	if patches(e) != 1 {
		t.Errorf("PATCHes = %d, want 1 (a refusal is not retried)", patches(e))
	}
	if code := ExitCode([]*state.Submission{sub}, err); code != ExitOK {
		t.Errorf("exit code %d: the user was created, the follow-up is a check", code)
	}
}

// zpadd stops between the batch and its follow-ups (the batch is
// journalled with its outcome; no follow-up was sent). The next start
// submits the draft again: no second POST, only the follow-ups.
func TestCrashBetweenBatchAndFollowUpsFinishesOnlyFollowUps(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 3)
	d.Users[0].EmergencyAddress = addrBrooklyn
	d.Users[2].EmergencyAddress = addrMainFloor8
	// The crashed run: the batch and its verification, then nothing.
	if _, err := e.svc.send(context.Background(), d, newEmitter(nil)); err != nil {
		t.Fatal(err)
	}
	if e.posts() != 1 || patches(e) != 0 {
		t.Fatalf("crashed run: POSTs %d PATCHes %d, want 1 and 0", e.posts(), patches(e))
	}
	// The next start: a new client and service on the same home.
	next := New(e.newClient(), e.home, e.j, Options{Store: e.store})
	sub, err := next.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit after the crash: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if e.posts() != 1 || patches(e) != 2 {
		t.Errorf("POSTs %d PATCHes %d, want 1 (no second batch) and 2", e.posts(), patches(e))
	}
	if e.readAddress(d.Users[0].Email) != addrBrooklyn || e.readAddress(d.Users[2].Email) != addrMainFloor8 {
		t.Error("the follow-ups did not reach Zoom")
	}
}

// zpadd stops after journalling a follow-up whose PATCH reached Zoom: the
// next start reads the user back, finds the address, and sends nothing.
func TestCrashAfterFollowUpIntentReadsBackInsteadOfResending(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 1)
	d.Users[0].EmergencyAddress = addrJersey
	sub, err := e.svc.send(context.Background(), d, newEmitter(nil))
	if err != nil {
		t.Fatal(err)
	}
	// The crashed run journalled the intent and sent the PATCH; it never
	// saw the answer.
	if _, err := e.j.BeginFollowUp(state.FollowUp{SubmissionID: sub.ID, DraftID: d.ID, Email: d.Users[0].Email,
		UserID: sub.Results[0].ID, Kind: state.FollowUpEmergencyAddress, Value: addrJersey}); err != nil {
		t.Fatal(err)
	}
	if err := e.c.SetEmergencyAddress(context.Background(), sub.Results[0].ID, addrJersey); err != nil {
		t.Fatal(err)
	}
	sent := patches(e)
	next := New(e.newClient(), e.home, e.j, Options{Store: e.store})
	again, err := next.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if patches(e) != sent || e.posts() != 1 {
		t.Errorf("PATCHes %d→%d, POSTs %d: want no new request", sent, patches(e), e.posts())
	}
	c, _ := checkOf(again.Results[0], CheckEmergencyAddress)
	if !c.OK || !strings.Contains(c.Detail, "read back") {
		t.Errorf("check %+v, want ok, read back", c)
	}
}

// An address the account does not have blocks nothing here (check names
// it before a submit); if it reaches the follow-up anyway, the check says
// why and nothing is sent.
func TestFollowUpUnknownAddressSendsNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 1)
	sub, err := e.svc.send(context.Background(), d, newEmitter(nil))
	if err != nil {
		t.Fatal(err)
	}
	d.Users[0].EmergencyAddress = "1 Nowhere Street"
	e.svc.followUps(context.Background(), d, sub, newEmitter(nil))
	c, _ := checkOf(sub.Results[0], CheckEmergencyAddress)
	if c.OK || !strings.Contains(c.Detail, "1 Nowhere Street") || patches(e) != 0 {
		t.Errorf("check %+v, PATCHes %d; want a failure naming the address and no PATCH", c, patches(e))
	}
}

// After a crash between the batch and its follow-ups, the home screen's
// question "is anything left?" is answered from disk alone, and finishing
// sends only the follow-ups, after which nothing is left.
func TestPendingFollowUpsAreFoundWithoutRequestsAndFinished(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 3)
	clean := mainSiteDraft(t, cat, 1)
	clean.Users[0].Email = "noah.roy@example.com" // another draft, no address
	d.Users[1].EmergencyAddress = addrJersey
	d.Users[2].EmergencyAddress = addrMainDefault // the default: no follow-up
	if _, err := e.svc.send(context.Background(), d, newEmitter(nil)); err != nil {
		t.Fatal(err)
	}
	before := len(e.sb.Requests())
	pending := e.svc.PendingFollowUps([]*state.Draft{clean, d})
	if len(pending) != 1 || pending[0].ID != d.ID {
		t.Fatalf("pending = %v, want the crashed draft only", pending)
	}
	if n := len(e.sb.Requests()) - before; n != 0 {
		t.Errorf("finding pending follow-ups made %d requests", n)
	}
	sub, err := e.svc.FinishFollowUps(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.posts() != 1 || patches(e) != 1 {
		t.Errorf("POSTs %d PATCHes %d, want 1 and 1", e.posts(), patches(e))
	}
	if c, _ := checkOf(sub.Results[1], CheckEmergencyAddress); !c.OK {
		t.Errorf("check %+v", c)
	}
	if left := e.svc.PendingFollowUps([]*state.Draft{d}); len(left) != 0 {
		t.Errorf("still pending after finishing: %v", left)
	}
}

// Ten users, ten addresses other than the default: ten PATCHes, each read
// back, through the client's limiter. The sandbox does not enforce Zoom's
// quotas, so the test measures the busiest second of the phone LIGHT
// label (where the PATCH and the user reads sit) from the sandbox's log.
func TestFollowUpsTenAddressesStayWithinTheLimiter(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 10)
	for i := range d.Users {
		d.Users[i].EmergencyAddress = []string{addrMainFloor8, addrBrooklyn, addrJersey}[i%3]
	}
	start := len(e.sb.Requests())
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	if patches(e) != 10 {
		t.Errorf("PATCHes = %d, want 10", patches(e))
	}
	for _, r := range sub.Results {
		if c, _ := checkOf(r, CheckEmergencyAddress); !c.OK || !strings.Contains(c.Detail, "read back") {
			t.Errorf("%s: %+v", r.Email, c)
		}
	}
	reqs := e.sb.Requests()[start:]
	var light []int64
	for _, r := range reqs {
		if r.Status == http.StatusTooManyRequests {
			t.Errorf("429 on %s %s", r.Method, r.Path)
		}
		if (r.Method == http.MethodPatch || r.Method == http.MethodGet) && strings.HasPrefix(r.Path, "/v2/phone/users/") {
			light = append(light, r.Time.UnixNano())
		}
	}
	busiest := 0
	for i := range light {
		n := 0
		for _, t2 := range light[i:] {
			if t2-light[i] < int64(1e9) {
				n++
			}
		}
		busiest = max(busiest, n)
	}
	t.Logf("%d requests for the batch with 10 addresses; busiest second of phone-light user calls: %d (Pro quota 20/s)", len(reqs), busiest)
}

// A batch where no user names an emergency address sends no follow-up and
// reads no address list: every user keeps the site's default, and the
// read would be a request the batch does not need (Zoom's quotas are
// shared with the account's other apps).
func TestNoAddressNamedReadsNoAddressList(t *testing.T) {
	t.Parallel()
	d := mainSiteDraft(t, newEnv(t, sandbox.Options{}, Options{}).refresh(), 3)
	e := newEnv(t, sandbox.Options{}, Options{}) // cold: no catalog knows the addresses
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if n := e.sb.CountRequests(http.MethodGet, "/phone/emergency_addresses"); n != 0 {
		t.Errorf("%d reads of the address list for a batch that names no address, want 0", n)
	}
	if n := patches(e); n != 0 {
		t.Errorf("%d PATCHes, want 0", n)
	}
}
