package submit

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

func batchFault(f sandbox.Fault) sandbox.Options {
	f.Method, f.Path = "POST", "/phone/users/batch"
	return sandbox.Options{Fail: []sandbox.Fault{f}}
}

// A throttling 429 means Zoom did not act: wait (Retry-After when given,
// else backoff) and resend; every user is created once.
func TestSubmitRateLimitedWaitsAndResends(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		fault   sandbox.Fault
		minWait time.Duration
		maxWait time.Duration
	}{
		{"retry-after seconds", sandbox.Fault{Kind: sandbox.RateLimited, RetryAfter: sandbox.RetryAfterSeconds, RetryAfterDelay: time.Second}, 500 * time.Millisecond, 2 * time.Second},
		{"no retry-after", sandbox.Fault{Kind: sandbox.RateLimited, RetryAfter: sandbox.RetryAfterAbsent}, time.Millisecond, time.Second},
		{"retry-after ISO-8601", sandbox.Fault{Kind: sandbox.RateLimited, RetryAfter: sandbox.RetryAfterISO8601, RetryAfterDelay: time.Second}, time.Millisecond, 2 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, batchFault(tc.fault), Options{})
			d := mainSiteDraft(t, e.refresh(), 3)
			rec := &recorder{}
			sub, err := e.svc.Submit(context.Background(), d, rec.add)
			if err != nil {
				t.Fatalf("Submit: %v", err)
			}
			requireAll(t, sub, StatusCreated)
			if n := e.posts(); n != 2 {
				t.Errorf("POSTs = %d, want 2 (429, then the resend)", n)
			}
			rl := rec.kinds(RateLimited)
			if len(rl) != 1 || rl[0].Elapsed < tc.minWait || rl[0].Elapsed > tc.maxWait {
				t.Errorf("RateLimited events = %+v; want one wait in [%v, %v]", rl, tc.minWait, tc.maxWait)
			}
		})
	}
}

// 5xx (JSON or an HTML page): Zoom may or may not have acted, so the users
// are read back, never resent; here Zoom did not create them.
func TestSubmitServerErrorReconcilesWithoutResending(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		body sandbox.BodyForm
		code int
	}{{"json 500", sandbox.BodyJSON, 500}, {"html 502", sandbox.BodyHTML, 502}, {"empty 503", sandbox.BodyEmpty, 503}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, batchFault(sandbox.Fault{Kind: sandbox.ServerError, Status: tc.code, Body: tc.body}), Options{})
			d := mainSiteDraft(t, e.refresh(), 2)
			rec := &recorder{}
			sub, err := e.svc.Submit(context.Background(), d, rec.add)
			if err != nil {
				t.Fatalf("Submit: %v", err)
			}
			requireAll(t, sub, StatusFailed)
			for _, r := range sub.Results {
				if !strings.Contains(r.Error, "unclear") {
					t.Errorf("%s: error %q should say Zoom's answer was unclear", r.Email, r.Error)
				}
			}
			if n := e.posts(); n != 1 {
				t.Errorf("POSTs = %d, want 1", n)
			}
			if len(rec.kinds(Reconciling)) != 1 {
				t.Errorf("want one Reconciling event")
			}
			e.requireJournalled(sub)
		})
	}
}

// Zoom commits the batch, then the connection drops: the users are found
// by reading them back, reported created and verified, after one POST.
func TestSubmitCommitThenDropFindsUsersCreated(t *testing.T) {
	t.Parallel()
	e := newEnv(t, batchFault(sandbox.Fault{Kind: sandbox.CommitThenDrop}), Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	for _, r := range sub.Results {
		if r.ID == "" || len(r.Checks) == 0 {
			t.Errorf("%s: id %q, %d checks; want the read-back id and checks", r.Email, r.ID, len(r.Checks))
		}
	}
	if n := e.posts(); n != 1 {
		t.Errorf("POSTs = %d, want exactly 1", n)
	}
	e.requireJournalled(sub)
}

// Cancelled before the POST: nothing is sent and nothing journalled.
func TestSubmitCancelBeforePostSendsNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	ctx, cancel := context.WithCancel(context.Background())
	sub, err := e.svc.Submit(ctx, d, func(ev Event) {
		if ev.Kind == PreflightStarted {
			cancel()
		}
	})
	if sub != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Submit = %v, %v; want context.Canceled and no submission", sub, err)
	}
	if e.posts() != 0 {
		t.Errorf("POSTs = %d, want 0", e.posts())
	}
	if un, _ := e.j.Unfinished(); len(un) != 0 {
		t.Errorf("an intent was journalled: %v", un)
	}
}

