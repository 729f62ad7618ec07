package submit

import (
	"context"
	"os"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// acceptedPosts counts the batch POSTs Zoom acted on (answered 201).
func acceptedPosts(sb *sandbox.Sandbox) int {
	n := 0
	for _, r := range sb.Requests() {
		if r.Method == "POST" && r.Path == "/v2/phone/users/batch" && r.Status == 201 {
			n++
		}
	}
	return n
}

// Another program on the same app takes a new token every few requests
// (zoom-api.md §11.1). A 10-user submit still creates every user with
// exactly one POST Zoom acted on, and fetches at most one token per theft
// (plus the first): every extra fetch would kill someone else's token.
func TestSubmitSurvivesTokenThief(t *testing.T) {
	for _, every := range []int{0, 7, 4} {
		e := newEnv(t, sandbox.Options{}, Options{})
		d := mainSiteDraft(t, e.refresh(), 10)
		if err := e.store.Save(d); err != nil {
			t.Fatal(err)
		}
		e.sb.SetOptions(sandbox.Options{TokenThief: every})
		c := e.newClient() // a fresh process: it holds no token yet
		svc := New(c, e.home, e.j, Options{Store: e.store, RetryWait: e.svc.o.RetryWait})
		_, stolenBefore := e.sb.TokenCounts()
		before, _ := os.ReadFile(e.j.Path())
		intents := strings.Count(string(before), `"type":"intent"`)
		sub, err := svc.Submit(context.Background(), d, nil)
		if err != nil {
			t.Fatalf("thief every %d: Submit: %v", every, err)
		}
		requireAll(t, sub, StatusCreated)
		if n := acceptedPosts(e.sb); n != 1 {
			t.Errorf("thief every %d: POSTs acted on = %d, want 1", every, n)
		}
		// Every resend after a refused token is the same journalled intent.
		if raw, err := os.ReadFile(e.j.Path()); err != nil || strings.Count(string(raw), `"type":"intent"`) != intents+1 {
			t.Errorf("thief every %d: journal intents = %d (err %v), want one more than %d", every, strings.Count(string(raw), `"type":"intent"`), err, intents)
		}
		_, stolen := e.sb.TokenCounts()
		stolen -= stolenBefore
		fetches := c.Stats().TokenFetches
		t.Logf("thief every %d requests: %d token fetches for a 10-user submit (%d thefts, %d requests, %d POSTs sent, 1 acted on)", every, fetches, stolen, c.Stats().Total, e.posts())
		if fetches > 1+stolen {
			t.Errorf("thief every %d: %d token fetches, want at most %d (one, plus one per theft)", every, fetches, 1+stolen)
		}
	}
}

// Two zpadd processes on one app (Zoom keeps one token per app, so each
// fetch kills the other's token) submit different drafts at once: both
// finish with every user created and one POST acted on each.
func TestTwoProcessesOnOneAppBothFinish(t *testing.T) {
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	all := mainSiteDraft(t, cat, 10)
	e.sb.SetOptions(sandbox.Options{OneTokenPerApp: true})
	halves := [2]*state.Draft{state.NewDraft("first", state.Defaults{}), state.NewDraft("second", state.Defaults{})}
	halves[0].Users, halves[1].Users = all.Users[:5], all.Users[5:]
	errs := make(chan error, 2)
	subs := make(chan *state.Submission, 2)
	for _, d := range halves {
		home := state.HomeUnder(t.TempDir()) // another machine, another home
		j, err := state.OpenJournal(home)
		if err != nil {
			t.Fatal(err)
		}
		svc := New(e.newClient(), home, j, Options{RetryWait: e.svc.o.RetryWait})
		go func() {
			sub, err := svc.Submit(context.Background(), d, nil)
			subs <- sub
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("Submit: %v", err)
		}
		if sub := <-subs; sub != nil {
			requireAll(t, sub, StatusCreated)
		}
	}
	if n := acceptedPosts(e.sb); n != 2 {
		t.Errorf("POSTs acted on = %d, want 2 (one per draft)", n)
	}
}
