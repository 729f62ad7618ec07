package ui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// env is a home folder with a store, a journal and a sandbox-backed
// service, as `zpadd --sandbox` runs.
type env struct {
	home    state.Home
	store   *state.Store
	journal *state.Journal
	service *submit.Service
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, sandbox.Options{})
}

// newEnvWith is newEnv over a sandbox with the given behaviours.
func newEnvWith(t testing.TB, o sandbox.Options) *env {
	t.Helper()
	home := state.HomeUnder(t.TempDir())
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
	svc, _, err := submit.NewForSandbox(sandbox.New(o), home, st, j)
	if err != nil {
		t.Fatal(err)
	}
	settleAtCleanup(t, svc)
	return &env{home: home, store: st, journal: j, service: svc}
}

// settleAtCleanup stops and waits for svc's background work (a catalog
// refresh the app started, a watch) when the test ends, as quitting zpadd
// does, so none of it writes into the test's home while it is removed.
func settleAtCleanup(t testing.TB, svc *submit.Service) {
	t.Cleanup(func() {
		if !svc.Settle(20 * time.Second) {
			t.Errorf("work still running at the end of the test: %v", svc.Busy())
		}
	})
}

func (e *env) options() Options {
	return Options{Home: e.home, Store: e.store, Journal: e.journal, Service: e.service, Sandbox: true, Account: "Example Corp", Theme: "dark"}
}

// catalog fetches the sandbox's catalog once, dated at a fixed time.
func (e *env) catalog(t testing.TB, at time.Time) *state.Catalog {
	t.Helper()
	c, err := e.service.RefreshCatalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cp := *c
	cp.FetchedAt = at
	return &cp
}

// fixedNow is the clock of golden files.
var fixedNow = time.Date(2025, 11, 26, 9, 30, 0, 0, time.UTC)

// offlineApp is an App with a pinned clock and catalog and no background
// work (no service), for goldens and benchmarks: deterministic frames.
func offlineApp(t testing.TB, e *env) *App {
	t.Helper()
	o := e.options()
	cat := e.catalog(t, fixedNow.Add(-2*time.Minute))
	o.Service = nil
	a := newApp(context.Background(), o)
	a.ctx.Catalog, a.ctx.CatalogStale = cat, false
	a.ctx.Now = func() time.Time { return fixedNow }
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return a
}

// send delivers messages to the app and runs the commands they return
// (and theirs), skipping any that do not finish quickly (ticks, timers).
func send(t testing.TB, a *App, msgs ...tea.Msg) {
	t.Helper()
	for _, m := range msgs {
		_, cmd := a.Update(m)
		run(t, a, cmd, 0)
	}
}

func run(t testing.TB, a *App, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 20 {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(150 * time.Millisecond):
		return // a tick or timer: not part of the step
	}
	if msg == nil {
		return
	}
	// tea.BatchMsg and tea's sequence message are both lists of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := 0; i < v.Len(); i++ {
			run(t, a, v.Index(i).Interface().(tea.Cmd), depth+1)
		}
		return
	}
	switch msg.(type) {
	case tea.QuitMsg, tea.RawMsg:
		return
	}
	_, next := a.Update(msg)
	run(t, a, next, depth+1)
}

// press turns a string into key presses: named keys in angle brackets
// ("<enter>", "<tab>", "<esc>"), everything else one rune at a time.
func press(s string) []tea.Msg {
	var out []tea.Msg
	for s != "" {
		if strings.HasPrefix(s, "<") {
			if j := strings.IndexByte(s, '>'); j > 1 {
				out = append(out, namedKey(s[1:j]))
				s = s[j+1:]
				continue
			}
		}
		r := []rune(s)[0]
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		s = s[len(string(r)):]
	}
	return out
}

func namedKey(name string) tea.Msg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	panic("unknown key " + name)
}

// screen is the app's frame as plain text.
func screen(a *App) string { return ansi.Strip(a.render()) }

// tenUserDraft saves a draft with n full users at the sandbox's main site.
func tenUserDraft(t testing.TB, e *env, n int) *state.Draft {
	t.Helper()
	yes := true
	d := state.NewDraft("Onboarding 26 Nov", state.Defaults{SiteName: "Main Site", TemplateName: "Main Site Standard User", CallingPlans: []string{"US/CA Unlimited"}, DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s", SMS: &yes})
	names := [][2]string{{"José", "Núñez"}, {"Liam", "O'Connor"}, {"Priya", "Raman"}, {"Wei", "Chen"}, {"Ana", "Silva"}, {"Ben", "Okafor"}, {"Chloé", "Martin"}, {"Dmitri", "Ivanov"}, {"Eva", "Novak"}, {"Farah", "Haddad"}}
	for i := 0; i < n; i++ {
		email := strings.ToLower(strings.NewReplacer("é", "e", "ú", "u", "'", "").Replace(names[i][0]+"."+names[i][1])) + "@example.com"
		j, err := d.AddUser(email)
		if err != nil {
			t.Fatal(err)
		}
		u := &d.Users[j]
		u.FirstName, u.LastName = names[i][0], names[i][1]
		u.ExtensionNumber = fmt.Sprintf("11%02d", i+1)
		u.DeskPhones = []state.DeskPhone{d.NewDeskPhone(fmt.Sprintf("80:5e:c0:b2:00:%02x", i+1))}
	}
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	return d
}
