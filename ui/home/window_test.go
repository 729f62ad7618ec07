package home

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/state/statetest"
	"zpadd/ui/common"
	"zpadd/ui/styles"
)

// With more drafts than the screen holds, Home shows the rows around the
// cursor, says how many are left out above and below, and keeps the
// cursor's row in sight as it moves down the list.
func TestHomeKeepsTheCursorInSightOfALongList(t *testing.T) {
	home := state.HomeUnder(t.TempDir())
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	store, err := state.OpenStore(home)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 120 {
		if err := store.Save(state.NewDraft(fmt.Sprintf("cart %03d", i), state.Defaults{})); err != nil {
			t.Fatal(err)
		}
	}
	ctx := &common.Context{Styles: styles.New(true), Home: home, Store: store, Width: 100, Height: 24}
	m := New(ctx, common.Navigate{}).(*Model)
	if lines := strings.Count(m.View(), "\n") + 1; lines > ctx.Height {
		t.Fatalf("Home is %d lines on a body of %d", lines, ctx.Height)
	}
	for range 60 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	view := ansi.Strip(m.View())
	cursorRow := ""
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "▸") {
			cursorRow = l
		}
	}
	if want := m.drafts[60].Name; !strings.Contains(cursorRow, want) {
		t.Fatalf("the cursor's row (%q, draft %q) is not on screen:\n%s", cursorRow, want, view)
	}
	if !strings.Contains(view, "more drafts") || !strings.Contains(view, "↑") || !strings.Contains(view, "↓") {
		t.Errorf("no count of the drafts left out above and below:\n%s", view)
	}
	if lines := strings.Count(view, "\n") + 1; lines > ctx.Height {
		t.Errorf("Home is %d lines on a body of %d:\n%s", lines, ctx.Height, view)
	}
}

// Home's first frame lists the drafts without waiting for the journal (a
// year of batches is thousands of lines): past submissions show as being
// read, and arrive with Init's message.
func TestHomeListsDraftsBeforeTheJournalIsRead(t *testing.T) {
	home := state.HomeUnder(t.TempDir())
	statetest.SeedSubmittedDrafts(t, home, 3)
	store, err := state.OpenStore(home)
	if err != nil {
		t.Fatal(err)
	}
	journal, err := state.OpenJournal(home)
	if err != nil {
		t.Fatal(err)
	}
	ctx := &common.Context{Styles: styles.New(true), Home: home, Store: store, Journal: journal, Width: 100, Height: 30}
	m := New(ctx, common.Navigate{}).(*Model)
	first := ansi.Strip(m.View())
	if !strings.Contains(first, "batch 0002") || !strings.Contains(first, "reading past submissions…") {
		t.Fatalf("first frame:\n%s", first)
	}
	m.Update(m.Init()())
	after := ansi.Strip(m.View())
	if strings.Contains(after, "reading past submissions…") || strings.Count(after, "10 created") != 3 {
		t.Fatalf("after the journal was read:\n%s", after)
	}
}
