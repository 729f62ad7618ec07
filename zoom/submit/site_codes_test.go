package submit

import (
	"context"
	"errors"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// On an account with site codes (reads give 11001 for Main Site's 1001,
// zoom-api.md §7.2) every check compares like with like, as it does with
// site codes off: the catalog holds short extensions, "already used" and
// the suggestion see them, and verification passes for the extension sent.
func TestSiteCodesCompareLikeWithLikeOnAndOff(t *testing.T) {
	t.Parallel()
	for _, on := range []bool{false, true} {
		e := newEnv(t, sandbox.Options{FullExtensions: on}, Options{})
		cat := e.refresh()
		alice := ""
		for _, pu := range cat.PhoneUsers {
			if pu.Email == "alice.johnson@example.com" {
				alice = pu.ExtensionNumber
			}
		}
		if alice != "1001" {
			t.Errorf("site codes %v: Alice's extension in the catalog = %q, want the short 1001", on, alice)
		}
		if next := state.NextFreeExtension(&state.Draft{}, cat, "Main Site", 0); next == "" || len(next) != 4 {
			t.Errorf("site codes %v: suggested extension %q, want a free 4-digit one", on, next)
		}

		d := mainSiteDraft(t, cat, 2)
		d.Users[1].ExtensionNumber = "1001"
		_, err := e.svc.Submit(context.Background(), d, nil)
		var be *BlockedError
		if !asBlocked(err, &be) || !hasProblem(be.Problems.ForUser(1), "extension_number", "already used") {
			t.Errorf("site codes %v: Submit with Alice's extension = %v; want blocked: already used", on, err)
		}

		d = mainSiteDraft(t, cat, 2)
		sub, err := e.svc.Submit(context.Background(), d, nil)
		if err != nil {
			t.Fatalf("site codes %v: Submit: %v", on, err)
		}
		requireAll(t, sub, StatusCreated)
		for _, r := range sub.Results {
			for _, c := range r.Checks {
				if c.Name == CheckExtension && !c.OK {
					t.Errorf("site codes %v: %s: extension check failed: %s", on, r.Email, c.Detail)
				}
			}
		}
	}
}

func hasProblem(ps state.Problems, field, text string) bool {
	for _, p := range ps {
		if p.Field == field && strings.Contains(p.Message, text) {
			return true
		}
	}
	return false
}

func asBlocked(err error, be **BlockedError) bool { return errors.As(err, be) }

// A headless submit has no catalog to take the site code from: the site is
// read once, and verification still compares like with like.
func TestSiteCodesVerifiedWithoutACatalog(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{FullExtensions: true}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	fresh := New(e.newClient(), state.HomeUnder(t.TempDir()), e.j, Options{RetryWait: e.svc.o.RetryWait})
	sub, err := fresh.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	for _, r := range sub.Results {
		for _, c := range r.Checks {
			if c.Name == CheckExtension && !c.OK {
				t.Errorf("%s: extension check failed without a catalog: %s", r.Email, c.Detail)
			}
		}
	}
}
