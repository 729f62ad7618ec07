package ui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

// build makes a screen for a navigation request; an unknown screen becomes
// an error on the status line rather than a crash.
func (a *App) build(n common.Navigate) common.Screen {
	f, ok := a.factories[n.To]
	if !ok {
		return nil
	}
	s := f(a.ctx, n)
	s.SetSize(a.ctx.Width, a.ctx.Height)
	return s
}

// navigate opens the draft the request names (if any) and pushes the screen.
func (a *App) navigate(n common.Navigate) tea.Cmd {
	var cmds []tea.Cmd
	if n.DraftID != "" && (a.ctx.Draft == nil || a.ctx.Draft.ID != n.DraftID) {
		if err := a.openDraft(n.DraftID); err != nil {
			return common.Error(err)
		}
		if a.notice != "" {
			cmds = append(cmds, common.Status(a.notice), a.watchReadOnly())
		}
	}
	if n.To != common.HomeScreen && a.ctx.Draft == nil {
		return common.Error(fmt.Errorf("no draft is open: choose one on the home screen first"))
	}
	if n.To == common.HomeScreen {
		return a.home()
	}
	s := a.build(n)
	if s == nil {
		return common.Error(fmt.Errorf("the %s screen is not available in this build", n.To))
	}
	if n.Replace && len(a.stack) > 1 {
		a.stack[len(a.stack)-1], a.ids[len(a.ids)-1] = s, n.To
	} else {
		a.stack, a.ids = append(a.stack, s), append(a.ids, n.To)
	}
	cmds = append(cmds, s.Init())
	return tea.Batch(cmds...)
}

// back pops the top screen; reaching Home closes the draft.
func (a *App) back() tea.Cmd {
	if len(a.stack) <= 1 {
		return nil
	}
	if len(a.stack) == 2 {
		return a.home()
	}
	a.stack, a.ids = a.stack[:len(a.stack)-1], a.ids[:len(a.ids)-1]
	return a.forward(common.Shown{})
}

// home returns to the Home screen, saving and closing the open draft. A
// draft whose save fails stays open (its edits exist only in memory): the
// operator stays on it and is told why.
func (a *App) home() tea.Cmd {
	var cmd tea.Cmd
	if a.editsUnsaved() {
		cmd = a.save()
	}
	if err := a.closeDraft(); err != nil {
		return tea.Batch(cmd, common.Error(err))
	}
	a.stack, a.ids = a.stack[:1], a.ids[:1]
	return tea.Batch(cmd, a.forward(common.Shown{}))
}

// newDraft creates a draft with the last-used defaults (and the given
// users), saves it and opens it: on its defaults screen when empty, on the
// batch table when it already holds users.
func (a *App) newDraft(n common.NewDraft) tea.Cmd {
	if a.ctx.Store == nil {
		return common.Error(errors.New("no draft store: cannot create a draft"))
	}
	name := n.Name
	if name == "" {
		name = "Batch " + a.ctx.Time().Format("2 Jan 15:04")
	}
	d := state.NewDraft(name, a.ctx.Store.LastDefaults())
	var refused []string
	for _, e := range n.Users {
		if _, err := d.AddUser(e); err != nil {
			refused = append(refused, fmt.Sprintf("%s (%v)", e, err))
		}
	}
	for i := range d.Users {
		// `zpadd add` users start with the next free extensions at their
		// site; the batch table looks their names up when it opens.
		state.FillFromSite(d, a.ctx.Catalog, i)
	}
	if err := a.ctx.Store.Save(d); err != nil {
		return common.Error(fmt.Errorf("create draft: %w", err))
	}
	a.home()
	// The batch goes under the defaults, so leaving the defaults (esc or
	// "continue") lands on the table.
	cmd := a.navigate(common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	if len(d.Users) == 0 && a.ctx.Draft != nil {
		cmd = tea.Batch(cmd, a.navigate(common.Navigate{To: common.DefaultsScreen}))
	}
	if len(refused) > 0 {
		cmd = tea.Batch(cmd, common.Error(fmt.Errorf("not added: %s", strings.Join(refused, "; "))))
	}
	return cmd
}
