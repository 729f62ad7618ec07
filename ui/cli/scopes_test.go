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
// (zoom-api.md §11.2).
func TestEachMissingScopeStopsCheckAndSubmitWithExitOne(t *testing.T) {
	seen := map[string]bool{}
	for _, need := range zoom.ScopeNeeds {
		if seen[need.Granular] {
			continue
		}
		seen[need.Granular] = true
		t.Run(need.Granular, func(t *testing.T) {
			te := newTestEnv(t, sandbox.Options{MissingScopes: []string{need.Granular}})
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
