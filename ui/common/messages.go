package common

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
)

// Navigate asks the shell to push a screen.
//
// DraftID, when set and different from the open draft, makes the shell open
// that draft first (load, lock; read-only with a notice when another zpadd
// holds it) and put it in Context.Draft. User is an index into
// Context.Draft.Users for UserScreen (NewUser to add one); Field is a batch
// body field name such as "extension_number" or "desk_phones[0].mac" for the
// form to focus (as in state.Problem.Field).
type Navigate struct {
	To      ScreenID
	DraftID string
	User    int
	Field   string
	// Replace swaps the top screen instead of pushing (e.g. defaults → batch
	// for a brand-new draft, so Back skips the defaults).
	Replace bool
}

// Back asks the shell to pop the top screen (to Home at the bottom).
type Back struct{}

// DraftChanged tells the shell that Context.Draft was modified: save it now.
// The result comes back to the screen as DraftSaved.
type DraftChanged struct{}

// DraftSaved is sent to the top screen after each save attempt. Err is nil
// on success; on failure the draft is still in memory and the error is shown.
type DraftSaved struct {
	At  time.Time
	Err error
}

// ErrorMsg shows an error on the status line (until the next key press).
type ErrorMsg struct{ Err error }

// StatusMsg flashes a short confirmation on the status line for a few
// seconds ("3 users added", "✓ 80:5e:c0:b2:00:01 → Liam O'Connor").
type StatusMsg struct{ Text string }

// Bell rings the terminal bell (the shell writes BEL to the terminal): for
// rejected scans, refused input.
type Bell struct{}

// CatalogUpdated is delivered to the top screen when the shell has a newer
// catalog in Context.Catalog (after the background refresh).
type CatalogUpdated struct{ Catalog *state.Catalog }

// Shown is delivered to a screen when it becomes the top screen again
// (after the screen above it went Back): reload what may have changed.
type Shown struct{}

// NewDraft asks the shell to create, save and open a fresh draft (with the
// last-used defaults) and go to its defaults screen. Users are emails to add
// at once (as `zpadd add` does).
type NewDraft struct {
	Name  string
	Users []string
}

// msg wraps a message as a command.
func msg(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }

// Go returns a command navigating to a screen.
func Go(n Navigate) tea.Cmd { return msg(n) }

// GoBack returns a command popping the top screen.
func GoBack() tea.Cmd { return msg(Back{}) }

// Changed returns a command asking the shell to save Context.Draft now.
func Changed() tea.Cmd { return msg(DraftChanged{}) }

// Error returns a command showing err on the status line (nil → no command).
func Error(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	return msg(ErrorMsg{Err: err})
}

// Status returns a command flashing text on the status line.
func Status(text string) tea.Cmd { return msg(StatusMsg{Text: text}) }

// Ring returns a command ringing the terminal bell.
func Ring() tea.Cmd { return msg(Bell{}) }

// Note shows text on the status line, or does nothing when text is "".
func Note(text string) tea.Cmd {
	if text == "" {
		return nil
	}
	return Status(text)
}
