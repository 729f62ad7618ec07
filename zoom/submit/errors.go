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
