package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zpadd/state"
)

// ErrNotSaved is returned by Run when zpadd was made to quit with edits it
// could not save; the error names the reason, and the command exits
// non-zero.
var ErrNotSaved = errors.New("quit with unsaved changes")

// signalMsg is a SIGHUP, SIGTERM or SIGINT (or the end of Run's context):
// flush and quit, the terminal may be gone.
type signalMsg struct {
	sig   string
	waits int // graces waited so far for keys already read
}

// A signal quits once no key has arrived for signalQuiet, waiting at most
// signalWaits rounds of quitGrace (3 s; SIGTERM usually grants 10 s). A race
// build on a loaded machine handles a key in up to ~150 ms, hence 400 ms.
const (
	signalQuiet = 400 * time.Millisecond
	signalWaits = 50
)

// quit saves the open draft and quits. When the save fails (a full disk),
// the wizard stays open on the unsaved dialog instead: the edits exist only
// in memory.
func (a *App) quit() tea.Cmd {
	a.closing = false
	a.shutdown()
	if a.saveErr != nil && a.dirty {
		a.unsaved = true
		return nil
	}
	a.quitting = true
	return tea.Quit
}

// forceQuit quits although the last save failed; Run reports why.
func (a *App) forceQuit() tea.Cmd {
	a.quitting, a.lostErr = true, a.saveErr
	return tea.Quit
}

// signalled quits after the keys already read are handled (they travel
// as messages just behind the signal, like the ctrl+c grace), then flushes
// the draft: after SIGHUP nobody sees a dialog, so an edit that cannot be
// saved makes Run return ErrNotSaved.
func (a *App) signalled(m signalMsg) tea.Cmd {
	// Wait until the keys have been quiet for signalQuiet (a burst still
	// being read keeps arriving), at most signalWaits rounds.
	if m.waits < signalWaits && (m.waits == 0 || time.Since(a.lastKey) < signalQuiet) {
		m.waits++
		return tea.Tick(quitGrace, func(time.Time) tea.Msg { return m })
	}
	if cmd := a.quit(); cmd != nil {
		return cmd
	}
	return a.forceQuit()
}

// unsavedKey handles the keys of the unsaved dialog: r retries the save,
// e exports the draft outside zpadd's home, ctrl+c quits anyway.
func (a *App) unsavedKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "r":
		a.unsaved = false
		return a.quit()
	case "e":
		path, err := exportElsewhere(a.ctx.Draft)
		if err != nil {
			a.exportNote = "export failed too: " + err.Error()
			return nil
		}
		a.exportNote = "exported to " + path + " (zpadd import " + path + " brings it back)"
		return nil
	case "esc":
		a.unsaved = false // back to editing; the header still says NOT SAVED
		return nil
	case "ctrl+c":
		return a.forceQuit()
	}
	return nil
}

// unsavedView is the dialog shown instead of the screen when quitting could
// not save: the whole reason, wrapped, and what can be done.
func (a *App) unsavedView(w int) string {
	st := a.ctx.Styles
	wrap := lipgloss.NewStyle().Width(max(w-2, 20))
	name := ""
	if a.ctx.Draft != nil {
		name = fmt.Sprintf(" %q", a.ctx.Draft.Name)
	}
	lines := []string{
		st.Err.Render(wrap.Render("✗ The draft" + name + " could not be saved, so zpadd has not quit: your changes exist only in memory.")),
		"",
		wrap.Render("Reason: " + errText(a.saveErr)),
		"",
		wrap.Render("r  retry the save (after freeing space)"),
		wrap.Render("e  export the draft as CSV to " + exportDir()),
		wrap.Render("esc  back to the draft"),
		wrap.Render("ctrl+c  quit anyway and lose the changes"),
	}
	if a.exportNote != "" {
		lines = append(lines, "", st.Status.Render(wrap.Render(a.exportNote)))
	}
	return strings.Join(lines, "\n")
}

func errText(err error) string {
	if err == nil {
		return "unknown"
	}
	return err.Error()
}

// exportDir is where the unsaved dialog exports: the system's temporary
// folder, normally another file system than a full ZPADD_HOME.
func exportDir() string { return os.TempDir() }

// exportElsewhere writes d as import-ready CSV into exportDir (0600).
func exportElsewhere(d *state.Draft) (string, error) {
	if d == nil {
		return "", errors.New("no draft is open")
	}
	path := filepath.Join(exportDir(), "zpadd-unsaved-"+d.ID+".csv")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", err
	}
	werr := state.ExportCSV(f, d)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return "", fmt.Errorf("write %s: %w", path, werr)
	}
	return path, nil
}

// rootFirst puts the innermost reason of a save error first ("no space
// left on device: save draft …"), so a one-line status keeps it when cut.
func rootFirst(err error) string {
	root := err
	for {
		next := errors.Unwrap(root)
		if next == nil {
			break
		}
		root = next
	}
	if root == err {
		return err.Error()
	}
	return root.Error() + " — " + err.Error()
}
