package state

import (
	"errors"
	"fmt"
	"time"
)

// Follow-ups are the writes made after a batch for what its body cannot
// carry (zoom-api.md §11.6): today a user's emergency address, set by
// PATCH /phone/users/{userId}. Like the batch, each is journalled before it
// is sent and its outcome after, so a crash or a lost answer leaves an
// intent to reconcile (by reading the user back) instead of a guess.
const (
	recordFollowUp        = "followup"
	recordFollowUpOutcome = "followup_outcome"
)

// FollowUpEmergencyAddress is the kind of follow-up that sets a user's
// emergency address.
const FollowUpEmergencyAddress = "emergency_address"

// Follow-up outcomes.
const (
	// FollowUpDone: Zoom has the value (answered 2xx, or read back).
	FollowUpDone = "done"
	// FollowUpRefused: Zoom refused it; Detail is Zoom's message.
	FollowUpRefused = "refused"
	// FollowUpNotSent: it never left (no connection, cancelled, no token).
	FollowUpNotSent = "not_sent"
	// FollowUpUnknown: the answer was lost and the read-back failed too.
	FollowUpUnknown = "unknown"
)

// FollowUp is one write about to be sent for a user a submission created.
type FollowUp struct {
	ID           string    `json:"id"`
	SubmissionID string    `json:"submission_id,omitempty"`
	DraftID      string    `json:"draft_id"`
	Email        string    `json:"email"`
	UserID       string    `json:"user_id"`
	Kind         string    `json:"kind"`
	Value        string    `json:"value"`           // the emergency address id
	Label        string    `json:"label,omitempty"` // its one-line text, for people
	Time         time.Time `json:"time"`
}

// FollowUpOutcome is what became of a FollowUp.
type FollowUpOutcome struct {
	ID         string    `json:"id"` // the FollowUp's
	Status     string    `json:"status"`
	Detail     string    `json:"detail,omitempty"`
	Reconciled bool      `json:"reconciled,omitempty"` // decided by reading the user back
	Time       time.Time `json:"time"`
}

// FollowUpState is a FollowUp with its latest outcome (nil when none was
// recorded: the request may or may not have reached Zoom).
type FollowUpState struct {
	FollowUp
	Outcome *FollowUpOutcome
}

// BeginFollowUp records that f is about to be sent and returns it with its
// id and time; only once it is on disk may the request go out.
func (j *Journal) BeginFollowUp(f FollowUp) (FollowUp, error) {
	if f.DraftID == "" || f.Email == "" || f.UserID == "" || f.Kind == "" || f.Value == "" {
		return FollowUp{}, errors.New("journal: a follow-up needs a draft, an email, a user id, a kind and a value")
	}
	f.ID = newIntentID(j.now())
	f.Time = j.now().UTC()
	if err := j.append(journalRecord{Type: recordFollowUp, FollowUp: &f}); err != nil {
		return FollowUp{}, fmt.Errorf("journal the %s follow-up of %s before sending: %w; nothing was sent", f.Kind, f.Email, err)
	}
	return f, nil
}

// FinishFollowUp records the outcome of a follow-up; a later one (after a
// reconcile) replaces it.
func (j *Journal) FinishFollowUp(id, status, detail string, reconciled bool) error {
	o := FollowUpOutcome{ID: id, Status: status, Detail: detail, Reconciled: reconciled, Time: j.now().UTC()}
	if err := j.append(journalRecord{Type: recordFollowUpOutcome, FollowUpOutcome: &o}); err != nil {
		return fmt.Errorf("record the outcome of follow-up %s: %w", id, err)
	}
	return nil
}

// FollowUps returns the follow-ups of a draft, oldest first, each with its
// latest outcome.
func (j *Journal) FollowUps(draftID string) ([]FollowUpState, error) {
	recs, err := j.read()
	if err != nil {
		return nil, err
	}
	var out []FollowUpState
	at := map[string]int{}
	for _, r := range recs {
		switch {
		case r.Type == recordFollowUp && r.FollowUp != nil && r.FollowUp.DraftID == draftID:
			if _, dup := at[r.FollowUp.ID]; !dup {
				at[r.FollowUp.ID] = len(out)
				out = append(out, FollowUpState{FollowUp: *r.FollowUp})
			}
		case r.Type == recordFollowUpOutcome && r.FollowUpOutcome != nil:
			if i, ok := at[r.FollowUpOutcome.ID]; ok {
				o := *r.FollowUpOutcome
				out[i].Outcome = &o
			}
		}
	}
	return out, nil
}

// LatestFollowUp is the most recent follow-up of this kind for a user
// (email compared as EmailKey) among states, or nil.
func LatestFollowUp(states []FollowUpState, email, kind string) *FollowUpState {
	key := EmailKey(email)
	for i := len(states) - 1; i >= 0; i-- {
		if states[i].Kind == kind && EmailKey(states[i].Email) == key {
			return &states[i]
		}
	}
	return nil
}
