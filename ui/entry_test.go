package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

// onlineApp is offlineApp with the sandbox service kept, for lookups.
func onlineApp(t *testing.T, e *env) *App {
	t.Helper()
	cat := e.catalog(t, fixedNow.Add(-2*time.Minute))
	a := newApp(context.Background(), e.options())
	a.ctx.Catalog, a.ctx.CatalogStale = cat, false
	a.ctx.Now = func() time.Time { return fixedNow }
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return a
}

// focusedLine is the screen line holding the cursor mark.
func focusedLine(a *App) string {
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, "▸") {
			return l
		}
	}
	return ""
}

// Pasted users, `a` and `zpadd add` get the next free extensions at their
// site (after the batch's own 1101, 1102), so ten emails need no typing.
func TestAddedUsersGetTheNextFreeExtensions(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 2)
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, tea.PasteMsg{Content: "ada@example.com, alan@example.com"})
	got := a.ctx.Draft.Users
	if got[2].ExtensionNumber != "1103" || got[3].ExtensionNumber != "1104" {
		t.Fatalf("pasted users' extensions %q, %q; want 1103, 1104", got[2].ExtensionNumber, got[3].ExtensionNumber)
	}
	send(t, a, press("a")...)
	if n := len(a.ctx.Draft.Users); n != 5 || a.ctx.Draft.Users[4].ExtensionNumber != "1105" {
		t.Fatalf("user added with a: %+v", a.ctx.Draft.Users[n-1])
	}

	// `zpadd add` opens a new draft holding its users.
	e2 := newEnv(t)
	if err := e2.store.SaveLastDefaults(state.Defaults{SiteName: "Main Site"}); err != nil {
		t.Fatal(err)
	}
	b := offlineApp(t, e2)
	send(t, b, common.NewDraft{Users: []string{"ada@example.com", "alan@example.com"}})
	us := b.ctx.Draft.Users
	if len(us) != 2 || us[0].ExtensionNumber == "" || us[0].ExtensionNumber == us[1].ExtensionNumber {
		t.Fatalf("zpadd add users' extensions: %+v", us)
	}
	for _, p := range state.Validate(b.ctx.Draft, b.ctx.Catalog) {
		if p.Field == "extension_number" {
			t.Errorf("filled extension has a problem: %v", p)
		}
	}
}

// Pasted users are looked up in the background: names fill in, and a
// pending Zoom user's row is marked with the warning.
func TestPastedUsersAreLookedUp(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	a := onlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, tea.PasteMsg{Content: "grace.wilson@example.com\nnina.pending@example.com"})
	u := a.ctx.Draft.Users[1]
	if u.FirstName != "Grace" || u.LastName != "Wilson" {
		t.Fatalf("names not filled from Zoom: %+v", u)
	}
	var nina string
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, "nina.pending") {
			nina = l
		}
	}
	if !strings.Contains(nina, "!") && !strings.Contains(nina, "✗") {
		t.Errorf("pending user's row has no warning mark: %q", nina)
	}
	found := false
	for _, p := range a.ctx.LookupProblems(a.ctx.Draft, nil) {
		found = found || (p.User == 2 && strings.Contains(p.Message, "pending"))
	}
	if !found {
		t.Errorf("no lookup warning for the pending user")
	}
}

// A choice in a defaults picker moves the focus on (site → template).
func TestDefaultsPickerMovesFocusOn(t *testing.T) {
	e := newEnv(t)
	a := offlineApp(t, e)
	send(t, a, common.NewDraft{})
	if !strings.Contains(focusedLine(a), "Site") {
		t.Fatalf("defaults do not start on the site: %q", focusedLine(a))
	}
	send(t, a, press("<enter><enter>")...)
	if a.ctx.Draft.Defaults.SiteName == "" {
		t.Fatalf("no site chosen:\n%s", screen(a))
	}
	if !strings.Contains(focusedLine(a), "User template") {
		t.Errorf("focus did not move to the template after choosing the site: %q", focusedLine(a))
	}
}

// A choice in a user-form picker moves the focus on too.
func TestUserFormPickerMovesFocusOn(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, common.Navigate{To: common.UserScreen, User: 0, Field: "site_name"})
	send(t, a, press("<enter><enter>")...)
	if !strings.Contains(focusedLine(a), "Template") {
		t.Errorf("focus did not move to the template: %q", focusedLine(a))
	}
}

// A blank caller ID of a user with numbers suggests the first number
// (→ takes it), and validation warns until then.
func TestCallerIDSuggestsTheFirstNumber(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	d.Users[0].PhoneNumbers = []string{"+16468201000"}
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, common.Navigate{To: common.UserScreen, User: 0, Field: "outbound_caller_id"})
	if l := focusedLine(a); !strings.Contains(l, "+16468201000") || !strings.Contains(l, "→ to use") {
		t.Fatalf("no caller ID suggestion: %q", l)
	}
	if !strings.Contains(screen(a), "Zoom will hide this user's caller ID") {
		t.Errorf("no blank caller ID warning:\n%s", screen(a))
	}
	send(t, a, press("<right>")...)
	if got := a.ctx.Draft.Users[0].OutboundCallerID; got != "+16468201000" {
		t.Errorf("→ did not take the suggestion: %q", got)
	}
}

// A user deleted and pasted again gets the names Zoom gave earlier in the
// run at once (the answer is remembered, not asked again).
func TestRepastedUserGetsRememberedNames(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	a := onlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, tea.PasteMsg{Content: "grace.wilson@example.com"})
	send(t, a, press("xy")...)
	if len(a.ctx.Draft.Users) != 1 {
		t.Fatalf("delete failed: %+v", a.ctx.Draft.Users)
	}
	send(t, a, tea.PasteMsg{Content: "grace.wilson@example.com"})
	if u := a.ctx.Draft.Users[1]; u.FirstName != "Grace" {
		t.Errorf("re-pasted user has no name: %+v", u)
	}
}

// Defaults chosen after users were added (`zpadd add` with no last-used
// defaults, or a paste first) reach those users' empty fields when the
// defaults screen is left, extensions included.
func TestDefaultsChosenLaterReachUsersAlreadyAdded(t *testing.T) {
	e := newEnv(t)
	a := offlineApp(t, e)
	send(t, a, common.NewDraft{Users: []string{"grace.wilson@example.com", "henry.moore@example.com"}})
	for _, u := range a.ctx.Draft.Users {
		if u.SiteName != "" || u.ExtensionNumber != "" {
			t.Fatalf("precondition: users start without a site: %+v", u)
		}
	}
	// D opens the defaults; site (focus moves on), template, plans; esc.
	send(t, a, press("D<enter><enter><enter><enter><enter><enter><esc>")...)
	d := a.ctx.Draft
	if d.Defaults.SiteName == "" {
		t.Fatalf("no default site chosen:\n%s", screen(a))
	}
	for i, u := range d.Users {
		if u.SiteName != d.Defaults.SiteName || u.TemplateName != d.Defaults.TemplateName || len(u.CallingPlans) == 0 {
			t.Errorf("user %d did not get the defaults: %+v", i+1, u)
		}
		if u.ExtensionNumber == "" {
			t.Errorf("user %d got no extension", i+1)
		}
	}
	send(t, a, saveTickMsg{}) // the coalesced save's timer
	saved, err := e.store.Load(d.ID)
	if err != nil || saved.Users[0].SiteName == "" {
		t.Errorf("filled users were not saved: %v %+v", err, saved)
	}
	if !strings.Contains(screen(a), "defaults given to 2 user(s)") {
		t.Errorf("no status line about the filled users:\n%s", screen(a))
	}
}
