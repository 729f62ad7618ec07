package ui

import (
	"strings"
	"testing"

	"zpadd/ui/common"
)

// "?" opens the full help on every screen, even while the user form's
// email field or the scan screen's MAC field has focus (neither ever holds
// a "?"), and the help explains the marks.
func TestQuestionMarkOpensHelpOnEveryScreen(t *testing.T) {
	screens := []struct {
		name string
		nav  common.Navigate
		want string
	}{
		{"batch", common.Navigate{To: common.BatchScreen}, "paste"},
		{"defaults", common.Navigate{To: common.DefaultsScreen}, "next field"},
		{"user form", common.Navigate{To: common.UserScreen, User: 0, Field: "email"}, "jump to field"},
		{"scan", common.Navigate{To: common.ScanScreen}, "undo"},
		{"review", common.Navigate{To: common.ReviewScreen}, "back"},
	}
	for _, sc := range screens {
		// A fresh home each time: one zpadd owns an open draft.
		e := newEnv(t)
		d := tenUserDraft(t, e, 2)
		a := offlineApp(t, e)
		send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
		if sc.nav.To != common.BatchScreen {
			send(t, a, sc.nav)
		}
		before := a.ctx.Draft.Users[0].Email
		send(t, a, press("?")...)
		f := screen(a)
		if !strings.Contains(f, "marks: ✓ ready · ! warning") || !strings.Contains(f, sc.want) {
			t.Errorf("%s: ? did not open the full help with the marks and %q:\n%s", sc.name, sc.want, f)
		}
		if a.ctx.Draft.Users[0].Email != before {
			t.Errorf("%s: ? was typed into the field: %q", sc.name, a.ctx.Draft.Users[0].Email)
		}
	}
}
