// Package cli holds zpadd's headless commands (import, drafts, export,
// check, submit): the same state and submit code as the wizard, with their
// output written for scripts: results on stdout, progress on stderr, and the
// exit codes of DESIGN.md.
package cli

import (
	"fmt"
	"io"
	"strings"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/zoom/submit"
)

// Exit codes, fixed by the product's contract (submit.ExitCode folds a
// submit's outcome into them).
const (
	ExitOK      = submit.ExitOK
	ExitOther   = submit.ExitOther
	ExitInvalid = submit.ExitInvalid
	ExitRefused = submit.ExitRefused
	ExitUnknown = submit.ExitUnknown
)

// Env is what a headless command works with. Service is built lazily so
// commands that never talk to Zoom (import, drafts, export, --dry-run) work
// without credentials.
type Env struct {
	Home    state.Home
	Store   *state.Store
	Journal *state.Journal
	Service func() (*submit.Service, error)
	// Connection is how the commands reach Zoom (profile, plan, URLs); its
	// error, if any, comes from Service.
	Connection Connection

	Stdin           io.Reader
	Stdout, Stderr  io.Writer
	StdinIsTerminal bool
}

// errorf prints one error on stderr; the message may quote names, file
// names and Zoom's text, so it is shown with their controls escaped.
func (e *Env) errorf(format string, args ...any) {
	fmt.Fprintln(e.Stderr, "zpadd: "+safetext.Text(fmt.Sprintf(format, args...)))
}

// listDrafts lists the saved drafts, newest first, telling stderr about any
// draft file that did not parse and was moved aside.
func (e *Env) listDrafts() ([]state.DraftInfo, error) {
	infos, moved, err := e.Store.List()
	if err != nil {
		return nil, err
	}
	for _, m := range moved {
		e.errorf("a draft file did not parse and was moved aside: %s", m)
	}
	return infos, nil
}

// findDraft resolves what an operator typed to a draft: an exact id, then a
// unique id prefix or exact name (case-insensitive), then a unique part of
// a name, so "zpadd check lobby" finds "Lobby phones".
func (e *Env) findDraft(ref string) (*state.Draft, error) {
	infos, err := e.listDrafts()
	if err != nil {
		return nil, err
	}
	var exact, partial []state.DraftInfo
	lower := strings.ToLower(ref)
	for _, in := range infos {
		switch {
		case in.ID == ref:
			return e.Store.Load(in.ID)
		case strings.HasPrefix(in.ID, ref) || strings.EqualFold(in.Name, ref):
			exact = append(exact, in)
		case ref != "" && strings.Contains(strings.ToLower(in.Name), lower):
			partial = append(partial, in)
		}
	}
	matches := exact
	if len(matches) == 0 {
		matches = partial
	}
	switch len(matches) {
	case 0:
		return nil, fmt.Errorf("no draft %q (zpadd drafts lists them)", ref)
	case 1:
		return e.Store.Load(matches[0].ID)
	}
	names := make([]string, len(matches))
	for i, m := range matches {
		names[i] = fmt.Sprintf("%s %q", m.ID, m.Name)
	}
	return nil, fmt.Errorf("%q matches %d drafts (%s): give the id", ref, len(matches), strings.Join(names, ", "))
}

// draftAndService finds the draft ref names and the service that talks to
// Zoom about it, as the commands that read Zoom for one draft (check,
// devices) need; a non-zero code says why not, already printed.
func (e *Env) draftAndService(ref string) (*state.Draft, *submit.Service, int) {
	d, err := e.findDraft(ref)
	if err != nil {
		e.errorf("%v", err)
		return nil, nil, ExitInvalid
	}
	svc, err := e.Service()
	if err != nil {
		e.errorf("%v", err)
		return nil, nil, ExitOther
	}
	return d, svc, ExitOK
}
