package submit

import (
	"context"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// A partly created draft submitted again (the refused user fixed): only
// that user is POSTed; events and results use the draft's own indexes; the
// users created the first time keep their results.
func TestSubmitAgainSendsOnlyTheUsersNotCreatedYet(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PerUser}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	preflightThenSteal(t, e, d, 1)
	first, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Results[1].Status != StatusFailed || first.Results[0].Status != StatusCreated {
		t.Fatalf("first submit: %+v", first.Results)
	}
	if st := e.store.Status(d.ID); st != DraftStatusPartial {
		t.Errorf("status after the first submit %q, want partial", st)
	}

	d.Users[1].ExtensionNumber = "1299" // the operator fixes the refused user
	before := e.posts()
	rec := &recorder{}
	again, err := e.svc.Submit(context.Background(), d, rec.add)
	if err != nil {
		t.Fatalf("second submit: %v", err)
	}
	if n := e.posts() - before; n != 1 {
		t.Errorf("second submit made %d POSTs, want 1", n)
	}
	requireAll(t, again, StatusCreated)
	for _, i := range []int{0, 2} {
		if again.Results[i].ID != first.Results[i].ID {
			t.Errorf("user %d: id %q, want the first submit's %q", i, again.Results[i].ID, first.Results[i].ID)
		}
	}
	created := rec.kinds(UserCreated)
	if len(created) != 1 || created[0].User != 1 || created[0].Email != d.Users[1].Email {
		t.Errorf("UserCreated events %+v; want one, for draft user 1", created)
	}
	if !strings.Contains(again.Note, "not sent again") {
		t.Errorf("note %q does not say who was not sent again", again.Note)
	}
	if st := e.store.Status(d.ID); st != DraftStatusSubmitted {
		t.Errorf("status after the second submit %q, want submitted", st)
	}

	// A third time: nothing left to send, no POST, still all created.
	before = e.posts()
	third, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil || e.posts() != before {
		t.Fatalf("third submit: %v, %d POSTs", err, e.posts()-before)
	}
	requireAll(t, third, StatusCreated)
}
