package home

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// A submitted draft whose emergency address was never set (zpadd stopped
// after the batch) is announced on Home; r sets it without a second batch,
// and the notice goes.
func TestHomeOffersToFinishFollowUpsLeftByACrash(t *testing.T) {
	home := state.HomeUnder(t.TempDir())
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	store, _ := state.OpenStore(home)
	journal, _ := state.OpenJournal(home)
	sb := sandbox.New(sandbox.Options{})
	svc, _, err := submit.NewForSandbox(sb, home, store, journal)
	if err != nil {
		t.Fatal(err)
	}
	// Background work (a watch, a catalog refresh) ends before the test's
	// home is removed.
	t.Cleanup(func() { svc.Settle(20 * time.Second) })
	if _, err := svc.RefreshCatalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	d := state.NewDraft("cart", state.Defaults{})
	d.Users = []state.User{{Email: "grace.wilson@example.com", ExtensionNumber: "1101", SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"}}}
	if err := store.Save(d); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Submit(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	// The address the follow-up never got to (as after a crash).
	d.Users[0].EmergencyAddress = "EAmain0Brooklyn000002"
	if err := store.Save(d); err != nil {
		t.Fatal(err)
	}
	ctx := &common.Context{Styles: styles.New(true), Home: home, Store: store, Journal: journal, Service: svc, Width: 100, Height: 30}
	m := New(ctx, common.Navigate{}).(*Model)
	m.Update(m.Init()()) // the journal's part of Home, read as the program does
	if v := ansi.Strip(m.View()); !strings.Contains(v, `"cart": emergency addresses not yet set after the batch`) || !strings.Contains(v, "r finishes them") {
		t.Fatalf("no notice on Home:\n%s", v)
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})
	msg := runUntil(t, cmd, func(msg tea.Msg) bool { _, ok := msg.(followUpsDone); return ok })
	m.Update(msg)
	if n := sb.CountRequests("PATCH", "/v2/phone/users/"); n != 1 {
		t.Errorf("PATCHes = %d, want 1", n)
	}
	if n := sb.CountRequests("POST", "/v2/phone/users/batch"); n != 1 {
		t.Errorf("POSTs = %d, want 1 (no second batch)", n)
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, "not yet set") {
		t.Errorf("the notice stayed after finishing:\n%s", v)
	}
}

// runUntil runs cmd (and the commands of any batch it returns) until a
// message satisfies want.
func runUntil(t *testing.T, cmd tea.Cmd, want func(tea.Msg) bool) tea.Msg {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && time.Now().Before(deadline) {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if want(msg) {
			return msg
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
		}
	}
	t.Fatal("the wanted message never came")
	return nil
}
