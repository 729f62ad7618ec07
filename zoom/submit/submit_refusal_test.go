package submit

import (
	"context"
	"errors"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// preflightThenSteal runs a clean pre-flight of d, then lets "another admin"
// take the extensions of the users at idx (after the check, before the
// POST), so Zoom refuses what pre-flight could not see.
func preflightThenSteal(t *testing.T, e *env, d *state.Draft, idx ...int) {
	t.Helper()
	ps, err := e.svc.Preflight(context.Background(), d, nil)
	if err != nil || ps.Blocking() {
		t.Fatalf("Preflight = %v, %v; want clean", ps, err)
	}
	other := e.newClient()
	var thieves []state.User
	for k, i := range idx {
		thieves = append(thieves, state.User{Email: freeEmails[len(freeEmails)-1-k], ExtensionNumber: d.Users[i].ExtensionNumber,
			SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"}})
	}
	if _, err := other.BatchAddUsers(context.Background(), zoom.BatchUsers(thieves)); err != nil {
		t.Fatalf("competing batch: %v", err)
	}
}

// Per-user outcome: the good users are created; a user Zoom leaves out of
// its 201 answer is read back and reported failed, not guessed created.
func TestSubmitPerUserOutcomeReadsBackMissingUsers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PerUser}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	preflightThenSteal(t, e, d, 1)
	postsBefore := e.posts()
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	got := statuses(sub)
	if got[d.Users[0].Email] != StatusCreated || got[d.Users[2].Email] != StatusCreated || got[d.Users[1].Email] != StatusFailed {
		t.Fatalf("statuses = %v; want users 1 and 3 created, user 2 failed", got)
	}
	if e.posts()-postsBefore != 1 {
		t.Errorf("POSTs = %d, want 1", e.posts()-postsBefore)
	}
	if ExitCode([]*state.Submission{sub}, err) != ExitRefused {
		t.Errorf("ExitCode = %d, want %d", ExitCode([]*state.Submission{sub}, err), ExitRefused)
	}
	fd := FailedDraft(d, sub)
	if fd == nil || len(fd.Users) != 1 || fd.Users[0].Email != d.Users[1].Email || fd.ID == d.ID {
		t.Errorf("FailedDraft = %+v; want a new draft with only user 2", fd)
	}
	e.requireJournalled(sub)
}

// When Zoom refuses every user it says why per user ("users[i].field"):
// each message lands on its user and field.
func TestSubmitRefusalMapsMessagesToUserAndField(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PerUser}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	preflightThenSteal(t, e, d, 0, 1)
	rec := &recorder{}
	sub, err := e.svc.Submit(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	for _, r := range sub.Results {
		if r.Status != StatusFailed || r.Field != "extension_number" || r.Error == "" {
			t.Errorf("%s: %+v; want failed on extension_number with Zoom's message", r.Email, r)
		}
	}
	refused := rec.kinds(UserRefused)
	if len(refused) != 2 || refused[0].Field != "extension_number" {
		t.Errorf("UserRefused events = %+v", refused)
	}
}

// A refused user's field is said once: Field holds it and Error is Zoom's
// message alone, since the screens and --json print Field before Error.
func TestSubmitRefusalDoesNotRepeatTheFieldInTheMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PartialRefusal}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	preflightThenSteal(t, e, d, 1)
	rec := &recorder{}
	sub, err := e.svc.Submit(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	r := sub.Results[1]
	if r.Status != StatusFailed || r.Field != "extension_number" || r.Error == "" || strings.Contains(r.Error, "extension_number") {
		t.Errorf("refused user: field %q, error %q; want extension_number and Zoom's message without it", r.Field, r.Error)
	}
	for _, ev := range rec.kinds(UserRefused) {
		if strings.Contains(ev.Message, ev.Field+":") {
			t.Errorf("UserRefused %q repeats its field %q", ev.Message, ev.Field)
		}
	}
}

