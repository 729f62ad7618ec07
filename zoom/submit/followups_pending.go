package submit

import (
	"context"
	"errors"
	"strings"

	"zpadd/state"
)

// PendingFollowUps returns the drafts among ds whose created users still
// wait for a follow-up: zpadd stopped between the batch and its follow-ups,
// or a follow-up's answer was lost and never settled. It reads only the
// journal and the cached catalog (no request), so the home screen can
// offer to finish them.
func (s *Service) PendingFollowUps(ds []*state.Draft) []*state.Draft {
	if s.j == nil {
		return nil
	}
	cat := s.CachedCatalog()
	var out []*state.Draft
	for _, d := range ds {
		if s.hasPendingFollowUp(d, cat) {
			out = append(out, d)
		}
	}
	return out
}

func (s *Service) hasPendingFollowUp(d *state.Draft, cat *state.Catalog) bool {
	if d == nil {
		return false
	}
	named := false
	for _, u := range d.Users {
		named = named || strings.TrimSpace(u.EmergencyAddress) != ""
	}
	if !named {
		return false
	}
	earlier, err := s.createdEarlier(d)
	if err != nil || len(earlier) == 0 {
		return false
	}
	states, err := s.j.FollowUps(d.ID)
	if err != nil {
		return false
	}
	known := cat != nil && cat.Known[knownEmergencyAddresses]
	for i := range earlier {
		u := d.Users[i]
		if strings.TrimSpace(u.EmergencyAddress) == "" {
			continue
		}
		want := ""
		if known {
			a, need, err := cat.NeedsEmergencyFollowUp(u, cat.UserSiteID(u))
			if err != nil || !need {
				continue // nothing to send (check names a bad address)
			}
			want = a.ID
		}
		prev := state.LatestFollowUp(states, u.Email, state.FollowUpEmergencyAddress)
		switch {
		case prev == nil:
			return true
		case want != "" && prev.Value != want:
			return true
		case prev.Outcome == nil || prev.Outcome.Status == state.FollowUpUnknown || prev.Outcome.Status == state.FollowUpNotSent:
			return true
		}
	}
	return false
}

// FinishFollowUps runs the follow-ups of d's created users that are not
// done (followups.go): nothing is POSTed, each write is read back first
// when an earlier one may have reached Zoom.
func (s *Service) FinishFollowUps(ctx context.Context, d *state.Draft, ev func(Event)) (*state.Submission, error) {
	sub, err := s.SubmittedDraft(d)
	if err != nil {
		return nil, err
	}
	if sub == nil {
		return nil, errors.New("no user of this draft has been created: nothing to follow up")
	}
	ctx, done := s.track(ctx, WorkFollowUps, d.Name)
	defer done()
	s.followUps(ctx, d, sub, newEmitter(ev))
	return sub, nil
}
