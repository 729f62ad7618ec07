package ui

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui/pickers"
	"zpadd/zoom/submit"
)

// The draft menu's actions; a user's edit is "user N".
const (
	actionReview = "review and submit"
	actionAdd    = "add a user"
	actionQuit   = "quit"
	actionUser   = "user "
)

// draftMenu is the accessible form of the batch screen: edit a user (by
// number or words of the email or name), add one, review and submit, or
// quit; every edit is saved through the session. It reports whether the
// draft was sent.
func draftMenu(ctx context.Context, o Options, ss *submit.Session, d *state.Draft, cat *state.Catalog, in io.Reader, out io.Writer) (sent bool, err error) {
	for {
		fmt.Fprintf(out, "\nDraft %q: %d users.\n", safetext.Line(d.Name), len(d.Users))
		choice := actionReview
		if err := chooseOne(in, out, "Next", menuItems(d), &choice); err != nil {
			return false, err
		}
		switch {
		case choice == actionQuit:
			return false, nil
		case choice == actionReview:
			sent, err := reviewAndSubmit(ctx, o, ss, d, in, out)
			if sent || err != nil {
				return sent, err
			}
		case choice == actionAdd:
			i, err := d.AddUser("")
			if err != nil {
				fmt.Fprintf(out, "Not added: %v\n", err)
				continue
			}
			err = askUser(ctx, o.Service, d, i, cat, in, out)
			if strings.TrimSpace(d.Users[i].Email) == "" {
				d.Users = d.Users[:i] // input ended before an email
			}
			if err != nil {
				return false, err
			}
			saveOrSay(ss, d, out)
		case strings.HasPrefix(choice, actionUser):
			i, _ := strconv.Atoi(strings.TrimPrefix(choice, actionUser))
			if err := askUser(ctx, o.Service, d, i, cat, in, out); err != nil {
				return false, err
			}
			saveOrSay(ss, d, out)
		}
	}
}

// menuItems are the users to edit, then adding, reviewing and quitting.
func menuItems(d *state.Draft) []pickers.Item {
	items := make([]pickers.Item, 0, len(d.Users)+3)
	for i, u := range d.Users {
		items = append(items, pickers.Item{Value: actionUser + strconv.Itoa(i),
			Label:  "Edit " + u.Email,
			Detail: strings.TrimSpace(u.FirstName + " " + u.LastName)})
	}
	add := pickers.Item{Value: actionAdd, Label: "Add a user"}
	if len(d.Users) >= state.MaxUsers {
		add.Disabled, add.Detail = true, fmt.Sprintf("a batch holds at most %d users", state.MaxUsers)
	}
	return append(items, add,
		pickers.Item{Value: actionReview, Label: "Review and submit", Detail: "check against Zoom, then confirm"},
		pickers.Item{Value: actionQuit, Label: "Quit", Detail: "the draft stays saved"})
}

// saveOrSay saves d through the session, saying when it could not.
func saveOrSay(ss *submit.Session, d *state.Draft, out io.Writer) {
	if err := ss.Save(d); err != nil {
		fmt.Fprintf(out, "Not saved (kept in memory): %v\n", err)
	}
}
