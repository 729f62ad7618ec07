package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

// waitText waits until the terminal output shows text.
func waitText(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(text))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func typeKeys(tm *teatest.TestModel, s string) {
	for _, m := range press(s) {
		tm.Send(m)
	}
}

// Flow 3: quit in the middle of the user form (ctrl+c asks nothing), start
// again: the draft, the user and the half-typed field are all there, and
// the draft is no longer locked.
func TestFlowQuitMidFormNothingLost(t *testing.T) {
	e := newEnv(t)
	tm := teatest.NewTestModel(t, NewApp(e.options()), teatest.WithInitialTermSize(100, 30))
	typeKeys(tm, "n")
	waitText(t, tm, "Applied to each new user")
	typeKeys(tm, "<esc>")
	waitText(t, tm, "no users yet")
	typeKeys(tm, "a")
	waitText(t, tm, "add a desk phone")
	typeKeys(tm, "ada.lovelace@example.com<tab>Ad")
	typeKeys(tm, "<ctrl+c>")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	drafts, _, err := e.store.List()
	if err != nil || len(drafts) != 1 {
		t.Fatalf("want 1 saved draft, got %v (err %v)", drafts, err)
	}
	lock, err := e.store.Lock(drafts[0].ID)
	if err != nil {
		t.Fatalf("the draft is still locked after quitting: %v", err)
	}
	lock.Release()
	d, err := e.store.Load(drafts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Users) != 1 || d.Users[0].Email != "ada.lovelace@example.com" || d.Users[0].FirstName != "Ad" {
		t.Fatalf("typed user lost: %+v", d.Users)
	}

	// Restart: the draft opens with the user in the table.
	a := offlineApp(t, e)
	send(t, a, common.Shown{})
	if !strings.Contains(screen(a), d.Name) {
		t.Fatalf("home does not list the draft after restart:\n%s", screen(a))
	}
	send(t, a, press("<enter>")...)
	if !strings.Contains(screen(a), "ada.lovelace@") {
		t.Fatalf("batch table lost the user after restart:\n%s", screen(a))
	}
}

// Flow 4: an 11th user is refused with a clear message, by "a" and by a
// paste; the draft keeps exactly 10.
func TestFlowEleventhUserRefused(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 10)
	tm := teatest.NewTestModel(t, NewApp(e.options()), teatest.WithInitialTermSize(100, 30))
	waitText(t, tm, d.Name)
	typeKeys(tm, "<enter>")
	waitText(t, tm, "10 of 10")
	typeKeys(tm, "a")
	waitText(t, tm, "at most 10 users")
	tm.Send(tea.PasteMsg{Content: "ada@example.com"})
	waitText(t, tm, "draft is full")
	typeKeys(tm, "<ctrl+c>")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	got, err := e.store.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Users) != state.MaxUsers {
		t.Fatalf("want %d users, got %d", state.MaxUsers, len(got.Users))
	}
}

// Paste of a mixed list on the table: valid people are added with their
// names; an invalid entry, a duplicate and the overflow past 10 are left
// out, each with its reason on screen.
func TestPasteMixedList(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 7)
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, tea.PasteMsg{Content: "Ada Lovelace <ada@example.com>, not-an-email\n" +
		"liam.oconnor@example.com; grace@example.com\n\"Turing, Alan\" <alan@example.com>\nlast@example.com"})
	out := screen(a)
	for _, want := range []string{"not-an-email", "already in this draft", "last@example.com", "full", "3 added", "3 left out"} {
		if !strings.Contains(out, want) {
			t.Errorf("screen lacks %q:\n%s", want, out)
		}
	}
	got := a.ctx.Draft
	if len(got.Users) != 10 {
		t.Fatalf("want 10 users after paste, got %d", len(got.Users))
	}
	if got.Users[7].Email != "ada@example.com" || got.Users[7].FirstName != "Ada" || got.Users[9].LastName != "Turing" {
		t.Errorf("pasted users wrong: %+v %+v", got.Users[7], got.Users[9])
	}
	// The change is saved (coalesced saves flush on quit at the latest).
	a.shutdown()
	saved, _ := e.store.Load(d.ID)
	if len(saved.Users) != 10 {
		t.Fatalf("paste not saved: %d users on disk", len(saved.Users))
	}
}
