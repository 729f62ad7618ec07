package state

import (
	"sort"
	"time"
)

// Submission is the outcome of one POST of a draft: what each user became.
// Its ID is the journal intent's ID.
type Submission struct {
	ID        string       `json:"id"`
	DraftID   string       `json:"draft_id"`
	DraftName string       `json:"draft_name"`
	Sent      time.Time    `json:"sent"`
	Finished  time.Time    `json:"finished"`
	Results   []UserResult `json:"results"`
	Outcome   string       `json:"outcome"` // OutcomeDone or OutcomeUnknown
	Note      string       `json:"note,omitempty"`
}

// Submission outcomes.
const (
	OutcomeDone    = "done"    // every user's result is known
	OutcomeUnknown = "unknown" // some result is still unknown after reconcile
)

// UserResult is one user's result, as `--json` prints it.
type UserResult struct {
	Email  string  `json:"email"`
	Status string  `json:"status"` // ResultCreated, ResultFailed, ResultSkipped or ResultUnknown
	ID     string  `json:"id"`
	Error  string  `json:"error"`
	Field  string  `json:"field,omitempty"`
	Checks []Check `json:"checks"`
}

// User result statuses.
const (
	ResultCreated = "created"
	ResultFailed  = "failed"
	ResultSkipped = "skipped"
	ResultUnknown = "unknown"
)

// Check is one verification of a created user: "phone user", "extension",
// "numbers" or "desk phone".
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// Counts tallies the results by status; an unrecognised status counts as unknown.
func (s Submission) Counts() (created, failed, skipped, unknown int) {
	for _, r := range s.Results {
		switch r.Status {
		case ResultCreated:
			created++
		case ResultFailed:
			failed++
		case ResultSkipped:
			skipped++
		default:
			unknown++
		}
	}
	return
}

// History returns every recorded submission, newest first. When an intent
// was finished more than once (an "unknown" later reconciled), the latest
// outcome is the one shown.
func (j *Journal) History() ([]Submission, error) {
	recs, err := j.read()
	if err != nil {
		return nil, err
	}
	latest := map[string]int{}
	var out []Submission
	for _, r := range recs {
		if r.Type != recordOutcome || r.Outcome == nil {
			continue
		}
		if i, ok := latest[r.Outcome.ID]; ok {
			out[i] = cloneSubmission(*r.Outcome)
			continue
		}
		latest[r.Outcome.ID] = len(out)
		out = append(out, cloneSubmission(*r.Outcome))
	}
	sort.SliceStable(out, func(a, b int) bool { return submissionTime(out[a]).After(submissionTime(out[b])) })
	return out, nil
}

func submissionTime(s Submission) time.Time {
	if !s.Sent.IsZero() {
		return s.Sent
	}
	return s.Finished
}
