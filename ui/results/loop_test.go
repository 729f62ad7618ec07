package results

import (
	"context"
	"reflect"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// loop plays bubbletea for one screen: commands run in goroutines, their
// messages come back to the screen on the test goroutine; messages meant
// for the shell are recorded instead.
type loop struct {
	t      *testing.T
	screen common.Screen
	msgs   chan tea.Msg
	shell  []tea.Msg
}

func newLoop(t *testing.T, s common.Screen) *loop {
	l := &loop{t: t, screen: s, msgs: make(chan tea.Msg, 256)}
	l.exec(s.Init())
	return l
}

func (l *loop) exec(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < v.Len(); i++ {
				l.exec(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if msg != nil {
			l.msgs <- msg
		}
	}()
}

func (l *loop) send(msg tea.Msg) {
	s, cmd := l.screen.Update(msg)
	l.screen = s
	l.exec(cmd)
}

// until delivers messages until cond holds.
func (l *loop) until(what string, cond func() bool) {
	l.t.Helper()
	deadline := time.After(20 * time.Second)
	for !cond() {
		select {
		case msg := <-l.msgs:
			switch msg.(type) {
			case spinner.TickMsg:
				// drop: keeps the spinner from ticking forever in tests
			case common.Navigate, common.Back, common.StatusMsg, common.ErrorMsg, common.Bell,
				common.DraftChanged, common.NewDraft:
				l.shell = append(l.shell, msg)
			default:
				l.send(msg)
			}
		case <-deadline:
			l.t.Fatalf("timed out waiting for %s; screen:\n%s", what, ansi.Strip(l.screen.View()))
		}
	}
}

func (l *loop) view() string { return ansi.Strip(l.screen.View()) }

// world is a sandbox account with a service, home, store and journal.
type world struct {
	sb     *sandbox.Sandbox
	svc    *submit.Service
	client *zoom.Client
	home   state.Home
	store  *state.Store
	ctx    *common.Context
}

func newWorld(t *testing.T, o sandbox.Options) *world {
	t.Helper()
	home := state.HomeUnder(t.TempDir())
	sb := sandbox.New(o)
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	st, err := state.OpenStore(home)
	if err != nil {
		t.Fatal(err)
	}
	j, err := state.OpenJournal(home)
	if err != nil {
		t.Fatal(err)
	}
	svc, c, err := submit.NewForSandbox(sb, home, st, j)
	if err != nil {
		t.Fatal(err)
	}
	// Background work (a watch, a catalog refresh) ends before the test's
	// home is removed.
	t.Cleanup(func() { svc.Settle(20 * time.Second) })
	ctx := &common.Context{Styles: styles.New(true), Home: home, Store: st, Journal: j, Service: svc, Sandbox: true, Width: 100, Height: 26}
	return &world{sb: sb, svc: svc, client: c, home: home, store: st, ctx: ctx}
}

// open saves d and opens it through a session on the world's service, as
// the shell does before the submit screen.
func (w *world) open(t *testing.T, d *state.Draft) {
	t.Helper()
	if err := w.store.Save(d); err != nil {
		t.Fatal(err)
	}
	ss, err := submit.OpenSession(w.store, w.ctx.Service, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ss.Close() })
	w.ctx.Draft, w.ctx.Session = d, ss
}

// cartDraft is three free sandbox users at Main Site, each with a Yealink.
func cartDraft(t *testing.T) *state.Draft {
	t.Helper()
	d := state.NewDraft("Onboarding 26 Nov", state.Defaults{
		SiteName: "Main Site", TemplateName: "Main Site Standard User", CallingPlans: []string{"US/CA Unlimited"},
		DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s", ProvisionTemplate: "HQ Yealink",
	})
	for k, email := range []string{"grace.wilson@example.com", "henry.moore@example.com", "isabel.taylor@example.com"} {
		i, err := d.AddUser(email)
		if err != nil {
			t.Fatal(err)
		}
		u := &d.Users[i]
		u.FirstName = []string{"Grace", "Henry", "Isabel"}[k]
		u.LastName = []string{"Wilson", "Moore", "Taylor"}[k]
		u.ExtensionNumber = []string{"1101", "1102", "1103"}[k]
		u.DeskPhones = []state.DeskPhone{d.NewDeskPhone([]string{"805ec0b20101", "805ec0b20102", "805ec0b20103"}[k])}
	}
	return d
}

func catalogOf(t *testing.T, w *world) *state.Catalog {
	t.Helper()
	c, err := w.svc.RefreshCatalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}
