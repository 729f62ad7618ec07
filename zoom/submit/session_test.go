package submit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// otherProcess is a second zpadd on the same home: its own store (its own
// lock file descriptors, so flock sees another owner) and journal, as a
// second process has.
func (e *env) otherProcess() *Service {
	e.t.Helper()
	st, err := state.OpenStore(e.home)
	if err != nil {
		e.t.Fatal(err)
	}
	j, err := state.OpenJournal(e.home)
	if err != nil {
		e.t.Fatal(err)
	}
	return New(e.newClient(), e.home, j, Options{Store: st, RetryWait: 10 * time.Millisecond})
}

func (e *env) saved(d *state.Draft) *state.Draft {
	e.t.Helper()
	if err := e.store.Save(d); err != nil {
		e.t.Fatal(err)
	}
	return d
}

// A draft another zpadd holds opens read-only here, and its Submit sends
// nothing: it names the holder's pid. This is the "second submit of one
// draft" and the "headless submit of a draft open in the wizard" case.
func TestSessionOfAHeldDraftSendsNothingAndNamesTheHolder(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := e.saved(mainSiteDraft(t, e.refresh(), 2))
	owner, err := e.svc.Open(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()

	other := e.otherProcess()
	ss, err := other.Open(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	if ss.ReadOnly() == nil {
		t.Fatal("a draft held by another process opened writable")
	}
	_, err = ss.Submit(context.Background(), nil)
	var held *HeldError
	if !errors.As(err, &held) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Fatalf("Submit of a held draft: %v, want a HeldError naming pid %d", err, os.Getpid())
	}
	if code := ExitCode(nil, err); code != ExitInvalid {
		t.Errorf("exit code %d, want %d (nothing sent)", code, ExitInvalid)
	}
	if e.posts() != 0 {
		t.Errorf("POSTs = %d, want 0", e.posts())
	}
	if err := ss.Save(ss.Draft()); !errors.Is(err, state.ErrReadOnly) {
		t.Errorf("Save of a held draft: %v, want ErrReadOnly", err)
	}
}

// An intent whose draft a live process holds is in flight there: it is not
// orphaned (never reconciled from here). Once the owner is gone (the lock
// released, as the OS does for a killed process), it is.
func TestPendingIntentIsOwnedWhileItsDraftIsHeld(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := e.saved(mainSiteDraft(t, e.refresh(), 1))
	body, _ := Body(d)
	other := e.otherProcess()
	owner, err := other.Open(d.ID) // the sending zpadd
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.j.Begin(d.ID, d.Name, body); err != nil {
		t.Fatal(err)
	}
	ps, err := e.svc.PendingIntents()
	if err != nil || len(ps) != 1 {
		t.Fatalf("PendingIntents = %v, %v", ps, err)
	}
	if ps[0].Orphaned() || ps[0].Elsewhere == nil || !strings.Contains(ps[0].Owner(), "in flight in another zpadd (pid") {
		t.Fatalf("intent of a held draft: %+v (%s), want in flight elsewhere", ps[0], ps[0].Owner())
	}
	if ps[0].PID != os.Getpid() {
		t.Errorf("intent PID = %d, want %d", ps[0].PID, os.Getpid())
	}
	_ = owner.Close() // the owner is gone
	ps, _ = e.svc.PendingIntents()
	if len(ps) != 1 || !ps[0].Orphaned() {
		t.Fatalf("intent after its owner went: %+v, want orphaned", ps)
	}
}

// A submit on the wire keeps the draft's lock after Close until Zoom's
// answer is journalled: no other zpadd can take it for a crash meanwhile.
func TestClosedSessionKeepsTheLockUntilItsSubmitEnds(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PostDelay: 400 * time.Millisecond}, Options{})
	d := e.saved(mainSiteDraft(t, e.refresh(), 1))
	ss, err := e.svc.Open(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := ss.Submit(context.Background(), nil); done <- err }()
	waitFor(t, "the POST", func() bool { return e.sb.CountRequests("POST", "/phone/users/batch") > 0 })
	_ = ss.Close()
	other := e.otherProcess()
	if _, held, _ := other.o.Store.Holder(d.ID); held == nil {
		t.Fatal("the lock was released while the submit was on the wire")
	}
	if busy := e.svc.Busy(); len(busy) == 0 || !strings.Contains(busy[0], "submit of") {
		t.Errorf("Busy = %q, want the submit", busy)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, held, _ := other.o.Store.Holder(d.ID); held != nil {
		t.Error("the lock stayed held after the submit ended")
	}
}

