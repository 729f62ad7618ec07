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
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
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
// SIGHUP (a closed terminal), SIGTERM and SIGINT, and the end of ctx,
// flush the open draft at once and quit; keys already typed are handled
// first, so nothing typed is lost. Run returns an error wrapping
// ErrNotSaved when it quit with edits it could not save.
func Run(ctx context.Context, o Options) error {
	if err := chooseMode(&o); err != nil {
		return err
	}
	if o.Accessible {
		return RunAccessible(ctx, o)
	}
	app := newApp(ctx, o)
	// Bubble Tea's own handler would end the program on SIGTERM before the
	// keys in its queue are handled; zpadd's sends a message behind them.
	opts := []tea.ProgramOption{tea.WithoutSignalHandler()}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	p := tea.NewProgram(app, opts...)
	stop := forwardSignals(ctx, p)
	_, err := p.Run()
	stop()
	if err == nil && app.switchTo != "" {
		err = &SwitchProfile{Name: app.switchTo}
	}
	// Whatever ended the program, the open draft is saved and its lock
	// released (a submit on the wire keeps it until it has recorded Zoom's
	// answer).
	app.shutdown()
	// Work in flight (a submit whose POST is out, a reconcile) finishes and
	// journals Zoom's answer before zpadd exits; a submit not yet sent and
	// a watch are stopped.
	if o.Service != nil && !o.Service.Settle(settleTimeout) {
		fmt.Fprintf(os.Stderr, "zpadd: still running when zpadd quit: %s; the next start reconciles it\n", strings.Join(o.Service.Busy(), ", "))
	}
	if lost := app.lostErr; lost != nil || (app.dirty && app.saveErr != nil) {
		if lost == nil {
			lost = app.saveErr
		}
		return fmt.Errorf("%w: %v", ErrNotSaved, lost)
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// forwardSignals turns SIGHUP, SIGTERM, SIGINT and the end of ctx into a
// signalMsg queued behind the keys already read; the returned func stops it.
func forwardSignals(ctx context.Context, p *tea.Program) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			p.Send(signalMsg{sig: s.String()})
		case <-ctx.Done():
			p.Send(signalMsg{sig: "cancelled"})
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
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
