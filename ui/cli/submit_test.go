package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

func decodeResults(t *testing.T, raw []byte) []resultJSON {
	t.Helper()
	var out []resultJSON
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("stdout is not the JSON result array: %v\n%s", err, raw)
	}
	return out
}

func TestCheckExitsZeroWhenCleanAndTwoWhenBlocked(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	clean := te.importClean(t, "grace.wilson")
	if code := Check(context.Background(), te.Env, clean[0], true); code != ExitOK {
		t.Fatalf("clean draft: exit %d: %s", code, te.stderr)
	}
	if res := decodeResults(t, te.stdout.Bytes()); len(res) != 1 || res[0].Status != "skipped" || res[0].Error != "" {
		t.Errorf("clean check results: %+v", res)
	}
	// alice.johnson is already a phone user: pre-flight must block.
	blocked := te.importClean(t, "alice.johnson")
	if code := Check(context.Background(), te.Env, blocked[0], true); code != ExitInvalid {
		t.Fatalf("blocked draft: exit %d", code)
	}
	res := decodeResults(t, te.stdout.Bytes())
	if len(res) != 1 || res[0].Error == "" {
		t.Errorf("blocked check names no error: %+v", res)
	}
	if te.posts() != 0 {
		t.Errorf("check sent %d POSTs", te.posts())
	}
}

func TestSubmitDryRunPrintsTheBodyAndSendsNothing(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, "grace.wilson", "henry.moore")
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{DryRun: true}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	var body struct {
		Users []map[string]any `json:"users"`
	}
	if err := json.Unmarshal(te.stdout.Bytes(), &body); err != nil || len(body.Users) != 2 {
		t.Fatalf("stdout is not the request body (%v): %s", err, te.stdout)
	}
	if mac := body.Users[0]["desk_phones"].([]any)[0].(map[string]any)["mac"]; mac != "80-5e-c0-7a-00-01" {
		t.Errorf("body MAC %v", mac)
	}
	if n := len(te.sb.Requests()); n != 0 {
		t.Errorf("dry run made %d requests", n)
	}
}

func TestSubmitWithoutYesOnAPipeRefusesToAsk(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, "grace.wilson")
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{}); code != ExitInvalid {
		t.Fatalf("exit %d, want %d", code, ExitInvalid)
	}
	if !strings.Contains(te.stderr.String(), "--yes") {
		t.Errorf("message does not say how: %s", te.stderr)
	}
	if te.posts() != 0 {
		t.Error("something was sent")
	}
}

func TestSubmitJSONReportsCreatedUsersAndIsResumable(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, "grace.wilson", "henry.moore", "jose.nunez")
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	res := decodeResults(t, te.stdout.Bytes())
	if len(res) != 3 {
		t.Fatalf("want 3 results: %+v", res)
	}
	for _, r := range res {
		if r.Status != "created" || r.ID == "" || len(r.Checks) == 0 {
			t.Errorf("result %+v", r)
		}
	}
	if !strings.Contains(te.stderr.String(), "batch 1 of 1") {
		t.Errorf("no progress line on stderr: %s", te.stderr)
	}
	// Run again: nobody is sent twice and the results stay "created".
	te.reset()
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("second run exit %d: %s", code, te.stderr)
	}
	if got := te.posts(); got != 1 {
		t.Errorf("%d POSTs after a rerun, want 1", got)
	}
	if res := decodeResults(t, te.stdout.Bytes()); len(res) != 3 || res[0].Status != "created" {
		t.Errorf("rerun results %+v", res)
	}
}

func TestSubmitSeveralDraftsOnePostEach(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	emails := freeEmails[:12]
	ids := te.importClean(t, emails...)
	if len(ids) != 2 {
		t.Fatalf("want 2 drafts, got %v", ids)
	}
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	if got := te.posts(); got != 2 {
		t.Errorf("%d POSTs, want one per draft", got)
	}
	if res := decodeResults(t, te.stdout.Bytes()); len(res) != 12 {
		t.Errorf("%d results, want 12", len(res))
	}
	for _, want := range []string{"batch 1 of 2", "batch 2 of 2"} {
		if !strings.Contains(te.stderr.String(), want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
}

func TestSubmitCommitThenDropEndsCreatedWithOnePost(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	te.sb.AddFault(sandbox.Fault{Kind: sandbox.CommitThenDrop, Method: "POST", Path: "/phone/users/batch"})
	ids := te.importClean(t, "grace.wilson", "henry.moore")
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	for _, r := range decodeResults(t, te.stdout.Bytes()) {
		if r.Status != "created" || r.ID == "" {
			t.Errorf("after a dropped connection: %+v", r)
		}
	}
	if got := te.posts(); got != 1 {
		t.Errorf("%d POSTs, want exactly 1", got)
	}
}

func TestSubmitExitsThreeWhenZoomRefuses(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	te.sb.AddFault(sandbox.Fault{Kind: sandbox.ValidationAs429, Method: "POST", Path: "/phone/users/batch"})
	ids := te.importClean(t, "grace.wilson")
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitRefused {
		t.Fatalf("exit %d, want %d: %s", code, ExitRefused, te.stderr)
	}
	res := decodeResults(t, te.stdout.Bytes())
	if len(res) != 1 || res[0].Status != "failed" || res[0].Error == "" {
		t.Errorf("refusal not reported: %+v", res)
	}
}

func TestSubmitExitsFourWhenTheOutcomeStaysUnknown(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	te.sb.AddFault(sandbox.Fault{Kind: sandbox.ServerError, Status: 503, Method: "POST", Path: "/phone/users/batch"})
	ids := te.importClean(t, "grace.wilson")
	svc, _ := te.Service()
	// Pre-flight first (its reads must succeed), then make every read-back fail.
	d, _ := te.Store.Load(ids[0])
	if _, err := svc.Preflight(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		te.sb.AddFault(sandbox.Fault{Kind: sandbox.ServerError, Status: 503, Method: "GET", Path: "/phone/users/"})
	}
	code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true})
	if code != ExitUnknown {
		t.Fatalf("exit %d, want %d: %s", code, ExitUnknown, te.stderr)
	}
	if res := decodeResults(t, te.stdout.Bytes()); len(res) != 1 || res[0].Status != "unknown" {
		t.Errorf("results %+v", res)
	}
}

func TestSubmitReconcilesABatchLeftUnfinishedByACrash(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, "grace.wilson", "henry.moore")
	d, _ := te.Store.Load(ids[0])
	// A zpadd that crashed right after Zoom committed: the intent with the
	// exact body is journalled, the users exist, no outcome was written.
	body, err := submit.Body(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := te.Journal.Begin(d.ID, d.Name, body); err != nil {
		t.Fatal(err)
	}
	if _, err := te.client.BatchAddUsers(context.Background(), zoom.BatchUsers(d.Users)); err != nil {
		t.Fatal(err)
	}
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	if got := te.posts(); got != 1 {
		t.Errorf("%d POSTs: a created user was sent again", got)
	}
	if pending, _ := te.Journal.Unfinished(); len(pending) != 0 {
		t.Errorf("intent still unfinished after reconcile")
	}
	res := decodeResults(t, te.stdout.Bytes())
	if len(res) != 2 {
		t.Fatalf("results %+v", res)
	}
	for _, r := range res {
		if r.Status != state.ResultCreated || r.ID == "" {
			t.Errorf("after reconcile: %+v", r)
		}
	}
}
