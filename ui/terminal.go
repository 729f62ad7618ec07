package ui

import (
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// errNoTerminal replaces bubbletea's "could not create cancelable reader"
// when the wizard is started with stdin or stdout redirected.
var errNoTerminal = errors.New("zpadd add and the wizard need a terminal (stdin or stdout is not one): scripts use zpadd import, check and submit, or --accessible for line-by-line prompts")

// chooseMode decides, before the program starts, whether the full-screen
// wizard can run: TERM=dumb cannot draw it, so the accessible prompts run
// instead (and say so); a redirected stdin or stdout is refused with a
// message instead of bubbletea's.
func chooseMode(o *Options) error {
	if o.Accessible {
		return nil
	}
	if os.Getenv("TERM") == "dumb" {
		out := o.Output
		if out == nil {
			out = os.Stdout
		}
		fmt.Fprintln(out, "zpadd: TERM=dumb cannot draw the full-screen wizard; using the accessible prompts (as --accessible)")
		o.Accessible = true
		return nil
	}
	if !isTerminal(o.Input) || !isTerminal(o.Output) {
		return errNoTerminal
	}
	return nil
}

// isTerminal is false only for a file that is not a terminal; readers and
// writers that are not files (tests) are taken as they are.
func isTerminal(f any) bool {
	switch v := f.(type) {
	case *os.File:
		return term.IsTerminal(int(v.Fd()))
	case nil, io.Reader, io.Writer:
		return true
	}
	return true
}
