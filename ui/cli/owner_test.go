package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// holdInAnotherProcess opens the draft as the wizard of another zpadd on the
// same home does: its own store, so the flock is another owner's.
func (te *testEnv) holdInAnotherProcess(t *testing.T, id string) *submit.Session {
	t.Helper()
	st, err := state.OpenStore(te.Home)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := submit.OpenSession(st, nil, id)
	if err != nil || ss.ReadOnly() != nil {
		t.Fatalf("the other zpadd could not take draft %s: %v", id, err)
	}
	t.Cleanup(func() { _ = ss.Close() })
	return ss
}

// A headless submit of a draft open in the wizard (another process holds
// its lock) sends nothing and exits 2 naming that process.
func TestSubmitOfADraftOpenElsewhereExitsTwoNamingIt(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, freeEmails[:2]...)
	te.holdInAnotherProcess(t, ids[0])

	code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true})
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitInvalid, te.stderr)
	}
	if want := fmt.Sprintf("pid %d", os.Getpid()); !strings.Contains(te.stderr.String(), want) {
		t.Errorf("stderr does not name the holder (%s):\n%s", want, te.stderr)
	}
	if te.posts() != 0 {
		t.Errorf("POSTs = %d, want 0", te.posts())
	}
	if un, _ := te.Journal.Unfinished(); len(un) != 0 {
		t.Errorf("an intent was journalled for a held draft: %v", un)
	}
}

// Of several drafts, one held elsewhere stops them all before anything is
// sent, so exit 2 keeps meaning "nothing sent".
func TestSubmitOfSeveralDraftsSendsNoneWhenOneIsHeld(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, freeEmails[:12]...)
	te.holdInAnotherProcess(t, ids[1])
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true}); code != ExitInvalid {
		t.Fatalf("exit %d, want %d", code, ExitInvalid)
	}
	if te.posts() != 0 {
		t.Errorf("POSTs = %d, want 0: the first draft was sent although the second is held", te.posts())
	}
}

// A draft whose batch was sent but whose outcome is not journalled (in
// flight, or a full disk lost Zoom's answer) is not listed as "draft".
func TestDraftsShowsUnknownForABatchWithoutOutcome(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, freeEmails[:2]...)
	d, err := te.Store.Load(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := submit.Body(d)
	if _, err := te.Journal.Begin(d.ID, d.Name, body); err != nil {
		t.Fatal(err)
	}
	if code := Drafts(te.Env, true); code != ExitOK {
		t.Fatalf("drafts exit %d", code)
	}
	var listed []draftJSON
	if err := json.Unmarshal(te.stdout.Bytes(), &listed); err != nil || len(listed) != 1 {
		t.Fatalf("drafts --json: %v %s", err, te.stdout)
	}
	if listed[0].Status != state.StatusUnknown {
		t.Errorf("status %q, want %q for a sent batch with no outcome", listed[0].Status, state.StatusUnknown)
	}
}
