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
	"zpadd/ui/pickers"
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
	fmt.Fprintf(out, "Draft %q (id %s) created; it is saved after every user.\n", d.Name, d.ID)

	for i := range d.Users {
		if err := askUser(d, i, cat, in, out); err != nil {
			return finishAccessible(o, d, out, err)
		}
		if err := o.Store.Save(d); err != nil {
			fmt.Fprintf(out, "Not saved (kept in memory): %v\n", err)
		}
	}
	for len(d.Users) < state.MaxUsers {
		if len(d.Users) > 0 {
			more := false
			q := huh.NewConfirm().Title(fmt.Sprintf("Add another user? (%d of %d)", len(d.Users), state.MaxUsers)).Value(&more)
			if err := q.RunAccessible(out, in); err != nil || !more {
				return finishAccessible(o, d, out, err)
			}
		}
		i, err := d.AddUser("")
		if err != nil {
			return finishAccessible(o, d, out, err)
		}
		err = askUser(d, i, cat, in, out)
		if strings.TrimSpace(d.Users[i].Email) == "" {
			// Input ended before an email: drop the blank user.
			d.Users = d.Users[:i]
			return finishAccessible(o, d, out, err)
		}
		if err != nil {
			return finishAccessible(o, d, out, err)
		}
		if err := o.Store.Save(d); err != nil {
			fmt.Fprintf(out, "Not saved (kept in memory): %v\n", err)
		}
	}
	return finishAccessible(o, d, out, nil)
}

// askUser prompts for one user's main fields; answers go straight into the
// draft.
func askUser(d *state.Draft, i int, cat *state.Catalog, in io.Reader, out io.Writer) error {
	u := &d.Users[i]
	fmt.Fprintf(out, "\nUser %d\n", i+1)
	fields := []huh.Field{
		huh.NewInput().Title("Email").Value(&u.Email).Validate(func(s string) error {
			_, err := state.NormalizeEmail(s)
			return err
		}),
		huh.NewInput().Title("First name").Value(&u.FirstName),
		huh.NewInput().Title("Last name").Value(&u.LastName),
		huh.NewInput().Title("Extension").Value(&u.ExtensionNumber).Validate(func(s string) error {
			_, err := state.NormalizeExtension(s, extensionLengthOf(cat, u.SiteName))
			return err
		}),
	}
	if items := pickers.Sites(cat); len(items) > 0 {
		fields = append(fields, huh.NewSelect[string]().Title("Site").Options(options(items)...).Value(&u.SiteName))
	}
	for _, f := range fields {
		if err := f.RunAccessible(out, in); err != nil {
			return err
		}
	}
	if norm, err := state.NormalizeEmail(u.Email); err == nil {
		u.Email = norm
	}
	if items := pickers.Templates(cat, u.SiteName); len(items) > 0 {
		if err := huh.NewSelect[string]().Title("User template").Options(options(items)...).Value(&u.TemplateName).RunAccessible(out, in); err != nil {
			return err
		}
	}
	if items := pickers.Plans(cat, nil); len(items) > 0 {
		if err := huh.NewMultiSelect[string]().Title("Calling plans").Options(options(items)...).Value(&u.CallingPlans).RunAccessible(out, in); err != nil {
			return err
		}
	}
	return nil
}

func extensionLengthOf(c *state.Catalog, site string) int {
	if s, ok := pickers.SiteByName(c, site); ok {
		return s.ExtensionLength
	}
	return 0
}

func options(items []pickers.Item) []huh.Option[string] {
	out := make([]huh.Option[string], 0, len(items))
	for _, it := range items {
		label := it.Label
		if it.Detail != "" {
			label += " (" + it.Detail + ")"
		}
		out = append(out, huh.NewOption(label, it.Value))
	}
	return out
}

// finishAccessible saves, lists the draft's problems and says what next.
func finishAccessible(o Options, d *state.Draft, out io.Writer, cause error) error {
	saveErr := o.Store.Save(d)
	var cat *state.Catalog
	if o.Service != nil {
		cat = o.Service.CachedCatalog()
	}
	ps := state.Validate(d, cat)
	fmt.Fprintf(out, "\nDraft %q (id %s): %d users, %d problems.\n", d.Name, d.ID, len(d.Users), len(ps))
	for _, p := range ps {
		fmt.Fprintln(out, "  "+p.String())
	}
	fmt.Fprintf(out, "Check it with: zpadd check %s\nSubmit it with: zpadd submit %s\n", d.ID, d.ID)
	if cause != nil && !errors.Is(cause, io.EOF) && !strings.Contains(cause.Error(), "EOF") {
		return cause
	}
	return saveErr
}

// lineReader returns at most one line per Read.
type lineReader struct{ r *bufio.Reader }

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
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
