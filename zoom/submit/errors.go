package submit

import (
	"errors"
	"fmt"
	"strings"

	"zpadd/state"
)

// ErrBlocked is returned (wrapped in a *BlockedError) when pre-flight found
// errors: nothing was sent.
var ErrBlocked = errors.New("submit blocked by pre-flight errors; nothing was sent")

// ErrUnreachable is returned when Zoom gave no answer at all (offline, DNS,
// a firewall): nothing was checked and nothing was sent.
var ErrUnreachable = errors.New("cannot reach Zoom")

// BlockedError carries the problems that blocked a submit.
type BlockedError struct {
	Problems state.Problems
}

func (e *BlockedError) Error() string {
	errs := e.Problems.Errors()
	var b strings.Builder
	fmt.Fprintf(&b, "%v (%d error", ErrBlocked, len(errs))
	if len(errs) != 1 {
		b.WriteString("s")
	}
	b.WriteString(")")
	for _, p := range errs {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap lets errors.Is(err, ErrBlocked) work.
func (e *BlockedError) Unwrap() error { return ErrBlocked }

// NotJournalledError means Zoom's answer could not be recorded in the
// journal (a full disk): the results returned say what Zoom did, the
// intent stays unfinished and is reconciled (read back, never resent) by
// the next submit or start.
type NotJournalledError struct{ Err error }

func (e *NotJournalledError) Error() string {
	return fmt.Sprintf("Zoom's answer could not be journalled (%v): the results shown are what Zoom did; the next submit or start reads these users back before anything is resent", e.Err)
}

func (e *NotJournalledError) Unwrap() error { return e.Err }

// HeldError means another live zpadd holds the draft (editing it in the
// wizard, or submitting it): nothing was sent from here.
type HeldError struct{ Held *state.LockedError }

func (e *HeldError) Error() string {
	return fmt.Sprintf("draft %s is open in %s; nothing was sent from here (quit the other zpadd, or let its submit finish, then try again)",
		e.Held.Label(), e.Held.Who())
}

func (e *HeldError) Unwrap() error { return e.Held }