// Cancelled during a slow POST: the POST completes detached from the
// cancel and its outcome is recorded.
func TestSubmitCancelDuringSlowPostRecordsOutcome(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PostDelay: 400 * time.Millisecond}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sub, err := e.svc.Submit(ctx, d, func(ev Event) {
		if ev.Kind == Sending {
			time.AfterFunc(100*time.Millisecond, cancel)
		}
	})
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if !strings.Contains(sub.Note, "verification skipped") {
		t.Errorf("note %q should say verification was skipped", sub.Note)
	}
	e.requireJournalled(sub)
}

// A POST that outlives its own timeout is abandoned (the sandbox, like a
// server seeing the client go, commits nothing) and the users read back.
func TestSubmitPostTimeoutReconciles(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PostDelay: 2 * time.Second}, Options{PostTimeout: 300 * time.Millisecond})
	d := mainSiteDraft(t, e.refresh(), 2)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusFailed)
	if e.posts() != 1 {
		t.Errorf("POSTs = %d, want 1", e.posts())
	}
	e.requireJournalled(sub)
}

// A token that expires mid-run (Zoom's clock moves past its lifetime
// between the catalog refresh and the submit) is renewed; the batch still
// goes once.
func TestSubmitSurvivesTokenExpiry(t *testing.T) {
	t.Parallel()
	clk := newClock()
	e := newEnv(t, sandbox.Options{Now: clk.Now}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	clk.Advance(2 * time.Hour)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	created := 0
	for _, r := range e.sb.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/phone/users/batch") && r.Status == 201 {
			created++
		}
	}
	if created != 1 {
		t.Errorf("accepted POSTs = %d, want 1", created)
	}
	if e.c.Stats().TokenFetches < 2 {
		t.Errorf("token fetches = %d, want a renewal", e.c.Stats().TokenFetches)
	}
}

// A crash between the journalled intent and Zoom's answer: a new zpadd
// reconciles the unfinished intent by reading users back, with no POST.
func TestReconcileAfterCrashFindsUsersWithoutPosting(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	body, err := Body(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.j.Begin(d.ID, d.Name, body); err != nil {
		t.Fatal(err)
	}
	// The crashed process's POST reached Zoom; its answer was never seen.
	if _, err := e.c.BatchAddUsers(context.Background(), zoom.BatchUsers(d.Users)); err != nil {
		t.Fatal(err)
	}
	j2, err := state.OpenJournal(e.home)
	if err != nil {
		t.Fatal(err)
	}
	svc2 := New(e.newClient(), e.home, j2, Options{})
	un, err := j2.Unfinished()
	if err != nil || len(un) != 1 {
		t.Fatalf("Unfinished = %v, %v; want the one intent", un, err)
	}
	sub, err := svc2.Reconcile(context.Background(), un[0], nil)
	if err != nil {
		t.Fatalf("Reconcile: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	for _, r := range sub.Results {
		for _, c := range r.Checks {
			if !c.OK {
				t.Errorf("%s: check %s: %s", r.Email, c.Name, c.Detail)
			}
		}
	}
	if e.posts() != 1 {
		t.Errorf("POSTs = %d, want 1 (the crashed one only)", e.posts())
	}
	if un, _ := j2.Unfinished(); len(un) != 0 {
		t.Errorf("still unfinished: %v", un)
	}
	// Submitting the same draft again sends nothing: the reconciled
	// submission created every user, and they keep that result.
	if again, err := svc2.Submit(context.Background(), d, nil); err != nil {
		t.Errorf("resubmit: %v", err)
	} else {
		requireAll(t, again, StatusCreated)
	}
	if e.posts() != 1 {
		t.Errorf("POSTs after resubmit = %d, want 1", e.posts())
	}
}

// A crash after journalling but before the POST left: Submit of the same
// draft settles the intent first (users not found → not added), then sends.
func TestSubmitSettlesUnfinishedIntentFirst(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	body, _ := Body(d)
	in, err := e.j.Begin(d.ID, d.Name, body)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	hist, _ := e.j.History()
	var settled *state.Submission
	for i := range hist {
		if hist[i].ID == in.ID {
			settled = &hist[i]
		}
	}
	if settled == nil {
		t.Fatalf("the crashed intent %s was not settled", in.ID)
	}
	for _, r := range settled.Results {
		if r.Status != StatusFailed {
			t.Errorf("settled %s: %s, want failed (never reached Zoom)", r.Email, r.Status)
		}
	}
	if e.posts() != 1 {
		t.Errorf("POSTs = %d, want 1", e.posts())
	}
}
