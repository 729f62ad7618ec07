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
// per line, no redrawing. It opens a saved draft or fills a new one (with
// the last-used defaults and any StartEmails) user by user, saving after
// each one through the draft's session; then it edits, reviews and submits
// from a menu, or ends by saying how to check and submit the draft.
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
		c, err := o.Service.RefreshCatalogOlderThan(ctx, catalogMaxAge)
		if c != nil {
			cat = c
		}
		if err != nil {
			fmt.Fprintf(out, "Could not refresh all of the account's catalog (%v); using what is known.\n", err)
		}
	}
	if o.Sandbox {
		fmt.Fprintln(out, "SANDBOX: nothing is sent to Zoom.")
	}
	ss, fresh, err := openAccessibleDraft(o, in, out)
	if err != nil {
		return err
	}
	// Held for the whole run, so no other zpadd edits or sends it meanwhile.
	defer ss.Close()
	d := ss.Draft()
	if held := ss.ReadOnly(); held != nil {
		showReadOnly(held, d, cat, out)
		return nil
	}
	if fresh {
		fmt.Fprintf(out, "Draft %q (id %s) created; it is saved after every user.\n", d.Name, d.ID)
		if err := fillNewDraft(ctx, o, ss, d, cat, in, out); err != nil {
			return finishAccessible(o, ss.Save, d, out, err)
		}
	} else {
		fmt.Fprintf(out, "Draft %q (id %s) opened; it is saved after every user.\n", safetext.Line(d.Name), d.ID)
		printUsers(d, out)
	}
	sent, err := draftMenu(ctx, o, ss, d, cat, in, out)
	if sent {
		return nil
	}
	return finishAccessible(o, ss.Save, d, out, err)
}

// fillNewDraft asks for the users a new draft starts with (zpadd add's),
// then for more users until the answer is no or the batch is full.
func fillNewDraft(ctx context.Context, o Options, ss *submit.Session, d *state.Draft, cat *state.Catalog, in io.Reader, out io.Writer) error {
	for i := range d.Users {
		if err := askUser(ctx, o.Service, d, i, cat, in, out); err != nil {
			return err
		}
		saveOrSay(ss, d, out)
	}
	for len(d.Users) < state.MaxUsers {
		if len(d.Users) > 0 {
			more := false
			q := huh.NewConfirm().Title(fmt.Sprintf("Add another user? (%d of %d)", len(d.Users), state.MaxUsers)).Value(&more).WithTheme(plainTheme)
			if err := q.RunAccessible(out, in); err != nil || !more {
				return err
			}
		}
		i, err := d.AddUser("")
		if err != nil {
			return err
		}
		err = askUser(ctx, o.Service, d, i, cat, in, out)
		if strings.TrimSpace(d.Users[i].Email) == "" {
			// Input ended before an email: drop the blank user.
			d.Users = d.Users[:i]
			return cmpOrErr(err, io.EOF)
		}
		if err != nil {
			return err
		}
		saveOrSay(ss, d, out)
	}
	return nil
}

// cmpOrErr is err, or def when err is nil.
func cmpOrErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
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
