package submit

import (
	"context"
	"errors"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// A clean 10-user draft: one POST, every user created and verified, the
// submission journalled, and no read repeated needlessly.
func TestSubmitTenUsersOnePostNoNeedlessReads(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 10)
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	before := e.c.Stats()
	rec := &recorder{}
	sub, err := e.svc.Submit(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	for _, r := range sub.Results {
		if r.ID == "" {
			t.Errorf("%s created without an id", r.Email)
		}
		names := map[string]bool{}
		for _, c := range r.Checks {
			names[c.Name] = true
			if !c.OK {
				t.Errorf("%s: check %s failed: %s", r.Email, c.Name, c.Detail)
			}
		}
		for _, want := range []string{CheckPhoneUser, CheckExtension, CheckNumbers, CheckDeskPhone} {
			if !names[want] {
				t.Errorf("%s: no %q check", r.Email, want)
			}
		}
	}
	if n := e.posts(); n != 1 {
		t.Errorf("POSTs = %d, want exactly 1", n)
	}
	after := e.c.Stats()
	diff := map[string]int{}
	for k, v := range after.Requests {
		if d := v - before.Requests[k]; d != 0 {
			diff[k] = d
		}
	}
	// Pre-flight: one read per user of the account user and the phone user;
	// one of each list the users need (one site). Verify: the phone users
	// again (they changed) and one list of assigned phones. On this small
	// account the site's phone users (one page) and the desk phones (a page
	// each of assigned and unassigned) cost fewer requests as whole lists;
	// the numbers are read one by one (10 LIGHT reads of the number list in
	// use), not taken from the cached catalog.
	want := map[string]int{
		"GET /number_management/numbers": 10,
		"GET /users/{userId}":            10,
		"GET /phone/users/{userId}":      20,
		"GET /phone/users":               1,
		"GET /phone/setting_templates":   1,
		"GET /phone/calling_plans":       1,
		"GET /phone/devices":             3,
		"POST /phone/users/batch":        1,
	}
	for k, v := range want {
		if diff[k] != v {
			t.Errorf("%s: %d requests, want %d", k, diff[k], v)
		}
	}
	for k, v := range diff {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected reads: %s × %d", k, v)
		}
	}
	if after.Retries != before.Retries {
		t.Errorf("retries = %d, want none", after.Retries-before.Retries)
	}
	e.requireJournalled(sub)
	if got := len(rec.kinds(UserCreated)); got != 10 {
		t.Errorf("UserCreated events = %d, want 10", got)
	}
	if got := len(rec.kinds(Done)); got != 1 {
		t.Errorf("Done events = %d, want 1", got)
	}
	if st := e.store.Status(d.ID); st != DraftStatusSubmitted {
		t.Errorf("draft status %q, want %q", st, DraftStatusSubmitted)
	}
	if code := ExitCode([]*state.Submission{sub}, nil); code != 0 {
		t.Errorf("ExitCode = %d, want 0", code)
	}
}

// Submit right after a clean pre-flight of the same body (the review
// screen) reuses it instead of reading every user again.
func TestSubmitReusesARecentCleanPreflight(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	if ps, err := e.svc.Preflight(context.Background(), d, nil); err != nil || ps.Blocking() {
		t.Fatalf("Preflight: %v %v", ps, err)
	}
	before := e.c.Stats().Requests["GET /users/{userId}"]
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	if n := e.c.Stats().Requests["GET /users/{userId}"] - before; n != 0 {
		t.Errorf("Submit re-read %d account users after a fresh pre-flight", n)
	}
	// A changed draft is checked again.
	d2 := mainSiteDraft(t, e.refresh(), 5)
	d2.Users = d2.Users[3:]
	if _, err := e.svc.Submit(context.Background(), d2, nil); err != nil {
		t.Fatal(err)
	}
	if n := e.c.Stats().Requests["GET /users/{userId}"] - before; n != 2 {
		t.Errorf("a different body read %d account users, want 2", n)
	}
}

// A POST changes the account, so a pre-flight from before it is never
// reused: a second draft with the very same users (the same request body),
// submitted right after the first, is checked again and blocked, not sent.
func TestSubmitDoesNotReuseAPreflightFromBeforeAPost(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	if ps, err := e.svc.Preflight(context.Background(), d, nil); err != nil || ps.Blocking() {
		t.Fatalf("Preflight: %v %v", ps, err)
	}
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)

	twin := state.NewDraft("the same users again", d.Defaults)
	twin.Users = d.Users
	before := e.posts()
	_, err = e.svc.Submit(context.Background(), twin, nil)
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("Submit of the same users again: %v, want blocked by a fresh pre-flight", err)
	}
	if n := e.posts() - before; n != 0 {
		t.Errorf("the same users were POSTed again (%d POSTs)", n)
	}
}
