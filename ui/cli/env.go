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
	"zpadd/zoom/submit"
)

// Exit codes, fixed by the product's contract.
const (
	ExitOK      = 0
	ExitOther   = 1
	ExitInvalid = 2
	ExitRefused = 3
	ExitUnknown = 4
)

// Env is what a headless command works with. Service is built lazily so
// commands that never talk to Zoom (import, drafts, export, --dry-run) work
// without credentials.
type Env struct {
	Home    state.Home
	Store   *state.Store
	Journal *state.Journal
	Service func() (*submit.Service, error)

	Stdin           io.Reader
	Stdout, Stderr  io.Writer
	StdinIsTerminal bool
}

func (e *Env) errorf(format string, args ...any) {
	fmt.Fprintf(e.Stderr, "zpadd: "+format+"\n", args...)
}

// findDraft resolves what an operator typed to a draft: an exact id, a
// unique id prefix, or a unique name (case-insensitive).
func (e *Env) findDraft(ref string) (*state.Draft, error) {
	infos, moved, err := e.Store.List()
	if err != nil {
		return nil, err
	}
	for _, m := range moved {
		e.errorf("a draft file did not parse and was moved aside: %s", m)
	}
	var matches []state.DraftInfo
	for _, in := range infos {
		if in.ID == ref {
			return e.Store.Load(in.ID)
		}
		if strings.HasPrefix(in.ID, ref) || strings.EqualFold(in.Name, ref) {
			matches = append(matches, in)
		}
	}
	switch len(matches) {
	case 0:
		return nil, fmt.Errorf("no draft %q (zpadd drafts lists them)", ref)
	case 1:
		return e.Store.Load(matches[0].ID)
	}
	ids := make([]string, len(matches))
	for i, m := range matches {
		ids[i] = m.ID
	}
	return nil, fmt.Errorf("%q matches %d drafts (%s): give the id", ref, len(matches), strings.Join(ids, ", "))
}
