package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// runAccessible drives accessible mode with scripted lines.
func runAccessible(t *testing.T, e *env, lines ...string) string {
	t.Helper()
	o := e.options()
	o.Accessible = true
	o.Input = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	return out.String()
}

// Accessible mode opens a saved draft by words of its name, edits a user
// chosen by words of the email, and saves the change (no new draft).
func TestAccessibleOpensADraftEditsAUserAndSaves(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	d := cartUsers(t, w.env, 2)
	out := runAccessible(t, w.env,
		"cart 26", // Open a draft: by its name
		"henry",   // Next: edit henry.moore@example.com
		"", "",    // email kept; first name kept
		"Moore-Smith", // last name changed
		"", "", "",    // site, extension, plans kept
		"", "", // numbers, caller ID
		"", "", "", // SMS, emergency address, no desk phone
		"quit",
	)
	drafts, _, _ := w.store.List()
	if len(drafts) != 1 {
		t.Fatalf("want the one draft, got %d\n%s", len(drafts), out)
	}
	got, err := w.store.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Users[1].LastName != "Moore-Smith" || got.Users[1].Email != "henry.moore@example.com" || got.Users[0].LastName != "Wilson" {
		t.Fatalf("edit not saved to the chosen user: %+v\n%s", got.Users, out)
	}
	if !strings.Contains(out, `Draft "Cart 26 Nov" (id `+d.ID+") opened") || !strings.Contains(out, "Email [henry.moore@example.com]") {
		t.Errorf("did not say it opened the draft, or did not offer the email kept:\n%s", out)
	}
}

// Review and submit from inside: the review prints the pre-flight's
// result, one confirmation sends, and each created user is printed with
// Zoom's id as the events arrive; Zoom then has the user.
func TestAccessibleSubmitsFromInside(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	cartUsers(t, w.env, 1)
	out := runAccessible(t, w.env, "cart", "review", "y")
	if !strings.Contains(out, "0 errors") || !strings.Contains(out, "Submit 1 users to the sandbox?") {
		t.Fatalf("no review before the confirmation:\n%s", out)
	}
	pu, err := w.client.GetPhoneUser(context.Background(), "grace.wilson@example.com")
	if err != nil {
		t.Fatalf("not a phone user after the submit: %v\n%s", err, out)
	}
	if pu.ID == "" || !strings.Contains(out, fmt.Sprintf("created grace.wilson@example.com (id %s)", pu.ID)) ||
		!strings.Contains(out, fmt.Sprintf("grace.wilson@example.com: created (id %s)", pu.ID)) {
		t.Errorf("the created user's Zoom id %q was not printed:\n%s", pu.ID, out)
	}
	if n := w.sb.CountRequests("POST", "/v2/phone/users/batch"); n != 1 {
		t.Errorf("%d batch POSTs, want 1", n)
	}
	if strings.Contains(out, "Submit it with:") {
		t.Errorf("after a submit it still says how to submit:\n%s", out)
	}
}

// A blocked pre-flight prints what blocks and sends nothing; declining
// the confirmation sends nothing either.
func TestAccessibleBlockedOrDeclinedSendsNothing(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	d := cartUsers(t, w.env, 1)
	d.Users[0].SiteName = "No Such Site"
	if err := w.store.Save(d); err != nil {
		t.Fatal(err)
	}
	out := runAccessible(t, w.env, "cart", "review", "quit")
	if !strings.Contains(out, "Submitting is blocked by") || !strings.Contains(out, "No Such Site") {
		t.Errorf("blocked pre-flight not explained:\n%s", out)
	}
	d.Users[0].SiteName = "Main Site"
	if err := w.store.Save(d); err != nil {
		t.Fatal(err)
	}
	out = runAccessible(t, w.env, "cart", "review", "n", "quit")
	if !strings.Contains(out, "Not sent.") {
		t.Errorf("declining did not say nothing was sent:\n%s", out)
	}
	if n := w.sb.CountRequests("POST", "/v2/phone/users/batch"); n != 0 {
		t.Errorf("%d batch POSTs, want none", n)
	}
}

// A draft another zpadd holds is shown read-only, naming the holder; the
// answers meant to submit it are not taken, nothing is saved or sent.
func TestAccessibleHeldDraftIsReadOnly(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	d := cartUsers(t, w.env, 1)
	otherStore, err := state.OpenStore(w.home)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := submit.OpenSession(otherStore, nil, d.ID)
	if err != nil || owner.ReadOnly() != nil {
		t.Fatalf("owner: %v", err)
	}
	defer owner.Close()
	before, _ := os.ReadFile(w.store.DraftPath(d.ID))

	out := runAccessible(t, w.env, "cart", "review", "y")
	if !strings.Contains(out, "read-only") || !strings.Contains(out, fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("read-only not said, or the holder not named:\n%s", out)
	}
	if n := w.sb.CountRequests("POST", "/v2/phone/users/batch"); n != 0 {
		t.Errorf("%d batch POSTs from a read-only draft, want none", n)
	}
	after, _ := os.ReadFile(w.store.DraftPath(d.ID))
	if !bytes.Equal(before, after) {
		t.Errorf("the held draft's file changed")
	}
}

// `zpadd add EMAIL` in accessible mode starts a new draft with that user
// without offering the saved drafts.
func TestAccessibleAddStartsANewDraftWithTheEmails(t *testing.T) {
	e := newEnv(t)
	saved := cartUsers(t, e, 1)
	o := e.options()
	o.Accessible = true
	o.StartEmails = []string{"henry.moore@example.com"}
	o.Input = strings.NewReader("\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "Open a draft") {
		t.Errorf("zpadd add offered the saved drafts:\n%s", out.String())
	}
	drafts, _, _ := e.store.List()
	if len(drafts) != 2 {
		t.Fatalf("want the saved draft and a new one, got %d\n%s", len(drafts), out.String())
	}
	for _, di := range drafts {
		if di.ID == saved.ID {
			continue
		}
		d, _ := e.store.Load(di.ID)
		if len(d.Users) != 1 || d.Users[0].Email != "henry.moore@example.com" {
			t.Errorf("new draft holds %+v, want henry.moore@example.com", d.Users)
		}
	}
}
