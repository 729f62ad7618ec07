package submit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// splitDraft cuts d into drafts of size users each.
func splitDraft(d *state.Draft, size int) []*state.Draft {
	var out []*state.Draft
	for i := 0; i < len(d.Users); i += size {
		part := state.NewDraft(fmt.Sprintf("%s part %d", d.Name, len(out)+1), state.Defaults{})
		part.Users = append(part.Users, d.Users[i:min(i+size, len(d.Users))]...)
		out = append(out, part)
	}
	return out
}

// A run of three drafts sends one POST each, creates everyone, and reads
// what every draft needs (plans, the site's templates) once for the run.
func TestRunSharesReadsAcrossDrafts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	drafts := splitDraft(mainSiteDraft(t, e.refresh(), 9), 3)
	run := e.svc.NewRun(drafts)
	before := e.c.Stats()
	for i := range drafts {
		sub, err := run.Submit(context.Background(), i, nil)
		if err != nil {
			t.Fatalf("draft %d: %v", i+1, err)
		}
		requireAll(t, sub, StatusCreated)
	}
	after := e.c.Stats()
	if n := e.posts(); n != 3 {
		t.Errorf("POSTs = %d, want 3", n)
	}
	for _, k := range []string{"GET /phone/calling_plans", "GET /phone/setting_templates"} {
		if n := after.Requests[k] - before.Requests[k]; n != 1 {
			t.Errorf("%s: %d reads in the run, want 1", k, n)
		}
	}
	// The account's phone users (one page here) are read once for the nine
	// users' "already a phone user?" and extension checks; the per-user
	// reads left are verification's, one per created user.
	if n := after.Requests["GET /phone/users"] - before.Requests["GET /phone/users"]; n != 1 {
		t.Errorf("phone-user list reads = %d, want 1", n)
	}
	if n := after.Requests["GET /phone/users/{userId}"] - before.Requests["GET /phone/users/{userId}"]; n != 9 {
		t.Errorf("per-user phone-user reads = %d, want 9 (verification only)", n)
	}
}

// The next draft's pre-flight runs before the current POST, so it cannot
// see the users that POST creates: a user of a later draft taking an
// extension an earlier draft of the run was given is blocked locally, and
// nothing more is sent.
func TestRunBlocksAClashWithAnEarlierDraftOfTheRun(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	all := mainSiteDraft(t, e.refresh(), 4)
	drafts := splitDraft(all, 2)
	drafts[1].Users[0].ExtensionNumber = drafts[0].Users[0].ExtensionNumber
	run := e.svc.NewRun(drafts)
	if _, err := run.Submit(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	_, err := run.Submit(context.Background(), 1, nil)
	var blocked *BlockedError
	if !errors.As(err, &blocked) {
		t.Fatalf("second draft: err = %v, want blocked", err)
	}
	found := false
	for _, p := range blocked.Problems {
		found = found || (p.User == 0 && p.Field == "extension_number" && strings.Contains(p.Message, "earlier batch of this run"))
	}
	if !found {
		t.Errorf("no clash reported on the extension: %v", blocked.Problems)
	}
	if n := e.posts(); n != 1 {
		t.Errorf("POSTs = %d, want 1", n)
	}
}

// The run reads the plans once, before its earlier drafts take licences:
// a later draft is checked against what those drafts left. Global Select
// has 9 free licences in the standard seed; two drafts of 5 need 10.
func TestRunCountsLicencesTakenByEarlierDrafts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	all := mainSiteDraft(t, e.refresh(), 10)
	for i := range all.Users {
		all.Users[i].CallingPlans = []string{"Global Select"}
	}
	drafts := splitDraft(all, 5)
	run := e.svc.NewRun(drafts)
	sub, err := run.Submit(context.Background(), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	_, err = run.Submit(context.Background(), 1, nil)
	var blocked *BlockedError
	if !errors.As(err, &blocked) {
		t.Fatalf("second draft: err = %v, want blocked for want of licences", err)
	}
	found := false
	for _, p := range blocked.Problems {
		found = found || strings.HasPrefix(p.Field, "calling_plans")
	}
	if !found {
		t.Errorf("no calling-plan problem: %v", blocked.Problems)
	}
	if n := e.posts(); n != 1 {
		t.Errorf("POSTs = %d, want 1", n)
	}
}

// In a run the account's phone-user list stands in for the per-user
// reads: an existing phone user in a later draft is still found.
func TestRunFindsExistingPhoneUserFromTheAccountList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	drafts := splitDraft(mainSiteDraft(t, e.refresh(), 4), 2)
	drafts[1].Users[1].Email = "alice.johnson@example.com" // a phone user in the seed
	run := e.svc.NewRun(drafts)
	if _, err := run.Submit(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	_, err := run.Submit(context.Background(), 1, nil)
	var blocked *BlockedError
	if !errors.As(err, &blocked) {
		t.Fatalf("second draft: err = %v, want blocked", err)
	}
	found := false
	for _, p := range blocked.Problems {
		found = found || (p.User == 1 && p.Field == "email" && p.Severity == state.Error)
	}
	if !found {
		t.Errorf("the existing phone user was not reported: %v", blocked.Problems)
	}
	if n := e.c.Stats().Requests["GET /phone/users/{userId}"]; n != 2 {
		t.Errorf("per-user phone-user reads = %d, want 2 (verification of draft 1 only)", n)
	}
}
