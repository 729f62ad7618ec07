package submit

import "zpadd/state"

// Per-user result statuses (the --json "status" contract) and submission
// outcomes, as stored in state.UserResult.Status and state.Submission.Outcome.
const (
	StatusCreated = "created"
	StatusFailed  = "failed"
	StatusSkipped = "skipped"
	StatusUnknown = "unknown"

	OutcomeDone    = "done"
	OutcomeUnknown = "unknown"
)

// Draft statuses set in the store after a submit.
const (
	DraftStatusDraft     = state.StatusDraft
	DraftStatusSubmitted = state.StatusSubmitted
	DraftStatusPartial   = state.StatusPartial
	DraftStatusUnknown   = state.StatusUnknown
)
