package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// A name lookup landing while the draft is being submitted writes into the
// wizard's draft, never into what the submit reads: under -race this is
// clean, and the batch sent is the draft as it was when submitted.
func TestLookupLandingDuringSubmitTouchesOnlyTheWizardsDraft(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{PostDelay: 300 * time.Millisecond})
	d := cartUsers(t, w.env, 3)
	for i := range d.Users {
		d.Users[i].NamesFrom = d.Users[i].Email // filled by a lookup: the next one replaces them
	}
	if err := w.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := newApp(context.Background(), w.options())
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, common.Navigate{To: common.ResultsScreen})
	deadline := time.Now().Add(300 * time.Millisecond)
	for k := 0; time.Now().Before(deadline); k++ {
		for _, u := range d.Users {
			send(t, a, common.LookedUp{Email: u.Email, Result: submit.UserLookup{Email: u.Email, First: "Late", Last: "Answer", Status: "active", Active: true}})
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !w.service.Settle(20 * time.Second) {
		t.Fatal("the submit did not settle")
	}
	if got := a.ctx.Draft.Users[0].FirstName; got != "Late" {
		t.Errorf("the wizard's draft did not take the lookup: first name %q", got)
	}
	hist, err := w.journal.History()
	if err != nil || len(hist) != 1 {
		t.Fatalf("history %v, %v", hist, err)
	}
	un, _ := w.journal.Unfinished()
	if len(un) != 0 {
		t.Fatalf("unfinished %v", un)
	}
	body := journalledBody(t, w.env)
	if strings.Contains(body, "Late") || !strings.Contains(body, d.Users[0].FirstName) {
		t.Errorf("the batch sent was changed by a lookup landing during the submit:\n%s", body)
	}
}

// journalledBody is the one batch body in the journal.
func journalledBody(t *testing.T, e *env) string {
	t.Helper()
	ps, err := submit.PendingIntents(e.journal, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 0 {
		t.Fatalf("unexpected pending intents %v", ps)
	}
	rawb, err := os.ReadFile(e.journal.Path())
	if err != nil {
		t.Fatal(err)
	}
	raw := string(rawb)
	i := strings.Index(raw, `"body":`)
	if i < 0 {
		t.Fatalf("no body in the journal:\n%s", raw)
	}
	return raw[i:]
}

// Changing a user's email to another Zoom user's replaces the names the
// lookup of the old email filled: the new person's names are sent, never
// the old one's.
func TestEmailChangeReplacesLookupFilledNames(t *testing.T) {
	e := newEnv(t)
	d := state.NewDraft("Names", state.Defaults{SiteName: "Main Site"})
	d.Users = []state.User{{Email: "grace.wilson@example.com", FirstName: "Grace", LastName: "Wilson",
		NamesFrom: "grace.wilson@example.com", SiteName: "Main Site"}}
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := newApp(context.Background(), e.options())
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, common.Navigate{To: common.UserScreen, User: 0, Field: "email"})
	send(t, a, press(strings.Repeat("<backspace>", len("grace.wilson@example.com"))+"henry.moore@example.com<tab>")...)
	u := a.ctx.Draft.Users[0]
	if u.Email != "henry.moore@example.com" || u.FirstName == "Grace" || u.LastName == "Wilson" {
		t.Fatalf("after the email change the user is %+v: the old person's names stayed", u)
	}
	l, err := e.service.LookupUser(context.Background(), "henry.moore@example.com")
	if err != nil {
		t.Fatal(err)
	}
	send(t, a, common.LookedUp{Email: "henry.moore@example.com", Result: l})
	if u := a.ctx.Draft.Users[0]; u.DisplayName() != "Henry Moore" {
		t.Fatalf("the new email's lookup did not fill its names: %+v", u)
	}
	// Typed names are kept and flagged on the field when they differ.
	a.ctx.Draft.Users[0].SetTypedName("first_name", "Hank")
	ps := a.ctx.LookupProblems(a.ctx.Draft, nil)
	if len(ps) != 1 || ps[0].Field != "first_name" || !strings.Contains(ps[0].Message, `"Henry Moore"`) {
		t.Errorf("typed name differing from Zoom's not flagged: %v", ps)
	}
}

// A wizard with a draft open read-only (another zpadd holds it) follows the
// owner's saves, and says when the owner's submit finished.
func TestReadOnlyWizardFollowsTheOwner(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 2)
	otherStore, err := state.OpenStore(e.home)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := submit.OpenSession(otherStore, nil, d.ID)
	if err != nil || owner.ReadOnly() != nil {
		t.Fatalf("owner: %v", err)
	}
	defer owner.Close()

	a := newApp(context.Background(), e.options())
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	if !a.ctx.ReadOnly {
		t.Fatal("the draft held elsewhere did not open read-only")
	}
	grown := owner.Draft()
	if _, err := grown.AddUser("third.user@example.com"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // a later modification time
	if err := owner.Save(grown); err != nil {
		t.Fatal(err)
	}
	send(t, a, readOnlyTickMsg{seq: a.sessionSeq})
	if n := len(a.ctx.Draft.Users); n != 3 {
		t.Fatalf("read-only wizard shows %d users after the owner saved 3", n)
	}
	if !strings.Contains(screen(a), "third.user@") {
		t.Errorf("the batch table does not show the owner's new user:\n%s", screen(a))
	}
	if err := otherStore.SetStatus(d.ID, state.StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	send(t, a, readOnlyTickMsg{seq: a.sessionSeq})
	if !strings.Contains(screen(a), "submit of") || !strings.Contains(screen(a), "finished: submitted") {
		t.Errorf("the owner's finished submit is not shown:\n%s", screen(a))
	}
	// The owner quits: the draft becomes editable here, as the owner left it.
	_ = owner.Close()
	send(t, a, readOnlyTickMsg{seq: a.sessionSeq})
	if a.ctx.ReadOnly || len(a.ctx.Draft.Users) != 3 {
		t.Fatalf("after the owner quit: read-only %v, %d users; want editable with 3", a.ctx.ReadOnly, len(a.ctx.Draft.Users))
	}
	if err := a.ctx.Session.Save(a.ctx.Draft); err != nil {
		t.Errorf("saving after taking the draft over: %v", err)
	}
}

// A number submitted in this run leaves the wizard's catalog at once: the
// number picker (which lists Context.Catalog's free numbers) no longer
// offers it, and neither does the cached catalog the next start shows.
func TestFlowSubmittedNumberLeavesThePicker(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	cat := w.catalog(t, time.Now())
	var number string
	for _, n := range cat.Numbers {
		if !n.Assigned && n.SiteID == siteID(cat, "Main Site") {
			number = n.Number
			break
		}
	}
	d := cartUsers(t, w.env, 1)
	d.Users[0].PhoneNumbers = []string{number}
	d.Users[0].OutboundCallerID = number
	if err := w.store.Save(d); err != nil {
		t.Fatal(err)
	}
	tm, spy := startApp(t, w.env)
	spy.waitFrame(t, d.Name, "catalog just now")
	typeKeys(tm, "<enter>")
	spy.waitFrame(t, "1 of 10")
	typeKeys(tm, "r")
	spy.waitFrame(t, "✓ checked with Zoom", "no problems")
	typeKeys(tm, "s")
	spy.waitFrame(t, "✓ verified     1 of 1")
	time.Sleep(200 * time.Millisecond) // the pruned catalog's message lands
	quit(t, tm)

	for name, c := range map[string]*state.Catalog{"the wizard's": spy.App.ctx.Catalog, "the service's": w.service.CachedCatalog()} {
		for _, n := range c.Numbers {
			if n.Number == number {
				t.Errorf("%s catalog still offers %s, submitted a moment ago", name, number)
			}
		}
	}
	cached, err := state.LoadCatalog(w.home)
	if err != nil || cached == nil {
		t.Fatalf("cached catalog: %v", err)
	}
	for _, n := range cached.Numbers {
		if n.Number == number {
			t.Errorf("the cached catalog still offers %s", number)
		}
	}
}

func siteID(c *state.Catalog, name string) string {
	for _, s := range c.Sites {
		if s.Name == name {
			return s.ID
		}
	}
	return ""
}

// An edit applied by a screen whose DraftChanged message is still queued
// when the program quits (a scan a moment before ctrl+c on a loaded
// machine) is saved all the same: the final save compares the draft with
// the version on disk instead of trusting that the message arrived.
func TestQuitSavesAnEditWhoseChangeMessageIsStillQueued(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 2)
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	if a.dirty {
		t.Fatal("a freshly opened draft is marked dirty")
	}
	// The screen edits in place; its Changed() command has not run yet.
	a.ctx.Draft.Users[1].DeskPhones = []state.DeskPhone{{MAC: "805ec0b20304", Brand: "Yealink", Model: "t46s"}}
	a.shutdown()
	saved, err := e.store.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Users[1].DeskPhones) != 1 || saved.Users[1].DeskPhones[0].MAC != "805ec0b20304" {
		t.Fatalf("the scan applied before quitting was not saved: %+v", saved.Users[1].DeskPhones)
	}
}
