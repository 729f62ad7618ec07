package submit

import (
	"context"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

func TestWithValuesNamesTheNumberOrExtensionMeant(t *testing.T) {
	u := state.User{PhoneNumbers: []string{"+14155550123"}, ExtensionNumber: "1201"}
	cases := map[string]string{
		"Phone number already in use.":            "Phone number already in use. (number +14155550123)",
		"Extension number already exists.":        "Extension number already exists. (extension 1201)",
		"Phone number +1 415-555-0123 is in use.": "Phone number +1 415-555-0123 is in use.",
		"Extension 1201 is taken.":                "Extension 1201 is taken.",
		"Template is invalid.":                    "Template is invalid.",
	}
	for in, want := range cases {
		if got := withValues(in, u); got != want {
			t.Errorf("withValues(%q) = %q, want %q", in, got, want)
		}
	}
}

// A number someone else took between the catalog read and the POST: Zoom
// refuses with "Phone number already in use." and the result says which.
func TestRefusedNumberIsNamedInTheResult(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 1)
	thief := state.User{Email: freeEmails[5], ExtensionNumber: "2199", SiteName: "Main Site",
		CallingPlans: []string{"US/CA Unlimited"}, PhoneNumbers: d.Users[0].PhoneNumbers}
	if _, err := e.c.BatchAddUsers(context.Background(), zoom.BatchUsers([]state.User{thief})); err != nil {
		t.Fatal(err)
	}
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	r := sub.Results[0]
	if r.Status != StatusFailed || !strings.Contains(r.Error, d.Users[0].PhoneNumbers[0]) {
		t.Errorf("result %+v: want failed naming %s", r, d.Users[0].PhoneNumbers[0])
	}
}
