package submit

import (
	"context"
	"errors"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Once something was sent, the exit code says what Zoom did, even when its
// answer could not be journalled (1 is for "before anything was sent").
func TestExitCodeOfAnUnjournalledOutcomeSaysWhatZoomDid(t *testing.T) {
	nj := &NotJournalledError{Err: errors.New("write journal: no space left on device")}
	created := &state.Submission{Results: []state.UserResult{{Status: StatusCreated}}}
	refused := &state.Submission{Results: []state.UserResult{{Status: StatusCreated}, {Status: StatusFailed}}}
	cases := []struct {
		name string
		subs []*state.Submission
		err  error
		want int
	}{
		{"all created, not journalled", []*state.Submission{created}, nj, ExitOK},
		{"some refused, not journalled", []*state.Submission{refused}, nj, ExitRefused},
		{"nothing sent (journal full before the POST)", nil, errors.New("could not journal the request before sending"), ExitOther},
		{"held by another zpadd", nil, &HeldError{Held: &state.LockedError{ID: "x", PID: 42}}, ExitInvalid},
	}
	for _, c := range cases {
		if got := ExitCode(c.subs, c.err); got != c.want {
			t.Errorf("%s: exit %d, want %d", c.name, got, c.want)
		}
	}
}

// A user an earlier submission created stays created in the draft's
// status, whatever a later answer says: a draft with created users is never
// shown as "draft".
func TestDraftStatusKeepsUsersCreatedEarlier(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := e.saved(mainSiteDraft(t, e.refresh(), 2))
	if _, err := e.svc.Submit(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	// A later outcome (a second zpadd before owners existed) that saw both
	// refused as "already a phone user".
	e.svc.setDraftStatus(d.ID, []state.UserResult{
		{Email: d.Users[0].Email, Status: StatusFailed}, {Email: d.Users[1].Email, Status: StatusFailed}})
	if got := e.store.Status(d.ID); got != state.StatusSubmitted {
		t.Errorf("status %q, want %q: both users were created", got, state.StatusSubmitted)
	}
}
