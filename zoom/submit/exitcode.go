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
	var held *HeldError
	if errors.Is(err, ErrBlocked) || errors.As(err, &held) {
		return ExitInvalid
	}
	// Once something was sent, the code says what Zoom did; a journal that
	// could not record it (a full disk) is reported, not turned into 1,
	// which means "before anything was sent".
	var nj *NotJournalledError
	if errors.As(err, &nj) && len(subs) > 0 {
		err = nil
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
