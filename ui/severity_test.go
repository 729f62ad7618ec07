package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

// Users Zoom will not add (inactive, pending, no such user) carry one
// severity everywhere: ✗ (error) in the batch table, on the form's email
// and in review's pre-flight.
func TestOneSeverityForLookedUpUsers(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	a := onlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	emails := []string{"paul.inactive@example.com", "nina.pending@example.com", "nobody.here@example.com"}
	send(t, a, tea.PasteMsg{Content: strings.Join(emails, "\n")})

	table := screen(a)
	for _, email := range emails {
		row := ""
		for _, l := range strings.Split(table, "\n") {
			if strings.Contains(l, email) {
				row = l
			}
		}
		if !strings.Contains(row, "✗") {
			t.Errorf("batch row of %s not marked ✗: %q", email, row)
		}
	}
	for _, p := range a.ctx.LookupProblems(a.ctx.Draft, nil) {
		if p.Severity != state.Error {
			t.Errorf("table/form problem %q is %v, want an error", p.Message, p.Severity)
		}
	}

	send(t, a, common.Navigate{To: common.UserScreen, User: 1, Field: "email"})
	if l := focusedLine(a); !strings.Contains(l, "✗") {
		t.Errorf("form's email of the inactive user not marked ✗: %q", l)
	}

	pf, err := e.service.Preflight(context.Background(), a.ctx.Draft, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		found := false
		for _, p := range pf.ForUser(i) {
			if p.Field == "email" {
				found = true
				if p.Severity != state.Error {
					t.Errorf("review: %s is %v, want an error like the table", p.Message, p.Severity)
				}
			}
		}
		if !found {
			t.Errorf("review has no email problem for user %d", i+1)
		}
	}
}

// A typo'd domain next to users Zoom knows gets a suggestion.
func TestTypoEmailGetsDidYouMean(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	a := onlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, tea.PasteMsg{Content: "grace.wilson@example.com\njack.anderson@exampel.com"})
	for _, p := range a.ctx.LookupProblems(a.ctx.Draft, nil) {
		if p.User == 2 && strings.Contains(p.Message, "did you mean jack.anderson@example.com?") {
			return
		}
	}
	t.Fatalf("no suggestion for the typo: %+v", a.ctx.LookupProblems(a.ctx.Draft, nil))
}
