package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"zpadd/ui/common"
)

// Every screen fits zpadd's smallest window, 60×16: golden frames, no line
// wider and no frame taller than the window, and the batch table keeps its
// status column. Run with -update to rewrite the frames.
func TestGoldenScreensAt60x16(t *testing.T) {
	screens := []struct {
		name string
		nav  *common.Navigate
		want string
	}{
		{"home", nil, "Drafts"},
		{"batch", &common.Navigate{To: common.BatchScreen}, "✓"},
		{"defaults", &common.Navigate{To: common.DefaultsScreen}, "Phone number"},
		{"user", &common.Navigate{To: common.UserScreen, User: 0}, "Email"},
		{"scan", &common.Navigate{To: common.ScanScreen}, "MAC"},
		{"review", &common.Navigate{To: common.ReviewScreen}, "4 users"},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			e := newEnv(t)
			d := tenUserDraft(t, e, 4)
			a := offlineApp(t, e)
			a.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
			send(t, a, common.Shown{})
			if sc.nav != nil {
				send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
				if sc.nav.To != common.BatchScreen {
					send(t, a, *sc.nav)
				}
			}
			f := screen(a)
			lines := strings.Split(f, "\n")
			if len(lines) > 16 {
				t.Errorf("%d lines", len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > 60 {
					t.Errorf("line %d cells wide: %q", w, l)
				}
			}
			if !strings.Contains(f, sc.want) {
				t.Errorf("frame lacks %q:\n%s", sc.want, f)
			}
			golden.RequireEqual(t, []byte(f))
		})
	}
}
