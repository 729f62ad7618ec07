package common

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/zoom/submit"
)

// LookupTimeout bounds one background email lookup.
const LookupTimeout = 15 * time.Second

// LookedUp is the result of LookupEmail, delivered to the screen that
// asked. Email is normalised.
type LookedUp struct {
	Email  string
	Result submit.UserLookup
	Err    error
}

// LookupEmail returns a command asking Zoom about one email (account user:
// active? names; already a phone user?). Many of them may run at once: the
// client's rate limiter bounds what reaches Zoom. nil without a service or
// for an invalid email.
func (c *Context) LookupEmail(email string) tea.Cmd {
	if c == nil || c.Service == nil {
		return nil
	}
	norm, err := state.NormalizeEmail(email)
	if err != nil {
		return nil
	}
	svc := c.Service
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), LookupTimeout)
		defer cancel()
		res, err := svc.LookupUser(ctx, norm)
		return LookedUp{Email: norm, Result: res, Err: err}
	}
}

// Remember keeps a successful lookup for the rest of the run, so the batch
// table and the user form share it.
func (c *Context) Remember(l LookedUp) {
	if l.Err != nil {
		return
	}
	if c.Lookups == nil {
		c.Lookups = map[string]submit.UserLookup{}
	}
	c.Lookups[state.EmailKey(l.Email)] = l.Result
}

// Lookup returns what Zoom said about an email earlier in this run.
func (c *Context) Lookup(email string) (submit.UserLookup, bool) {
	if c == nil || c.Lookups == nil {
		return submit.UserLookup{}, false
	}
	norm, err := state.NormalizeEmail(email)
	if err != nil {
		return submit.UserLookup{}, false
	}
	l, ok := c.Lookups[state.EmailKey(norm)]
	return l, ok
}

// FillNames puts the looked-up names into user i when its email is still
// the one looked up and its names are empty or came from a lookup (they
// follow the email); names the operator typed are kept (LookupProblems
// flags them when they differ). It reports a change. Only the UI goroutine
// calls it: work in goroutines holds snapshots of the draft.
func FillNames(d *state.Draft, i int, l LookedUp) bool {
	if d == nil || i < 0 || i >= len(d.Users) || l.Err != nil {
		return false
	}
	return d.Users[i].ApplyLookedUpNames(l.Email, l.Result.First, l.Result.Last)
}

// NameProblems warn, on the first-name field, about users whose typed
// names differ from the Zoom user's that their email's lookup found.
func (c *Context) NameProblems(d *state.Draft) state.Problems {
	if d == nil {
		return nil
	}
	var out state.Problems
	for i, u := range d.Users {
		l, ok := c.Lookup(u.Email)
		if !ok || l.Status == submit.StatusNotFound {
			continue
		}
		if w := u.NameMismatch(l.First, l.Last); w != "" {
			out = append(out, state.Problem{User: i, Email: u.Email, Field: "first_name", Severity: state.Warning, Message: w})
		}
	}
	return out
}

// LookupProblems are the warnings Zoom's answers give about the draft's
// users (no such user, not active, already a phone user), for the rows'
// marks before pre-flight makes them errors, and NameProblems. Users that
// already have an email problem in ps are skipped.
func (c *Context) LookupProblems(d *state.Draft, ps state.Problems) state.Problems {
	if d == nil {
		return nil
	}
	out := c.NameProblems(d)
	for i, u := range d.Users {
		l, ok := c.Lookup(u.Email)
		if !ok || hasEmailProblem(ps, i) {
			continue
		}
		msg := ""
		switch {
		case l.Status == submit.StatusNotFound:
			msg = "no Zoom user has this email: create the user in Zoom (or fix the address) first"
			if alt := c.didYouMean(d, u.Email); alt != "" {
				msg = "no Zoom user has this email: did you mean " + alt + "?"
			}
		case l.PhoneUser:
			msg = "already a Zoom Phone user"
			if l.Extension != "" {
				msg += " (extension " + l.Extension + ")"
			}
			msg += ": remove them from this batch"
		case !l.Active:
			msg = "the Zoom user is " + l.Status + ": Zoom adds only active users; activate the user first"
		default:
			continue
		}
		// Error, as review's pre-flight reports the same answers: Zoom adds
		// none of these users, so every screen marks them ✗.
		out = append(out, state.Problem{User: i, Email: u.Email, Field: "email", Severity: state.Error, Message: msg})
	}
	return out
}

func hasEmailProblem(ps state.Problems, i int) bool {
	for _, p := range ps {
		if p.User == i && p.Field == "email" {
			return true
		}
	}
	return false
}

// ApplyLookup remembers a lookup and fills the names of the draft's user
// with that email (whichever screen is on top when it lands: the batch
// table's lookups may finish while a user form is open). It returns the
// user's index (-1 when the email left the draft) and whether the draft
// changed. A read-only draft is not changed.
func (c *Context) ApplyLookup(l LookedUp) (int, bool) {
	c.Remember(l)
	if c.Draft == nil {
		return -1, false
	}
	i := c.Draft.IndexOfEmail(l.Email)
	if i < 0 || c.ReadOnly {
		return i, false
	}
	return i, FillNames(c.Draft, i, l)
}

// CatalogPruned tells the shell and the screens that a submit or reconcile
// took what Zoom now holds out of the service's catalog, so the pickers stop
// offering it at once.
func CatalogPruned(svc *submit.Service) tea.Cmd {
	if svc == nil {
		return nil
	}
	return func() tea.Msg {
		if c := svc.CachedCatalog(); c != nil {
			return CatalogUpdated{Catalog: c}
		}
		return nil
	}
}
