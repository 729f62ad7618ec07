package submit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"zpadd/state"
)

// Reconcile settles an intent whose outcome was never recorded (zpadd
// crashed or was killed between journalling and Zoom's answer): each user of
// the journalled body is read back — a phone user → created (then
// verified), not found → failed (safe to submit again), unreadable →
// unknown — and the outcome is recorded with Journal.Finish. Nothing is
// POSTed.
func (s *Service) Reconcile(ctx context.Context, in state.Intent, ev func(Event)) (*state.Submission, error) {
	if s.j == nil {
		return nil, errors.New("reconcile: no journal")
	}
	users, err := usersFromBody(in.Body)
	if err != nil {
		return nil, fmt.Errorf("reconcile %s: the journalled request body is unreadable: %w", in.ID, err)
	}
	ctx, done := s.track(ctx, WorkReconcile, in.DraftName)
	defer done()
	em := newEmitter(ev)
	d := &state.Draft{ID: in.DraftID, Name: in.DraftName, Users: users}
	run := newPostRun(s, d, em)
	all := make([]int, len(users))
	for i := range all {
		all[i] = i
	}
	run.reconcile(ctx, all, "not added: the earlier submit was interrupted before Zoom created this user; it is safe to submit again")
	s.verifyCreated(ctx, d, run.results, run.readBack, em)
	sub := &state.Submission{
		ID:        in.ID,
		DraftID:   in.DraftID,
		DraftName: in.DraftName,
		Sent:      in.Time,
		Finished:  s.o.Now(),
		Results:   run.results,
		Outcome:   outcomeOf(run.results),
		Note:      "reconciled after an interrupted submit: users read back from Zoom",
	}
	if err := s.j.Finish(in.ID, *sub); err != nil {
		s.pruneCatalog(d, run.results)
		return sub, &NotJournalledError{Err: fmt.Errorf("reconcile %s: %w", in.ID, err)}
	}
	s.setDraftStatus(in.DraftID, run.results)
	s.pruneCatalog(d, run.results)
	created, failed, _, unknown := sub.Counts()
	em.emit(Event{Kind: Done, User: -1, Status: sub.Outcome,
		Message: fmt.Sprintf("reconciled: %d created, %d not added, %d unknown", created, failed, unknown)})
	return sub, nil
}

// usersFromBody reads back the users of a journalled batch body: what
// reconcile and verification need (email, extension, numbers, MACs).
func usersFromBody(body []byte) ([]state.User, error) {
	if users, ok := pendingBodyUsers(body); ok {
		return users, nil
	}
	var req struct {
		Users []struct {
			Email           string   `json:"email"`
			FirstName       string   `json:"first_name"`
			LastName        string   `json:"last_name"`
			ExtensionNumber string   `json:"extension_number"`
			SiteName        string   `json:"site_name"`
			SiteCode        string   `json:"site_code"`
			PhoneNumbers    []string `json:"phone_numbers"`
			DeskPhones      []struct {
				MAC   string `json:"mac"`
				Brand string `json:"brand"`
				Model string `json:"model"`
			} `json:"desk_phones"`
		} `json:"users"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return nil, err
	}
	if len(req.Users) == 0 {
		return nil, errors.New("no users in it")
	}
	out := make([]state.User, len(req.Users))
	for i, u := range req.Users {
		out[i] = state.User{Email: u.Email, FirstName: u.FirstName, LastName: u.LastName, ExtensionNumber: u.ExtensionNumber,
			SiteName: u.SiteName, SiteCode: u.SiteCode, PhoneNumbers: u.PhoneNumbers}
		for _, p := range u.DeskPhones {
			out[i].DeskPhones = append(out[i].DeskPhones, state.DeskPhone{MAC: bareMAC(p.MAC), Brand: p.Brand, Model: p.Model})
		}
	}
	return out, nil
}