// Settle waits for a reconcile and stops a watch: both are work in flight.
func TestSettleWaitsForReconcileAndStopsWatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Latency: 150 * time.Millisecond, DeviceOnlineAfter: -1}, Options{WatchInterval: 20 * time.Millisecond})
	d := e.saved(mainSiteDraft(t, e.refresh(), 1))
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	watchDone := make(chan error, 1)
	go func() { watchDone <- e.svc.Watch(context.Background(), sub, d, nil) }()
	body, _ := Body(d)
	in, _ := e.j.Begin(d.ID, d.Name, body)
	go func() { _, _ = e.svc.Reconcile(context.Background(), in, nil) }()
	waitFor(t, "both to be in flight", func() bool { return len(e.svc.Busy()) == 2 })
	if !e.svc.Settle(10 * time.Second) {
		t.Fatal("Settle timed out")
	}
	// Settle returned: the reconcile (never cancelled) has recorded its
	// outcome, and the watch was stopped.
	if un, _ := e.j.Unfinished(); len(un) != 0 {
		t.Errorf("Settle returned before the reconcile recorded its outcome: %v", un)
	}
	if err := <-watchDone; !errors.Is(err, context.Canceled) {
		t.Errorf("watch ended with %v, want cancelled by Settle", err)
	}
}

// After a submit, the numbers, extensions and MACs Zoom now holds are gone
// from this run's catalog and the cached one, so the picker and the next
// pre-flight's free list no longer offer them.
func TestSubmitPrunesWhatZoomNowHoldsFromTheCatalogs(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 2)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	cached, err := state.LoadCatalog(e.home)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*state.Catalog{"this run's": e.svc.CachedCatalog(), "cached": cached} {
		for _, u := range d.Users {
			for _, n := range c.Numbers {
				if n.Number == u.PhoneNumbers[0] {
					t.Errorf("%s catalog still offers %s's number %s", name, u.Email, n.Number)
				}
			}
			taken := false
			for _, p := range c.PhoneUsers {
				taken = taken || p.ExtensionNumber == u.ExtensionNumber && p.SiteID != ""
			}
			if !taken {
				t.Errorf("%s catalog does not know extension %s is taken at its site", name, u.ExtensionNumber)
			}
			found := false
			for _, dv := range c.Devices {
				found = found || dv.MAC == u.DeskPhones[0].MAC
			}
			if !found {
				t.Errorf("%s catalog does not know MAC %s is registered", name, u.DeskPhones[0].MAC)
			}
		}
	}
	// The next pre-flight of a draft reusing a number of this run blocks
	// on it, naming the number, without a POST.
	again := mainSiteDraft(t, cat, 3)
	again.Users = again.Users[2:]
	again.Users[0].PhoneNumbers = d.Users[0].PhoneNumbers
	ps, err := e.svc.Preflight(context.Background(), again, nil)
	if err != nil {
		t.Fatal(err)
	}
	blocked := false
	for _, p := range ps.Errors() {
		blocked = blocked || strings.Contains(p.Message, d.Users[0].PhoneNumbers[0]) || p.Field == "phone_numbers"
	}
	if !blocked {
		t.Errorf("pre-flight passed a number submitted in this run: %v", ps)
	}
	if e.posts() != 1 {
		t.Errorf("POSTs = %d, want 1", e.posts())
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// check and review (pre-flight) flag typed names that differ from the
// Zoom user's, on the first-name field; names a lookup filled are not.
func TestPreflightFlagsTypedNamesThatDifferFromZoom(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	d.Users[0].FirstName, d.Users[0].LastName = "Aisha", "Bello" // typed, for grace.wilson
	d.Users[1].FirstName, d.Users[1].LastName, d.Users[1].NamesFrom = "Henry", "Moore", d.Users[1].Email
	ps, err := e.svc.Preflight(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []state.Problem
	for _, p := range ps {
		if p.Field == "first_name" {
			got = append(got, p)
		}
	}
	if len(got) != 1 || got[0].User != 0 || got[0].Severity != state.Warning || !strings.Contains(got[0].Message, `"Grace Wilson"`) {
		t.Errorf("name problems %v, want one warning for user 1 naming Zoom's \"Grace Wilson\"", got)
	}
}

// A catalog refresh that read Zoom before a submit and lands after it does
// not bring the submitted numbers back: the wizard refreshes at start while
// the operator may already be submitting.
func TestRefreshLandingAfterASubmitKeepsItsNumbersTaken(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Latency: 40 * time.Millisecond}, Options{})
	d := mainSiteDraft(t, e.refresh(), 1)
	refreshed := make(chan *state.Catalog, 1)
	go func() {
		c, _ := e.svc.RefreshCatalog(context.Background())
		refreshed <- c
	}()
	time.Sleep(100 * time.Millisecond) // the refresh has read the numbers' first pages
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	select {
	case <-refreshed:
		t.Skip("the refresh finished before the submit: nothing to test on this machine")
	default:
	}
	c := <-refreshed
	for name, cat := range map[string]*state.Catalog{"returned": c, "kept": e.svc.CachedCatalog()} {
		for _, n := range cat.Numbers {
			if n.Number == d.Users[0].PhoneNumbers[0] {
				t.Errorf("the %s catalog of a refresh landing after the submit offers %s again", name, n.Number)
			}
		}
	}
}

