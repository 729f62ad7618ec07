package submit

import (
	"context"
	"errors"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// A number being ported (pending, zoom-api.md §11.3) is in the catalog as
// pending, and pre-flight refuses it with a clear message: it is never sent.
func TestPendingNumberIsRefusedByPreflightAndNeverSent(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PendingNumbers: true}, Options{})
	cat := e.refresh()
	var pending string
	for _, n := range cat.Numbers {
		if n.Pending && !n.Assigned {
			pending = n.Number
			break
		}
	}
	if pending == "" {
		t.Fatal("the catalog marks no number pending")
	}
	d := mainSiteDraft(t, cat, 2)
	d.Users[1].PhoneNumbers = []string{pending}
	d.Users[1].OutboundCallerID = ""
	_, err := e.svc.Submit(context.Background(), d, nil)
	var be *BlockedError
	if !errors.As(err, &be) {
		t.Fatalf("Submit = %v; want blocked by pre-flight", err)
	}
	found := false
	for _, p := range be.Problems.ForUser(1) {
		found = found || (p.Severity == state.Error && strings.HasPrefix(p.Field, "phone_numbers") && strings.Contains(p.Message, "pending"))
	}
	if !found {
		t.Errorf("problems of user 2 = %v; want an error on phone_numbers saying the number is pending", be.Problems.ForUser(1))
	}
	if n := e.posts(); n != 0 {
		t.Errorf("%d POSTs; want none", n)
	}
}

// Headless runs learn once, in pre-flight's summary, which number list is
// in use: here the deprecated one, since the new one lacks its scope.
func TestPreflightSaysOnceWhichNumberListIsUsed(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{NewNumbersRefused: true}, Options{})
	d := mainSiteDraft(t, e.refresh(), 1)
	fresh := New(e.newClient(), state.HomeUnder(t.TempDir()), e.j, Options{})
	var rec recorder
	if _, err := fresh.Preflight(context.Background(), d, rec.add); err != nil {
		t.Fatal(err)
	}
	done := rec.kinds(PreflightDone)
	if len(done) != 1 || !strings.Contains(done[0].Message, "GET /phone/numbers (deprecated by Zoom)") {
		t.Fatalf("pre-flight summary %v; want it to say the deprecated list is used", done)
	}
	var again recorder
	if _, err := fresh.Preflight(context.Background(), d, again.add); err != nil {
		t.Fatal(err)
	}
	if msg := again.kinds(PreflightDone)[0].Message; strings.Contains(msg, "numbers") {
		t.Errorf("second pre-flight repeats the notice: %q", msg)
	}
}
