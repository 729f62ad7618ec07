package submit

import (
	"errors"

	"zpadd/state"
)

// Exit codes of the headless commands (DESIGN.md "exit codes").
const (
	ExitOK      = 0 // every user done
	ExitOther   = 1 // config, auth, network before anything was sent
	ExitInvalid = 2 // invalid input or pre-flight blocked, nothing sent
	ExitRefused = 3 // Zoom refused some or all users
	ExitUnknown = 4 // outcome unknown after reconcile
)

// ExitCode folds the submissions of one command and its error into the
// process exit code. The worst outcome wins: an unknown outcome (4) matters
// more than a refusal (3), because the operator must look before resending.
func ExitCode(subs []*state.Submission, err error) int {
	if errors.Is(err, ErrBlocked) {
		return ExitInvalid
	}
	var unknown, failed bool
	for _, s := range subs {
		if s == nil {
			continue
		}
		for _, r := range s.Results {
			switch r.Status {
			case StatusUnknown:
				unknown = true
			case StatusFailed:
				failed = true
			}
		}
		if s.Outcome == OutcomeUnknown {
			unknown = true
		}
	}
	switch {
	case unknown:
		return ExitUnknown
	case failed:
		return ExitRefused
	case err != nil:
		return ExitOther
	}
	return ExitOK
}
