package scan

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/keys"
	"zpadd/ui/keys/keytest"
	"zpadd/ui/styles"
)

// helpKeys are the keys the screen's full help ("?") shows, less the
// shell's own (? and ctrl+c, handled by the app on every screen).
func helpKeys(km interface{ FullHelp() [][]key.Binding }) []string {
	var out []string
	for _, col := range km.FullHelp() {
		for _, b := range col {
			for _, k := range b.Keys() {
				if k != keys.Help.Keys()[0] && k != keys.Quit.Keys()[0] {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// Every key the scan screen's help shows is handled: pressing it changes
// the screen (or leaves it), or the "last:" line says why it is off. A key
// added to the help but not to the actions, or caught before them, fails.
func TestScanEveryHelpKeyIsHandled(t *testing.T) {
	for _, setup := range []struct {
		name  string
		draft func() *state.Draft
	}{
		{"users without phones", cartDraft},
		{"every user has a phone", func() *state.Draft {
			d := cartDraft()
			for i := range d.Users {
				d.Users[i].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b2000" + string(rune('1'+i)))}
			}
			return d
		}},
	} {
		probe := newDriftModel(setup.draft())
		shown := helpKeys(probe.KeyMap())
		if len(shown) < 5 {
			t.Fatalf("%s: help shows only %v", setup.name, shown)
		}
		for _, name := range shown {
			m, twin := newDriftModel(setup.draft()), newDriftModel(setup.draft())
			if name == "up" {
				m.moveTarget(1) // so ↑ has a user above to go to
				twin.moveTarget(1)
			}
			// Match runs the action it finds, so ask the twin.
			_, why, _ := twin.actions().Match(keytest.Press(name))
			before := ansi.Strip(m.View())
			_, cmd := m.Update(keytest.Press(name))
			after := ansi.Strip(m.View())
			switch {
			case why != "" && !strings.Contains(after, why):
				t.Errorf("%s: %s is off (%s) but the screen does not say so:\n%s", setup.name, name, why, after)
			case why == "" && before == after && cmd == nil:
				t.Errorf("%s: %s is in the help but pressing it changed nothing", setup.name, name)
			}
			if strings.Contains(m.input.Value(), name) {
				t.Errorf("%s: %s went into the MAC field instead of its action", setup.name, name)
			}
		}
	}
}

func newDriftModel(d *state.Draft) *Model {
	ctx := &common.Context{Styles: styles.New(true), Draft: d, Catalog: accountWith()}
	m := New(ctx, common.Navigate{}).(*Model)
	m.SetSize(100, 30)
	return m
}