// All-or-nothing: one bad user sinks the batch; the bad one carries Zoom's
// message on its field, the others say they were refused for the others.
func TestSubmitAllOrNothingRefusal(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.AllOrNothing}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	preflightThenSteal(t, e, d, 1)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusFailed)
	if f := sub.Results[1]; f.Field != "extension_number" {
		t.Errorf("bad user: field %q (%s), want extension_number", f.Field, f.Error)
	}
	for _, i := range []int{0, 2} {
		if r := sub.Results[i]; !strings.Contains(r.Error, "other users") || r.Field != "" {
			t.Errorf("good user %d: %+v; want refused because of the others, no field", i, r)
		}
	}
	if fd := FailedDraft(d, sub); fd == nil || len(fd.Users) != 3 {
		t.Errorf("FailedDraft should hold all 3 users")
	}
	if st := e.store.Status(d.ID); st != DraftStatusDraft {
		t.Errorf("draft status %q, want draft (nothing created)", st)
	}
}

// A 400 that names only the bad user while Zoom created the others (one
// plausible reading of its undocumented per-user behaviour): the users the
// errors do not name are read back and recorded as created, so they are
// never reported failed and resent.
func TestSubmitPartialRefusalReadsBackTheUnnamedUsers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PartialRefusal}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	preflightThenSteal(t, e, d, 1) // takes user 2's extension with a POST of its own
	before := e.posts()
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	for _, i := range []int{0, 2} {
		if r := sub.Results[i]; r.Status != StatusCreated || r.ID == "" {
			t.Errorf("user %d was created by Zoom but recorded %+v", i, r)
		}
	}
	if f := sub.Results[1]; f.Status != StatusFailed || f.Field != "extension_number" {
		t.Errorf("bad user: %+v; want failed at extension_number", f)
	}
	if fd := FailedDraft(d, sub); fd == nil || len(fd.Users) != 1 || fd.Users[0].Email != d.Users[1].Email {
		t.Errorf("FailedDraft should hold only the refused user: %+v", fd)
	}
	if n := e.posts() - before; n != 1 {
		t.Errorf("submit POSTs = %d, want 1", n)
	}
}

// "User size must be less than 10": the batch is split 9 + 1 and each user
// is created exactly once.
func TestSubmitSplitsWhenZoomRefusesTen(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{RefuseTen: true}, Options{})
	d := mainSiteDraft(t, e.refresh(), 10)
	rec := &recorder{}
	sub, err := e.svc.Submit(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if n := e.posts(); n != 3 {
		t.Errorf("POSTs = %d, want 3 (refused 10, then 9, then 1)", n)
	}
	if len(rec.kinds(Split)) != 1 {
		t.Errorf("Split events = %d, want 1", len(rec.kinds(Split)))
	}
	if got := len(rec.kinds(UserCreated)); got != 10 {
		t.Errorf("UserCreated events = %d, want 10 (nobody twice)", got)
	}
	if !strings.Contains(sub.Note, "9 + 1") {
		t.Errorf("note %q should say how it was split", sub.Note)
	}
}

// A 429 whose body is a validation error is a refusal: never resent.
func TestSubmitValidation429IsARefusal(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Fail: []sandbox.Fault{{Kind: sandbox.ValidationAs429, Method: "POST", Path: "/phone/users/batch"}}}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusFailed)
	if n := e.posts(); n != 1 {
		t.Errorf("POSTs = %d, want 1 (a refusal is not resent)", n)
	}
}

// Pre-flight errors block: nothing is journalled or sent.
func TestSubmitBlockedByPreflightSendsNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	d.Users[1].Email = "paul.inactive@example.com"
	sub, err := e.svc.Submit(context.Background(), d, nil)
	var be *BlockedError
	if sub != nil || !errors.Is(err, ErrBlocked) || !errors.As(err, &be) {
		t.Fatalf("Submit = %v, %v; want ErrBlocked", sub, err)
	}
	if len(be.Problems.ForUser(1)) == 0 || be.Problems.ForUser(1)[0].Field != "email" {
		t.Errorf("problems %v should name user 2's email", be.Problems)
	}
	if e.posts() != 0 {
		t.Errorf("POSTs = %d, want 0", e.posts())
	}
	if h, _ := e.j.History(); len(h) != 0 {
		t.Errorf("history has %d entries, want none", len(h))
	}
	if ExitCode(nil, err) != ExitInvalid {
		t.Errorf("ExitCode = %d, want %d", ExitCode(nil, err), ExitInvalid)
	}
}
