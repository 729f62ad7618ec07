package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/huh/v2"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/zoom/submit"
)

// RunAccessible is the wizard for screen readers and dumb terminals
// (--accessible / ACCESSIBLE=1): huh's accessible prompts, one question
// per line, no redrawing. It fills a new draft (with the last-used
// defaults and any StartEmails) user by user, saving after each one, and
// ends by saying how to check and submit it.
func RunAccessible(ctx context.Context, o Options) error {
	if o.Store == nil {
		return errors.New("accessible mode needs the draft store")
	}
	in, out := o.Input, o.Output
	if in == nil {
		in = os.Stdin
	}
	// Each huh prompt reads through its own buffered scanner: hand them one
	// line per read so no prompt swallows the next one's answer.
	in = &lineReader{r: bufio.NewReader(in)}
	if out == nil {
		out = os.Stdout
	}
	// Names, sites and Zoom's messages reach a plain terminal here: no
	// byte of theirs may start an escape sequence (huh's plain theme
	// writes no ANSI of its own).
	safeOut := safetext.NewWriter(out)
	defer safeOut.Flush()
	out = safeOut
	var cat *state.Catalog
	if o.Service != nil {
		cat = o.Service.CachedCatalog()
		if c, err := o.Service.RefreshCatalog(ctx); err == nil {
			cat = c
		} else {
			fmt.Fprintf(out, "Could not refresh the account's catalog (%v); using what is cached.\n", err)
		}
	}
	if o.Sandbox {
		fmt.Fprintln(out, "SANDBOX: nothing is sent to Zoom.")
	}
	d := state.NewDraft("Batch (accessible)", o.Store.LastDefaults())
	for _, e := range o.StartEmails {
		if _, err := d.AddUser(e); err != nil {
			fmt.Fprintf(out, "Not added: %s: %v\n", e, err)
		}
	}
	if err := o.Store.Save(d); err != nil {
		return err
	}
	// Held for the whole run, so no other zpadd edits or sends it meanwhile.
	ss, err := submit.OpenSession(o.Store, o.Service, d.ID)
	if err != nil {
		return err
	}
	defer ss.Close()
	save := ss.Save
	fmt.Fprintf(out, "Draft %q (id %s) created; it is saved after every user.\n", d.Name, d.ID)

	for i := range d.Users {
		if err := askUser(ctx, o.Service, d, i, cat, in, out); err != nil {
			return finishAccessible(o, save, d, out, err)
		}
		if err := save(d); err != nil {
			fmt.Fprintf(out, "Not saved (kept in memory): %v\n", err)
		}
	}
	for len(d.Users) < state.MaxUsers {
		if len(d.Users) > 0 {
			more := false
			q := huh.NewConfirm().Title(fmt.Sprintf("Add another user? (%d of %d)", len(d.Users), state.MaxUsers)).Value(&more).WithTheme(plainTheme)
			if err := q.RunAccessible(out, in); err != nil || !more {
				return finishAccessible(o, save, d, out, err)
			}
		}
		i, err := d.AddUser("")
		if err != nil {
			return finishAccessible(o, save, d, out, err)
		}
		err = askUser(ctx, o.Service, d, i, cat, in, out)
		if strings.TrimSpace(d.Users[i].Email) == "" {
			// Input ended before an email: drop the blank user.
			d.Users = d.Users[:i]
			return finishAccessible(o, save, d, out, err)
		}
		if err != nil {
			return finishAccessible(o, save, d, out, err)
		}
		if err := save(d); err != nil {
			fmt.Fprintf(out, "Not saved (kept in memory): %v\n", err)
		}
	}
	return finishAccessible(o, save, d, out, nil)
}

// finishAccessible saves, lists the draft's problems and says what next.
func finishAccessible(o Options, save func(*state.Draft) error, d *state.Draft, out io.Writer, cause error) error {
	saveErr := save(d)
	var cat *state.Catalog
	if o.Service != nil {
		cat = o.Service.CachedCatalog()
	}
	ps := state.Validate(d, cat)
	fmt.Fprintf(out, "\nDraft %q (id %s): %d users, %d problems.\n", d.Name, d.ID, len(d.Users), len(ps))
	for _, p := range ps {
		fmt.Fprintln(out, "  "+safetext.Line(p.String()))
	}
	fmt.Fprintf(out, "Check it with: zpadd check %s\nSubmit it with: zpadd submit %s\n", d.ID, d.ID)
	if cause != nil && !errors.Is(cause, io.EOF) && !strings.Contains(cause.Error(), "EOF") {
		return cause
	}
	return saveErr
}

// lineReader returns at most one line per Read, and remembers when the
// input ended.
type lineReader struct {
	r   *bufio.Reader
	eof bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			l.eof = true
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}
