package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// Flows of the scan, review and submit screens through the whole app under
// teatest. The renderer only repaints changed cells, so a phrase may never
// appear whole in the output stream; frameSpy keeps the last full frame
// (and counts bells) so the test can wait for what the operator would see.

type frameSpy struct {
	*App
	mu    *sync.Mutex
	frame *string
	bells *int
}

func newFrameSpy(a *App) frameSpy {
	return frameSpy{App: a, mu: &sync.Mutex{}, frame: new(string), bells: new(int)}
}

func (s frameSpy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := s.App.Update(msg)
	s.mu.Lock()
	if _, ok := msg.(common.Bell); ok {
		*s.bells++
	}
	*s.frame = ansi.Strip(s.App.render())
	s.mu.Unlock()
	return s, cmd
}

func (s frameSpy) now() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return *s.frame, *s.bells
}

// waitFrame waits until the current frame shows every text.
func (s frameSpy) waitFrame(t *testing.T, texts ...string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		f, _ := s.now()
		missing := ""
		for _, x := range texts {
			if !strings.Contains(f, x) {
				missing = x
				break
			}
		}
		if missing == "" {
			return f
		}
		if time.Now().After(deadline) {
			t.Fatalf("frame never showed %q; last frame:\n%s", missing, f)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sandboxWorld is a sandbox with chosen behaviours and the app's back ends.
type sandboxWorld struct {
	*env
	sb     *sandbox.Sandbox
	client *zoom.Client
}

func newSandboxWorld(t *testing.T, o sandbox.Options) *sandboxWorld {
	t.Helper()
	e := newEnv(t)
	sb := sandbox.New(o)
	svc, c, err := submit.NewForSandbox(sb, e.home, e.store, e.journal)
	if err != nil {
		t.Fatal(err)
	}
	settleAtCleanup(t, svc)
	e.service = svc
	return &sandboxWorld{env: e, sb: sb, client: c}
}

// cartUsers saves a draft of free sandbox users at Main Site, no phones yet.
func cartUsers(t *testing.T, e *env, n int) *state.Draft {
	t.Helper()
	d := state.NewDraft("Cart 26 Nov", state.Defaults{SiteName: "Main Site", TemplateName: "Main Site Standard User",
		CallingPlans: []string{"US/CA Unlimited"}, DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s", ProvisionTemplate: "HQ Yealink"})
	people := [][2]string{{"Grace", "Wilson"}, {"Henry", "Moore"}, {"Isabel", "Taylor"}, {"Jack", "Anderson"}, {"Mei", "Chen"}}
	for k := 0; k < n; k++ {
		i, err := d.AddUser(strings.ToLower(people[k][0]+"."+people[k][1]) + "@example.com")
		if err != nil {
			t.Fatal(err)
		}
		d.Users[i].FirstName, d.Users[i].LastName = people[k][0], people[k][1]
		d.Users[i].ExtensionNumber = []string{"1201", "1202", "1203", "1204", "1205"}[k]
	}
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func startApp(t *testing.T, e *env) (*teatest.TestModel, frameSpy) {
	spy := newFrameSpy(newApp(context.Background(), e.options()))
	tm := teatest.NewTestModel(t, spy, teatest.WithInitialTermSize(100, 30))
	return tm, spy
}

// openCartBatch saves a cart of n users, starts the app and opens the
// draft's batch table from Home.
func openCartBatch(t *testing.T, w *sandboxWorld, n int) (*state.Draft, *teatest.TestModel, frameSpy) {
	t.Helper()
	d := cartUsers(t, w.env, n)
	tm, spy := startApp(t, w.env)
	spy.waitFrame(t, d.Name)
	typeKeys(tm, "<enter>")
	spy.waitFrame(t, fmt.Sprintf("%d of 10", n))
	return d, tm, spy
}

func quit(t *testing.T, tm *teatest.TestModel) {
	typeKeys(tm, "<ctrl+c>")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

// Flow 1: a draft with batch defaults and 3 users; their desk phones come
// from scanner bursts (key by key, and one as a paste); review finds
// nothing; submit creates and verifies all three.
func TestFlowScanReviewSubmitAllCreated(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	_, tm, spy := openCartBatch(t, w, 3)
	typeKeys(tm, "s")
	spy.waitFrame(t, "Scan the MAC barcode")
	typeKeys(tm, "805EC0B20201<enter>")
	typeKeys(tm, "]C0MAC:80-5E-C0-B2-02-02<enter>")
	tm.Send(tea.PasteMsg{Content: "80:5e:c0:b2:02:03\r\n"})
	spy.waitFrame(t, "3 of 3 users have a desk phone", "✓ 80:5e:c0:b2:02:03 → Isabel Taylor")
	typeKeys(tm, "<esc>")
	spy.waitFrame(t, "3 of 10")
	typeKeys(tm, "r")
	spy.waitFrame(t, "✓ checked with Zoom", "no problems")
	typeKeys(tm, "s")
	f := spy.waitFrame(t, "✓ verified     3 of 3")
	if n := strings.Count(f, "✓ created"); n != 3 {
		t.Fatalf("%d users created on screen, want 3:\n%s", n, f)
	}
	quit(t, tm)

	for k, email := range []string{"grace.wilson@example.com", "henry.moore@example.com", "isabel.taylor@example.com"} {
		pu, err := w.client.GetPhoneUser(context.Background(), email)
		if err != nil {
			t.Fatalf("%s not a phone user after submit: %v", email, err)
		}
		if want := []string{"1201", "1202", "1203"}[k]; !sameExtension(pu.ExtensionNumber, want) {
			t.Fatalf("%s has extension %v, want %s", email, pu.ExtensionNumber, want)
		}
	}
	if n := w.sb.CountRequests("POST", "/v2/phone/users/batch"); n != 1 {
		t.Fatalf("%d batch POSTs, want 1", n)
	}
}

// Flow 2: Zoom refuses one user (its extension was taken after the review's
// pre-flight; the sandbox refuses all or nothing): Zoom's message shows at
// that user's extension, and f turns the users not added into a new draft.
func TestFlowRefusedUserShownAtFieldThenFailedDraft(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{Outcome: sandbox.AllOrNothing})
	_, tm, spy := openCartBatch(t, w, 3)
	typeKeys(tm, "r")
	spy.waitFrame(t, "✓ checked with Zoom")

	// Someone else takes Henry's extension between review and submit.
	other := state.User{Email: "mei.chen@example.com", ExtensionNumber: "1202", SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"}}
	if _, err := w.client.BatchAddUsers(context.Background(), zoom.BatchUsers([]state.User{other})); err != nil {
		t.Fatal(err)
	}
	typeKeys(tm, "s")
	f := spy.waitFrame(t, "✗ refused", "Henry Moore")
	henry := ""
	for _, l := range strings.Split(f, "\n") {
		if strings.Contains(l, "Henry Moore") {
			henry = l
		}
	}
	if !strings.Contains(henry, "1202") || !strings.Contains(henry, "✗ refused") {
		t.Fatalf("Henry's row lacks Zoom's message:\n%s", f)
	}
	// The others are read back before the outcome is final; f is offered
	// (in the help line) once it is.
	spy.waitFrame(t, "f failed → new draft")
	typeKeys(tm, "f")
	spy.waitFrame(t, "Cart 26 Nov (not added)")
	quit(t, tm)

	drafts, _, err := w.store.List()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, info := range drafts {
		if strings.Contains(info.Name, "(not added)") {
			nd, err := w.store.Load(info.ID)
			if err != nil {
				t.Fatal(err)
			}
			found = len(nd.Users) == 3
		}
	}
	if !found {
		t.Fatalf("no saved draft of the 3 users not added: %+v", drafts)
	}
}

// Flow 5: scan-only mode over 5 phones with one bad and one duplicate MAC:
// both are refused with a line and a bell, the five good scans land on the
// five users in order, and the draft is saved.
func TestFlowScanOnlyFivePhonesBadAndDuplicate(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	d, tm, spy := openCartBatch(t, w, 5)
	typeKeys(tm, "s")
	spy.waitFrame(t, "Scan the MAC barcode")

	typeKeys(tm, "805ec0b20301<enter>")
	typeKeys(tm, "805ec0b20302<enter>")
	typeKeys(tm, "805ec0b2030<enter>") // 11 digits: bad
	spy.waitFrame(t, "✗ 805ec0b2030: only 11 hex digits")
	typeKeys(tm, "80:5e:c0:b2:03:01<enter>") // Grace's: duplicate
	spy.waitFrame(t, "✗ 80:5e:c0:b2:03:01 is already Grace Wilson's desk phone")
	typeKeys(tm, "805ec0b20303<enter>")
	typeKeys(tm, "805ec0b20304<enter>")
	tm.Send(tea.PasteMsg{Content: "805ec0b20305\r"})
	f := spy.waitFrame(t, "5 of 5 users have a desk phone")
	if _, bells := spy.now(); bells != 2 {
		t.Fatalf("%d bells, want 2 (bad, duplicate):\n%s", bells, f)
	}
	quit(t, tm)

	got, err := w.store.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for k, u := range got.Users {
		want := []string{"805ec0b20301", "805ec0b20302", "805ec0b20303", "805ec0b20304", "805ec0b20305"}[k]
		if len(u.DeskPhones) != 1 || u.DeskPhones[0].MAC != want || u.DeskPhones[0].Model != "t46s" {
			t.Fatalf("user %d saved with %+v, want one t46s %s", k+1, u.DeskPhones, want)
		}
	}
}

// sameExtension compares Zoom's extension (a number, maybe with the site
// code in front) with the short one typed.
func sameExtension(got any, want string) bool {
	s := strings.TrimSpace(fmt.Sprint(got))
	return s == want || strings.HasSuffix(s, want)
}
