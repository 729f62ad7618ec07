package submit

import (
	"context"
	"errors"
	"fmt"

	"zpadd/state"
)

// Submit sends d to Zoom in one POST /phone/users/batch and records what
// happened. In order:
//
//  1. unfinished intents of this same draft (a crash mid-submit) are
//     reconciled first, and users an earlier submission of this draft
//     created are not sent again (their earlier results are kept);
//  2. pre-flight; errors refuse with a *BlockedError (errors.Is ErrBlocked)
//     and nothing is sent;
//  3. the intent (the exact body) is journalled before the POST;
//  4. the POST and any read-back run detached from ctx with their own
//     timeout: once a request may have reached Zoom, its outcome is always
//     recorded. Cancelling ctx before that sends nothing.
//  5. created users are verified concurrently and the Submission is stored
//     with Journal.Finish (and the draft's status set when Options.Store is
//     given);
//  6. the follow-ups the batch body cannot carry (a user's emergency
//     address) are journalled, sent and read back (followups.go), for users
//     created now or by an earlier submission of the draft.
//
// A refusal by Zoom is not an error: it is in the Submission's results. The
// error is non-nil when nothing could be decided (blocked, cancelled before
// sending, journal or auth failure).
func (s *Service) Submit(ctx context.Context, d *state.Draft, ev func(Event)) (*state.Submission, error) {
	em := newEmitter(ev)
	if s.j == nil {
		return nil, errors.New("submit: no journal: refusing to send without recording the intent first")
	}
	if d == nil || len(d.Users) == 0 {
		return nil, &BlockedError{Problems: state.Problems{{User: -1, Severity: state.Error, Message: "the draft has no users to add"}}}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d = d.Clone() // the caller may go on editing its draft meanwhile
	ctx, done := s.track(ctx, WorkSubmit, d.Name)
	defer done()
	if err := s.settleUnfinished(ctx, d.ID, em); err != nil {
		return nil, err
	}
	earlier, err := s.createdEarlier(d)
	if err != nil {
		return nil, err
	}
	var sub *state.Submission
	if len(earlier) == 0 {
		sub, err = s.send(ctx, d, em)
		if sub != nil {
			s.setDraftStatus(d.ID, sub.Results)
		}
	} else {
		sub, err = s.resume(ctx, d, earlier, ev)
	}
	s.followUps(ctx, d, sub, em)
	return sub, err
}

// send runs steps 2 to 5 for d: pre-flight, journal, POST, verify, Finish.
func (s *Service) send(ctx context.Context, d *state.Draft, em *emitter) (*state.Submission, error) {
	body, err := Body(d)
	if err != nil {
		return nil, err
	}
	if err := s.preflightForSubmit(ctx, d, body, em); err != nil {
		return nil, err
	}
	// Last moment a cancel sends nothing and leaves no trace.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	intent, err := s.j.Begin(d.ID, d.Name, body)
	if err != nil {
		return nil, fmt.Errorf("submit: could not journal the request before sending, so nothing was sent: %w", err)
	}
	s.forgetCheck()
	defer s.sendingHere(intent.ID)()
	started := s.o.Now()
	run := newPostRun(s, d, em)
	runErr := run.execute(ctx)
	verified := s.verifyCreated(ctx, d, run.results, run.readBack, em)

	sub := &state.Submission{
		ID:        intent.ID,
		DraftID:   d.ID,
		DraftName: d.Name,
		Sent:      started,
		Finished:  s.o.Now(),
		Results:   run.results,
		Outcome:   outcomeOf(run.results),
		Note:      run.note(),
	}
	if !verified {
		sub.Note = joinNote(sub.Note, "verification skipped: cancelled")
	}
	if err := s.j.Finish(intent.ID, *sub); err != nil {
		runErr = errors.Join(runErr, &NotJournalledError{Err: err})
	}
	s.pruneCatalog(d, sub.Results)
	created, failed, skipped, unknown := sub.Counts()
	em.emit(Event{Kind: Done, User: -1, Status: sub.Outcome,
		Message: fmt.Sprintf("%d created, %d failed, %d skipped, %d unknown", created, failed, skipped, unknown)})
	return sub, runErr
}

// settleUnfinished reconciles journalled intents of the same draft whose
// outcome was never recorded (a crash between POST and answer): resending
// them blindly could create users twice.
func (s *Service) settleUnfinished(ctx context.Context, draftID string, em *emitter) error {
	intents, err := s.j.Unfinished()
	if err != nil {
		return fmt.Errorf("submit: reading the journal for unfinished submissions: %w", err)
	}
	for _, in := range intents {
		if in.DraftID != draftID {
			continue
		}
		if s.isSendingHere(in.ID) {
			return fmt.Errorf("submit: this draft is already being sent by this zpadd (%s); nothing more was sent", in.ID)
		}
		if _, err := s.Reconcile(ctx, in, em.fn); err != nil {
			return fmt.Errorf("submit: an earlier submission of this draft (%s) has no recorded outcome and could not be reconciled, so nothing was sent: %w", in.ID, err)
		}
	}
	return nil
}

// outcomeOf is "unknown" when any user's fate is unknown, else "done".
func outcomeOf(rs []state.UserResult) string {
	for _, r := range rs {
		if r.Status == StatusUnknown {
			return OutcomeUnknown
		}
	}
	return OutcomeDone
}

// setDraftStatus records in the store what became of the draft; failures
// are logged, since the journal already holds the truth.
func (s *Service) setDraftStatus(id string, rs []state.UserResult) {
	if s.o.Store == nil || id == "" {
		return
	}
	// A user an earlier submission of this draft created stays created,
	// whatever a later answer says (Zoom refuses a second add of them).
	before := map[string]bool{}
	if s.j != nil {
		if hist, err := s.j.History(); err == nil {
			for _, sub := range hist {
				for _, r := range sub.Results {
					if sub.DraftID == id && r.Status == StatusCreated {
						before[state.EmailKey(r.Email)] = true
					}
				}
			}
		}
	}
	var created, unknown int
	for _, r := range rs {
		switch {
		case r.Status == StatusCreated || before[state.EmailKey(r.Email)]:
			created++
		case r.Status == StatusUnknown:
			unknown++
		}
	}
	status := DraftStatusDraft
	switch {
	case unknown > 0:
		status = DraftStatusUnknown
	case created == len(rs):
		status = DraftStatusSubmitted
	case created > 0:
		status = DraftStatusPartial
	}
	if err := s.o.Store.SetStatus(id, status); err != nil {
		s.log.Warn("could not set draft status", "draft", id, "status", status, "err", err)
	}
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
