package ui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/zoom/submit"
)

// readOnlyEvery is how often a draft open read-only here is looked at
// again, so it follows the other zpadd's saves and its submit's outcome.
const readOnlyEvery = time.Second

type saveTickMsg struct{}

// readOnlyTickMsg asks to look at a read-only draft again; seq drops the
// ticks of a draft closed since.
type readOnlyTickMsg struct{ seq int }

// openDraft opens a draft's session: locked here, or read-only with a
// notice naming the zpadd that holds it; the draft is shown either way.
func (a *App) openDraft(id string) error {
	if a.ctx.Store == nil {
		return errors.New("no draft store: drafts cannot be opened")
	}
	if err := a.closeDraft(); err != nil {
		return err
	}
	ss, err := submit.OpenSession(a.ctx.Store, a.ctx.Service, id)
	if err != nil {
		return err
	}
	a.ctx.Session, a.ctx.Draft = ss, ss.Draft()
	a.ctx.ReadOnly, a.notice = false, ""
	if held := ss.ReadOnly(); held != nil {
		// Short enough for one status line at 80 columns.
		a.ctx.ReadOnly, a.notice = true, fmt.Sprintf("read-only: %s has this draft open; its saves show here", held.Who())
	}
	a.dirty, a.saveErr = false, nil
	a.sessionSeq++
	return nil
}

// watchReadOnly starts following a read-only draft.
func (a *App) watchReadOnly() tea.Cmd {
	if !a.ctx.ReadOnly || a.ctx.Session == nil {
		return nil
	}
	seq := a.sessionSeq
	return tea.Tick(readOnlyEvery, func(time.Time) tea.Msg { return readOnlyTickMsg{seq: seq} })
}

// followOwner reloads a read-only draft the owner saved, and says when the
// owner's submit finished.
func (a *App) followOwner(m readOnlyTickMsg) tea.Cmd {
	ss := a.ctx.Session
	if m.seq != a.sessionSeq || ss == nil || !a.ctx.ReadOnly {
		return nil
	}
	// The owner let go (it quit, or died): the draft is editable here now.
	if mine, err := ss.TakeOver(); err != nil {
		return tea.Batch(common.Error(fmt.Errorf("could not take over the draft the other zpadd closed: %w", err)), a.watchReadOnly())
	} else if mine {
		a.ctx.Draft, a.ctx.ReadOnly, a.notice = ss.Draft(), false, ""
		return tea.Batch(a.forward(common.Shown{}), common.Status("the other zpadd closed this draft: you can edit it here now"))
	}
	changed, status, err := ss.Reload()
	var cmds []tea.Cmd
	switch {
	case err != nil:
		cmds = append(cmds, common.Error(fmt.Errorf("could not re-read the draft the other zpadd is editing: %w", err)))
	case changed:
		a.ctx.Draft = ss.Draft()
		cmds = append(cmds, a.forward(common.Shown{}))
	}
	if status != "" {
		cmds = append(cmds, common.Status(fmt.Sprintf("the other zpadd's submit of %q finished: %s", a.ctx.Draft.Name, status)))
	}
	return tea.Batch(append(cmds, a.watchReadOnly())...)
}

// closeDraft saves and closes the open draft; when the save fails the
// draft stays open and the error says why (nothing typed is dropped).
func (a *App) closeDraft() error {
	a.shutdown()
	if a.dirty && a.saveErr != nil {
		return fmt.Errorf("the draft stays open: it could not be saved (%s); free space and it saves with the next change, or ctrl+c offers to export it", rootFirst(a.saveErr))
	}
	a.ctx.Draft, a.ctx.Session, a.ctx.ReadOnly, a.notice = nil, nil, false, ""
	a.saveErr = nil
	return nil
}

// shutdown saves and closes the open draft (a submit still on the wire
// keeps the lock until it has recorded Zoom's answer); safe to call twice.
// A failed save keeps the session open and is left in saveErr.
func (a *App) shutdown() {
	if a.editsUnsaved() {
		a.dirty = true
		if err := a.ctx.Session.Save(a.ctx.Draft); err != nil {
			a.saveErr = err
			return
		}
		a.dirty, a.saveErr = false, nil
	}
	if a.ctx.Session != nil {
		_ = a.ctx.Session.Close()
	}
}

// editsUnsaved reports whether the open draft holds edits not on disk:
// a.dirty, or a change whose DraftChanged message is still queued behind
// the key that quits (a scan applied a moment before ctrl+c).
func (a *App) editsUnsaved() bool {
	if a.ctx.Draft == nil || a.ctx.ReadOnly || a.ctx.Session == nil {
		return false
	}
	return a.dirty || a.ctx.Session.Unsaved(a.ctx.Draft)
}

// changed records a draft change and saves now, or soon when a save just
// happened (bursts of keys or scans are written together; signals and
// quitting flush at once).
func (a *App) changed() tea.Cmd {
	if a.ctx.Draft == nil || a.ctx.ReadOnly {
		return nil
	}
	a.dirty = true
	if time.Since(a.lastSave) >= saveEvery {
		return a.save()
	}
	if a.saveQueued {
		return nil
	}
	a.saveQueued = true
	return tea.Tick(saveEvery, func(time.Time) tea.Msg { return saveTickMsg{} })
}

// save writes the open draft; the result goes to the top screen.
func (a *App) save() tea.Cmd {
	d := a.ctx.Draft
	if d == nil || a.ctx.Session == nil || a.ctx.ReadOnly {
		return nil
	}
	err := a.ctx.Session.Save(d)
	a.lastSave = time.Now()
	a.saveErr = err
	if err == nil {
		a.dirty = false
		_ = a.ctx.Store.SaveLastDefaults(d.Defaults)
	}
	at := a.ctx.Time()
	cmd := a.forward(common.DraftSaved{At: at, Err: err})
	if err != nil {
		return tea.Batch(cmd, common.Error(fmt.Errorf("not saved (kept in memory): %s", rootFirst(err))))
	}
	return cmd
}
