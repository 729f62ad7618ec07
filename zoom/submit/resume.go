package submit

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"zpadd/state"
)

// createdEarlier returns, by draft index, the results of users that an
// earlier submission of this same draft created, from the journal's
// history: resubmitting a partly created draft (a script run again, an
// operator pressing submit twice) must never POST them again.
func (s *Service) createdEarlier(d *state.Draft) (map[int]state.UserResult, error) {
	hist, err := s.j.History()
	if err != nil {
		return nil, fmt.Errorf("submit: reading the history of earlier submissions: %w", err)
	}
	created := map[string]state.UserResult{}
	for _, sub := range hist {
		if sub.DraftID != d.ID {
			continue
		}
		for _, r := range sub.Results {
			if _, seen := created[state.EmailKey(r.Email)]; r.Status == StatusCreated && !seen {
				created[state.EmailKey(r.Email)] = r
			}
		}
	}
	out := map[int]state.UserResult{}
	for i, u := range d.Users {
		if r, ok := created[state.EmailKey(u.Email)]; ok {
			out[i] = r
		}
	}
	return out, nil
}

// resume sends only the users of d that no earlier submission created. The
// rest go through the normal path as a draft of their own; events,
// problems and results are mapped back to d's user indexes, so screens
// and scripts see the whole draft.
func (s *Service) resume(ctx context.Context, d *state.Draft, earlier map[int]state.UserResult, ev func(Event)) (*state.Submission, error) {
	rest := *d
	rest.Users = nil
	var index []int // rest index → d index
	for i, u := range d.Users {
		if _, done := earlier[i]; !done {
			rest.Users = append(rest.Users, u)
			index = append(index, i)
		}
	}
	toDraft := func(i int) int {
		if i >= 0 && i < len(index) {
			return index[i]
		}
		return i
	}
	em := newEmitter(func(e Event) {
		e.User = toDraft(e.User)
		if ev != nil {
			ev(e)
		}
	})
	merged := make([]state.UserResult, len(d.Users))
	for i, r := range earlier {
		r.Checks = append([]state.Check(nil), r.Checks...)
		merged[i] = r
	}
	note := fmt.Sprintf("%d user(s) created by an earlier submission of this draft were not sent again", len(earlier))

	if len(rest.Users) == 0 {
		em.emit(Event{Kind: Done, User: -1, Status: OutcomeDone, Message: note})
		s.setDraftStatus(d.ID, merged)
		return &state.Submission{DraftID: d.ID, DraftName: d.Name, Sent: s.o.Now(), Finished: s.o.Now(),
			Results: merged, Outcome: OutcomeDone, Note: note}, nil
	}
	sub, err := s.send(ctx, &rest, em)
	var blocked *BlockedError
	if errors.As(err, &blocked) {
		for k := range blocked.Problems {
			blocked.Problems[k].User = toDraft(blocked.Problems[k].User)
		}
		// Nothing was sent: the users created earlier stay created, the
		// others are skipped with what blocks them.
		for _, i := range index {
			merged[i] = state.UserResult{Email: d.Users[i].Email, Status: StatusSkipped,
				Error: blockingText(blocked.Problems.ForUser(i))}
		}
		return &state.Submission{DraftID: d.ID, DraftName: d.Name, Results: merged, Outcome: OutcomeDone, Note: note}, err
	}
	if sub == nil {
		return nil, err
	}
	for j, r := range sub.Results {
		merged[index[j]] = r
	}
	out := *sub
	out.DraftID, out.DraftName, out.Results = d.ID, d.Name, merged
	out.Outcome = outcomeOf(merged)
	out.Note = joinNote(note, sub.Note)
	s.setDraftStatus(d.ID, merged)
	return &out, err
}

// blockingText joins the errors among problems, for a skipped user's result.
func blockingText(ps state.Problems) string {
	var msgs []string
	for _, p := range ps.Errors() {
		msgs = append(msgs, strings.TrimPrefix(p.Field+": "+p.Message, ": "))
	}
	return strings.Join(msgs, "; ")
}
