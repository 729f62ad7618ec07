package ui

import (
	"fmt"
	"io"
	"time"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui/common"
	"zpadd/ui/pickers"
	"zpadd/zoom/submit"
)

// newDraftChoice is the value of "start a new draft" in the draft list.
const newDraftChoice = "new draft"

// openAccessibleDraft offers the saved drafts (as Home lists them: name,
// status, users, last change), chosen by number or words of the name, or a
// new draft; `zpadd add EMAIL…` always starts a new one with those users.
// The draft is opened through a submit.Session, this process's one owner
// of it; fresh reports a draft made here.
func openAccessibleDraft(o Options, in io.Reader, out io.Writer) (ss *submit.Session, fresh bool, err error) {
	id := newDraftChoice
	if len(o.StartEmails) == 0 {
		drafts, _, lerr := o.Store.List()
		if lerr != nil {
			fmt.Fprintf(out, "Could not list the saved drafts (%v); starting a new one.\n", lerr)
		}
		if len(drafts) > 0 {
			if err := chooseOne(in, out, "Open a draft", draftItems(drafts, time.Now()), &id); err != nil {
				return nil, false, err
			}
		}
	}
	if id == newDraftChoice {
		d := state.NewDraft("Batch (accessible)", o.Store.LastDefaults())
		for _, e := range o.StartEmails {
			if _, err := d.AddUser(e); err != nil {
				fmt.Fprintf(out, "Not added: %s: %v\n", safetext.Line(e), err)
			}
		}
		if err := o.Store.Save(d); err != nil {
			return nil, false, err
		}
		id, fresh = d.ID, true
	}
	ss, err = submit.OpenSession(o.Store, o.Service, id)
	if err != nil {
		return nil, false, err
	}
	return ss, fresh, nil
}

// draftItems lists "start a new draft" first, then the saved drafts.
func draftItems(drafts []state.DraftInfo, now time.Time) []pickers.Item {
	items := []pickers.Item{{Value: newDraftChoice, Label: "Start a new draft"}}
	for _, d := range drafts {
		label := d.Name
		if d.Status != "" && d.Status != "draft" {
			label += " (" + d.Status + ")"
		}
		items = append(items, pickers.Item{Value: d.ID, Label: label,
			Detail: fmt.Sprintf("%d/%d users, updated %s", d.Users, state.MaxUsers, common.Ago(d.Updated, now))})
	}
	return items
}

// showReadOnly prints a draft another zpadd holds: who holds it, its users
// and its problems. Nothing is asked, saved or sent.
func showReadOnly(held *state.LockedError, d *state.Draft, cat *state.Catalog, out io.Writer) {
	fmt.Fprintf(out, "Draft %q is open in %s: shown read-only; nothing is saved or sent from here.\n",
		safetext.Line(d.Name), held.Who())
	printUsers(d, out)
	ps := state.Validate(d, cat)
	for _, p := range ps {
		fmt.Fprintln(out, "  "+safetext.Line(p.String()))
	}
	fmt.Fprintf(out, "%d users, %d problems. Close it in the other zpadd to edit or submit it here.\n", len(d.Users), len(ps))
}

// printUsers lists the draft's users, one line each.
func printUsers(d *state.Draft, out io.Writer) {
	for i, u := range d.Users {
		name := safetext.Line(u.FirstName + " " + u.LastName)
		fmt.Fprintf(out, "  User %d: %s (%s), site %s, extension %s\n", i+1, safetext.Line(u.Email), name,
			safetext.Line(cmpOr(u.SiteName, "not set")), safetext.Line(cmpOr(u.ExtensionNumber, "not set")))
	}
}
