package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"zpadd/ui/common"
)

// Every picker renders inside zpadd's smallest window (60×16) and at the
// sketches' 100×30: golden frames of each, and no line wider or frame
// taller than the window. Run with -update to rewrite the frames.
func TestGoldenPickersFit(t *testing.T) {
	pickers := []struct {
		name string
		open func(t *testing.T, a *App, draftID string)
	}{
		{"defaults_site", func(t *testing.T, a *App, id string) {
			send(t, a, common.Navigate{To: common.DefaultsScreen})
			send(t, a, press("<enter>")...)
		}},
		{"defaults_plans_filtered", func(t *testing.T, a *App, id string) {
			send(t, a, common.Navigate{To: common.DefaultsScreen})
			send(t, a, press("<down><down>uk unl")...)
		}},
		{"user_plans", func(t *testing.T, a *App, id string) {
			send(t, a, common.Navigate{To: common.UserScreen, User: 0, Field: "calling_plans"})
			send(t, a, press("<enter>")...)
		}},
		{"user_numbers", func(t *testing.T, a *App, id string) {
			send(t, a, common.Navigate{To: common.UserScreen, User: 0, Field: "phone_numbers"})
			send(t, a, press("<enter>")...)
		}},
		{"scan_chooser", func(t *testing.T, a *App, id string) {
			send(t, a, common.Navigate{To: common.ScanScreen})
			send(t, a, tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
		}},
	}
	for _, size := range [][2]int{{60, 16}, {100, 30}} {
		for _, p := range pickers {
			t.Run(fmt.Sprintf("%s_%dx%d", p.name, size[0], size[1]), func(t *testing.T) {
				e := newEnv(t)
				d := tenUserDraft(t, e, 2)
				a := offlineApp(t, e)
				a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
				p.open(t, a, d.ID)
				f := screen(a)
				lines := strings.Split(f, "\n")
				if len(lines) > size[1] {
					t.Errorf("%d lines in a %d-line window", len(lines), size[1])
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("line %d cells wide in %d: %q", w, size[0], l)
					}
				}
				if !strings.Contains(f, "filter") {
					t.Errorf("no picker drawn:\n%s", f)
				}
				golden.RequireEqual(t, []byte(f))
			})
		}
	}
}
