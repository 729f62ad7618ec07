// Package ui is zpadd's terminal wizard: the shell (frame, navigation,
// saving, locking, quitting) and the wiring of the screens in its
// subpackages. See ui/common for the contract between shell and screens.
package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/results"
	"zpadd/zoom/submit"
)

// Options configures the wizard. main.go fills it.
type Options struct {
	Home    state.Home
	Store   *state.Store
	Journal *state.Journal
	Service *submit.Service

	Sandbox bool
	Account string
	// Profile is the account profile in use ("" for the default one).
	Profile string
	// Profiles lists the stored profiles, for Home's switch; SwitchProfile
	// is returned by Run when the operator picks another one.
	Profiles []string
	// StartEmails (zpadd add EMAIL...) opens a new draft holding these users
	// with the last-used batch defaults.
	StartEmails []string
	// Accessible (--accessible / ACCESSIBLE=1) runs huh's accessible prompts
	// instead of the full-screen wizard.
	Accessible bool
	Input      io.Reader
	Output     io.Writer

	// Theme is "dark", "light" or "" (decide from COLORFGBG, else dark). It
	// is decided before the program starts: asking the terminal from inside
	// the program stalls under tmux.
	Theme string
}

// settleTimeout bounds how long quitting waits for a submit in flight.
const settleTimeout = 30 * time.Second

// Run runs the wizard until the operator quits (ctrl+c saves and quits).
func Run(ctx context.Context, o Options) error {
	if err := chooseMode(&o); err != nil {
		return err
	}
	if o.Accessible {
		return RunAccessible(ctx, o)
	}
	app := newApp(ctx, o)
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	_, err := tea.NewProgram(app, opts...).Run()
	if err == nil && app.switchTo != "" {
		err = &SwitchProfile{Name: app.switchTo}
	}
	// Whatever ended the program (quit, signal, cancelled context), the open
	// draft is saved and its lock released.
	app.shutdown()
	// A submit whose POST is on the wire finishes and journals Zoom's
	// answer before zpadd exits (one not yet sent is cancelled).
	if !results.Settle(settleTimeout) {
		fmt.Fprintln(os.Stderr, "zpadd: a submit was still running when zpadd quit; the home screen offers to reconcile it on the next start")
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// SwitchProfile is Run's answer when the operator chose another account
// profile on Home: the caller reopens zpadd on it.
type SwitchProfile struct{ Name string }

func (e *SwitchProfile) Error() string { return "switch to profile " + e.Name }

// NewApp builds the wizard's root model (used by teatest).
func NewApp(o Options) tea.Model { return newApp(context.Background(), o) }

// darkTheme decides light/dark without talking to the terminal.
func darkTheme(theme string) bool {
	switch strings.ToLower(theme) {
	case "light":
		return false
	case "dark":
		return true
	}
	// COLORFGBG is "fg;bg" (rxvt, konsole, some others); bg 7 or 15 is light.
	if v := os.Getenv("COLORFGBG"); v != "" {
		parts := strings.Split(v, ";")
		switch parts[len(parts)-1] {
		case "7", "15":
			return false
		}
	}
	return true
}
