package results

import (
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom/sandbox"
)

// Zoom refuses Trudy with a message carrying OSC 52, ESC[2J, a bidi
// override and a one-byte CSI: the results screen shows it escaped, on
// her row, with none of those bytes in the view.
func TestResultsShowZoomsHostileRefusalEscaped(t *testing.T) {
	w := newWorld(t, sandbox.Options{HostileNames: true})
	d := state.NewDraft("Hostile", state.Defaults{})
	i, err := d.AddUser(sandbox.HostileRefusedEmail)
	if err != nil {
		t.Fatal(err)
	}
	u := &d.Users[i]
	u.FirstName, u.LastName, u.ExtensionNumber = "Trudy", "Clean", "9102"
	u.SiteName, u.TemplateName, u.CallingPlans = sandbox.HostileSiteName, sandbox.HostileTemplateName, []string{"US/CA Unlimited"}
	w.open(t, d)
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	raw := l.screen.View()
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\u202e", "\u009b", "\x07"} {
		if strings.Contains(raw, bad) {
			t.Errorf("%q reached the view:\n%q", bad, raw)
		}
	}
	row := lineWith(l.view(), "Trudy Clean")
	if !strings.Contains(row, "✗ refused") || !strings.Contains(row, `User \x1b]52;c;cG93bmVk\x07blocked`) {
		t.Errorf("Trudy's row should show Zoom's refusal, escaped:\n%s", l.view())
	}
}
