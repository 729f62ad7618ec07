package cli

import (
	"context"
	"strings"
	"testing"

	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// Each scope zpadd needs, missing from the app, stops `check` and `submit`
// with exit 1 (a configuration error, not 0, 2 or 3) and a message naming
// the scope; no POST is sent and no user is reported as failed
// (zoom-api.md §11.2). A need that another call's scope also serves (the
// two number lists, §11.3) is missing only when every one of them is.
func TestEachMissingScopeStopsCheckAndSubmitWithExitOne(t *testing.T) {
	seen := map[string]bool{}
	for _, need := range zoom.ScopeNeeds {
		if seen[need.Granular] {
			continue
		}
		seen[need.Granular] = true
		t.Run(need.Granular, func(t *testing.T) {
			te := newTestEnv(t, sandbox.Options{MissingScopes: append([]string{need.Granular}, need.Instead...)})
			ids := te.importClean(t, "grace.wilson")
			if code := Check(context.Background(), te.Env, ids[0], false); code != ExitOther {
				t.Errorf("check: exit %d, want %d\n%s", code, ExitOther, te.stderr)
			}
			if !strings.Contains(te.stderr.String(), need.Granular) {
				t.Errorf("check's message does not name %s:\n%s", need.Granular, te.stderr)
			}
			te.reset()
			code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true})
			if code != ExitOther {
				t.Errorf("submit: exit %d, want %d\n%s", code, ExitOther, te.stderr)
			}
			if !strings.Contains(te.stderr.String(), need.Granular) {
				t.Errorf("submit's message does not name %s:\n%s", need.Granular, te.stderr)
			}
			if strings.Contains(te.stdout.String(), `"failed"`) {
				t.Errorf("a missing scope reported a user as failed: %s", te.stdout)
			}
			if te.posts() != 0 {
				t.Errorf("%d POSTs sent with a scope missing", te.posts())
			}
		})
	}
}

// An app that holds only one of the two number lists' scopes submits: the
// client reads whichever list it may (zoom-api.md §11.3).
func TestEitherNumbersScopeIsEnough(t *testing.T) {
	for _, missing := range []string{"phone:read:list_numbers:admin", "number_management:read:list_numbers:admin"} {
		t.Run(missing, func(t *testing.T) {
			te := newTestEnv(t, sandbox.Options{MissingScopes: []string{missing}})
			ids := te.importClean(t, "grace.wilson")
			if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
				t.Errorf("submit without %s: exit %d, want %d\n%s", missing, code, ExitOK, te.stderr)
			}
			if te.posts() != 1 {
				t.Errorf("%d POSTs, want 1", te.posts())
			}
		})
	}
}
