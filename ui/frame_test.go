package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/ui/keys"
)

// The shell's frame: the batch table's layout, spinner routing, the
// breadcrumb and the header when short of room.

// The batch table shows numbers readably, and a wide window shows more
// of a row's problem than its field's name.
func TestBatchTableReadableNumbersAndWideStatus(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 2)
	d.Users[0].PhoneNumbers = []string{"+16468201000", "+16468201001"}
	d.Users[0].OutboundCallerID = "+16468201000"
	d.Users[1].ExtensionNumber = ""
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	if !strings.Contains(screen(a), "+1 646-820-1000 +1") {
		t.Errorf("numbers not readable:\n%s", screen(a))
	}
	send(t, a, tea.WindowSizeMsg{Width: 160, Height: 30})
	if !strings.Contains(screen(a), "extension number is required") {
		t.Errorf("wide window does not show the problem:\n%s", screen(a))
	}
	send(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	if !strings.Contains(screen(a), "✗ extension") || strings.Contains(screen(a), "✗ extension n…") {
		t.Errorf("100 columns cut the status short:\n%s", screen(a))
	}
}

// tickScreen is a screen with its own spinner, counting its ticks.
type tickScreen struct {
	spin  spinner.Model
	ticks int
}

func (s *tickScreen) Init() tea.Cmd { return nil }
func (s *tickScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if t, ok := msg.(spinner.TickMsg); ok && t.ID == s.spin.ID() {
		s.ticks++
	}
	return s, nil
}
func (s *tickScreen) View() string          { return "" }
func (s *tickScreen) SetSize(int, int)      {}
func (s *tickScreen) KeyMap() help.KeyMap   { return keys.Map{} }
func (s *tickScreen) CapturingText() bool   { return false }
func (s *tickScreen) Title() string         { return "ticks" }
func (s *tickScreen) tick() spinner.TickMsg { return s.spin.Tick().(spinner.TickMsg) }
func newTickScreen() *tickScreen            { return &tickScreen{spin: spinner.New()} }
func (s *tickScreen) factory() common.Factory {
	return func(*common.Context, common.Navigate) common.Screen { return s }
}

// The shell routes spinner ticks by id: a screen's reach the screen, the
// header's stay with the shell.
func TestSpinnerTicksReachTheScreenThatOwnsThem(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 1)
	a := offlineApp(t, e)
	s := newTickScreen()
	a.factories[common.ScanScreen] = s.factory()
	send(t, a, common.Navigate{To: common.ScanScreen, DraftID: d.ID})
	a.Update(s.tick())
	a.Update(a.spinner.Tick())
	if s.ticks != 1 {
		t.Errorf("screen got %d of its ticks, want 1 (and none of the shell's)", s.ticks)
	}
}

// A long draft name shrinks in the breadcrumb before the current screen's
// name does, so the header still says where the operator is.
func TestBreadcrumbKeepsTheCurrentScreenName(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 2)
	d.Name = "import: sales-new-starters-for-the-london-office.csv (1 of 1)"
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, common.Navigate{To: common.ReviewScreen})
	top := strings.Split(screen(a), "\n")[0]
	if !strings.Contains(top, "› review") || !strings.Contains(top, "SANDBOX") {
		t.Errorf("header lost the screen name or the badge: %q", top)
	}
	if !strings.Contains(top, "import: sales-new-st") {
		t.Errorf("the draft name should shrink, not vanish: %q", top)
	}
}

// At 80 columns the account name gives way before the user's name does.
func TestNarrowHeaderDropsTheAccountBeforeTheScreenName(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 2)
	d.Name = "import: new-starters.csv (1 of 1)"
	d.Users[0].FirstName, d.Users[0].LastName = "Maximilian", "Fairweather"
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := offlineApp(t, e)
	a.ctx.Account = "Example Corp"
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, common.Navigate{To: common.UserScreen, User: 0})
	top := strings.Split(screen(a), "\n")[0]
	name := a.ctx.Draft.Users[0].DisplayName()
	if !strings.Contains(top, name) || !strings.Contains(top, "SANDBOX") {
		t.Errorf("80-column header lost %q or the badge: %q", name, top)
	}
}
