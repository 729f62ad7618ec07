package results

import (
	"context"

	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"

	tea "charm.land/bubbletea/v2"
)

func TestSubmitShowsEveryUserCreatedAndVerified(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	d := cartDraft(t)
	w.open(t, d)
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })

	v := l.view()
	for _, want := range []string{
		"✓ pre-flight   3 users, 0 problems",
		"✓ sent         1 request · 201 Created",
		"✓ verified     3 of 3",
		"Grace Wilson", "Henry Moore", "Isabel Taylor",
	} {
		if !strings.Contains(v, want) {
			t.Fatalf("screen lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "✓ created"); n != 3 {
		t.Fatalf("%d users shown created, want 3:\n%s", n, v)
	}
	if !strings.Contains(v, "1101 ✓") || !strings.Contains(v, "✓ 80:5e:c0:b2:01:01") {
		t.Fatalf("verification marks missing:\n%s", v)
	}
	if got := w.sb.CountRequests("POST", "/v2/phone/users/batch"); got != 1 {
		t.Fatalf("%d POSTs, want exactly 1", got)
	}
	if m.sub == nil || m.sub.Outcome != submit.OutcomeDone {
		t.Fatalf("submission %+v, want outcome done", m.sub)
	}
}

func TestRefusalIsShownAtItsFieldAndFailedBecomeANewDraft(t *testing.T) {
	w := newWorld(t, sandbox.Options{Outcome: sandbox.AllOrNothing})
	d := cartDraft(t)
	w.open(t, d)
	// Pre-flight passes (the review ran it); then someone else takes Henry's
	// extension before the POST, so only Zoom can refuse it.
	if _, err := w.svc.Preflight(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	takeExtension(t, w, "mei.chen@example.com", "1102")

	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	v := l.view()
	henry := lineWith(v, "Henry Moore")
	if !strings.Contains(henry, "✗ refused") || !strings.Contains(henry, "1102") {
		t.Fatalf("Henry's row does not show Zoom's refusal:\n%s", v)
	}
	// Zoom's message sits in the extension column, where the field lives.
	header := lineWith(v, "User")
	msgCol := ansi.StringWidth(henry[:strings.Index(henry, "Extension number 1102")])
	extCol := ansi.StringWidth(header[:strings.Index(header, "extension")])
	if msgCol != extCol {
		t.Fatalf("refusal at column %d, extension column is %d:\n%s", msgCol, extCol, v)
	}

	l.send(keyPress('f'))
	l.until("the new draft", func() bool { return len(l.shell) > 0 && hasNavigate(l.shell) })
	drafts, _, err := w.store.List()
	if err != nil {
		t.Fatal(err)
	}
	var nd *state.Draft
	for _, info := range drafts {
		if info.ID != d.ID {
			nd, err = w.store.Load(info.ID)
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if nd == nil || len(nd.Users) != 3 || !strings.Contains(nd.Name, "not added") {
		t.Fatalf("failed users not saved as a new draft: %+v", nd)
	}
	nav := lastNavigate(l.shell)
	if nav.To != common.BatchScreen || nav.DraftID != nd.ID {
		t.Fatalf("navigated to %+v, want the new draft's batch screen", nav)
	}
}

func TestExportWritesCSVAndJSONAndSaysWhere(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)

	w := newWorld(t, sandbox.Options{})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	l.send(keyPress('e'))
	l.until("the export", func() bool { return m.note != "" })

	files, _ := filepath.Glob(filepath.Join(dir, "zpadd-results-onboarding-26-nov-*"))
	if len(files) != 2 {
		t.Fatalf("export wrote %v, want one CSV and one JSON", files)
	}
	if !strings.Contains(l.view(), dir) {
		t.Fatalf("screen does not say where the files went:\n%s", l.view())
	}
	for _, f := range files {
		st, _ := os.Stat(f)
		if st.Mode().Perm() != 0o600 {
			t.Fatalf("%s is %v, want 0600", f, st.Mode().Perm())
		}
		if strings.HasSuffix(f, ".json") {
			b, _ := os.ReadFile(f)
			var rs []map[string]any
			if err := json.Unmarshal(b, &rs); err != nil || len(rs) != 3 {
				t.Fatalf("JSON export: %v, %d rows", err, len(rs))
			}
			for _, k := range []string{"email", "status", "id", "error", "checks"} {
				if _, ok := rs[0][k]; !ok {
					t.Fatalf("JSON export lacks %q: %v", k, rs[0])
				}
			}
		}
	}
}

func TestBlockedSubmitSendsNothingAndSaysWhy(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	d := cartDraft(t)
	d.Users[1].ExtensionNumber = "1001" // alice.johnson's
	w.open(t, d)
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	if !strings.Contains(l.view(), "nothing was sent") {
		t.Fatalf("blocked submit not explained:\n%s", l.view())
	}
	if got := w.sb.CountRequests("POST", "/v2/phone/users/batch"); got != 0 {
		t.Fatalf("%d POSTs after a blocked pre-flight, want 0", got)
	}
}

// The watch starts by itself once the submit is verified (DESIGN: "the
// screen then watches each new desk phone"): no key is pressed here.
func TestWatchStartsByItselfAndReportsPhonesComingOnline(t *testing.T) {
	w := newWorld(t, sandbox.Options{DeviceOnlineAfter: 1})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	l.until("all phones online", func() bool { return m.prog.watchDone })
	v := l.view()
	if !strings.Contains(v, "✓ all 3 desk phones online") || strings.Count(v, "● online") != 3 {
		t.Fatalf("watch result not shown:\n%s", v)
	}
}

// w still toggles the watch: it stops the automatic one, which then stays
// off, and starts it again.
func TestWKeyStopsAndRestartsTheWatch(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the automatic watch", func() bool { return m.prog.finished && m.watching })
	l.send(keyPress('w'))
	if m.watching {
		t.Fatal("w did not stop the watch")
	}
	if strings.Contains(l.view(), "watching") {
		t.Errorf("stopped watch still shown:\n%s", l.view())
	}
	l.send(keyPress('w'))
	if !m.watching {
		t.Fatal("w did not start the watch again")
	}
	l.send(keyPress('w'))
}

func TestSettleWaitsForRunningSubmits(t *testing.T) {
	w := newWorld(t, sandbox.Options{PostDelay: 300_000_000})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the POST to start", func() bool { return m.prog.requests > 0 })
	if !w.svc.Settle(10_000_000_000) {
		t.Fatal("Settle timed out")
	}
	// Cancelled during the POST: the workflow still recorded Zoom's answer.
	hist, err := submitHistory(w)
	if err != nil || len(hist) != 1 {
		t.Fatalf("history %v (err %v), want the submission recorded", hist, err)
	}
	if c, _, _, _ := hist[0].Counts(); c != 3 {
		t.Fatalf("recorded %+v, want 3 created", hist[0].Results)
	}
}

func submitHistory(w *world) ([]state.Submission, error) {
	j, err := state.OpenJournal(w.home)
	if err != nil {
		return nil, err
	}
	return j.History()
}

func takeExtension(t *testing.T, w *world, email, ext string) {
	t.Helper()
	u := state.User{Email: email, ExtensionNumber: ext, SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"}}
	if _, err := w.client.BatchAddUsers(context.Background(), zoom.BatchUsers([]state.User{u})); err != nil {
		t.Fatalf("taking extension %s: %v", ext, err)
	}
}

func keyPress(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func lineWith(v, s string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func hasNavigate(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(common.Navigate); ok {
			return true
		}
	}
	return false
}

func lastNavigate(msgs []tea.Msg) common.Navigate {
	var n common.Navigate
	for _, m := range msgs {
		if v, ok := m.(common.Navigate); ok {
			n = v
		}
	}
	return n
}