// Unsaved tells an edited draft from the version last saved or loaded, and
// an unchanged snapshot is not mistaken for an edit (no needless save).
func TestSessionUnsavedComparesWithTheLastSave(t *testing.T) {
	e := newEnv(t, sandbox.Options{}, Options{})
	d := state.NewDraft("Unsaved", state.Defaults{SiteName: "Main Site"})
	d.Users = []state.User{{Email: "grace.wilson@example.com", SiteName: "Main Site"}}
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	ss, err := e.svc.Open(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	snap := ss.Draft()
	if ss.Unsaved(snap) {
		t.Fatal("an untouched snapshot reads as unsaved")
	}
	snap.Users[0].ExtensionNumber = "1101"
	if !ss.Unsaved(snap) {
		t.Fatal("an edited snapshot reads as saved")
	}
	if err := ss.Save(snap); err != nil {
		t.Fatal(err)
	}
	if ss.Unsaved(snap) {
		t.Fatal("a just-saved draft reads as unsaved")
	}
}

// Quitting during a catalog refresh stops it and waits until it has cached
// what it read: nothing of it writes after Settle returns (a test's or a
// profile's home may be gone by then), and the lists it did not finish are
// marked stale for the next start.
func TestSettleStopsACatalogRefreshAndWaitsForItsCache(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Latency: 200 * time.Millisecond}, Options{})
	type result struct {
		c   *state.Catalog
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := e.svc.RefreshCatalog(context.Background())
		done <- result{c, err}
	}()
	waitFor(t, "the refresh to be in flight", func() bool {
		busy := e.svc.Busy()
		return len(busy) == 1 && strings.HasPrefix(busy[0], "catalog refresh (")
	})
	if !e.svc.Settle(10 * time.Second) {
		t.Fatalf("Settle timed out with %v", e.svc.Busy())
	}
	// Settle returns once the refresh's work is over; the refresh then only
	// returns to its caller, so its result follows at once, and its cache
	// is on disk as it will stay.
	settled, _ := state.CatalogFileInfo(e.home)
	select {
	case r := <-done:
		if r.err == nil {
			t.Fatal("a refresh stopped half-way reported no error")
		}
		if r.c != nil && len(r.c.Stale) == 0 {
			t.Fatalf("a refresh stopped half-way names no stale list: %+v", r.c)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the catalog refresh still ran 2 s after Settle returned")
	}
	after, _ := state.CatalogFileInfo(e.home)
	if (settled == nil) != (after == nil) || (after != nil && !os.SameFile(settled, after)) || (after != nil && !after.ModTime().Equal(settled.ModTime())) {
		t.Fatalf("the catalog cache was written after Settle returned: %v then %v", settled, after)
	}
	if busy := e.svc.Busy(); len(busy) != 0 {
		t.Fatalf("still busy after Settle: %v", busy)
	}
}
