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
