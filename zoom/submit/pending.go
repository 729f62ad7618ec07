package submit

import (
	"fmt"

	"zpadd/state"
)

// Pending is a journalled intent with no recorded outcome, with who owns it
// now.
type Pending struct {
	state.Intent
	// Here is true while this process is sending it.
	Here bool
	// Elsewhere names the live zpadd holding the draft (its submit is in
	// flight there, or it will reconcile it before its own submit); nil
	// when nobody does.
	Elsewhere *state.LockedError
}

// Orphaned is true when the intent's owner is gone (it crashed or was
// killed: the OS released the draft's lock): only then is it reconciled
// from here.
func (p Pending) Orphaned() bool { return !p.Here && p.Elsewhere == nil }

// Owner says where the intent stands, for Home and the CLI.
func (p Pending) Owner() string {
	switch {
	case p.Here:
		return "being sent by this zpadd"
	case p.Elsewhere != nil:
		return "in flight in " + p.Elsewhere.Who()
	}
	return "interrupted (its zpadd is gone): reconcile it"
}

// PendingIntents lists the journal's unfinished intents, oldest first, each
// with its owner: an intent whose draft lock a live process holds is in
// flight there and must never be reconciled or resent from here.
func (s *Service) PendingIntents() ([]Pending, error) {
	return PendingIntents(s.j, s.o.Store, s)
}

// PendingIntents is Service.PendingIntents for a process that may have no
// service (drafting offline); svc may be nil.
func PendingIntents(j *state.Journal, store *state.Store, svc *Service) ([]Pending, error) {
	if j == nil {
		return nil, nil
	}
	ins, err := j.Unfinished()
	if err != nil {
		return nil, err
	}
	out := make([]Pending, 0, len(ins))
	for _, in := range ins {
		p := Pending{Intent: in, Here: svc != nil && svc.isSendingHere(in.ID)}
		if !p.Here && store != nil {
			_, other, err := store.Holder(in.DraftID)
			if err != nil {
				return nil, fmt.Errorf("who holds draft %s: %w", in.DraftID, err)
			}
			p.Elsewhere = other
		}
		out = append(out, p)
	}
	return out, nil
}

// MarkUnsettled corrects the listed status of drafts the store calls
// "draft" although they were sent: one whose batch has no outcome in the
// journal (in flight, or Zoom's answer could not be written on a full disk)
// is "unknown"; one the journal says Zoom created users of is "submitted"
// or "partial" (the status file could not be written). Created users are
// never shown as a draft.
func MarkUnsettled(j *state.Journal, infos []state.DraftInfo) {
	if j == nil {
		return
	}
	ins, err := j.Unfinished()
	if err != nil {
		return
	}
	sent := map[string]bool{}
	for _, in := range ins {
		sent[in.DraftID] = true
	}
	hist, _ := j.History()
	created := map[string]map[string]bool{} // draft → emails created
	for _, sub := range hist {
		for _, r := range sub.Results {
			if r.Status == StatusCreated {
				if created[sub.DraftID] == nil {
					created[sub.DraftID] = map[string]bool{}
				}
				created[sub.DraftID][state.EmailKey(r.Email)] = true
			}
		}
	}
	for i := range infos {
		in := &infos[i]
		switch {
		case in.Status != state.StatusDraft:
		case sent[in.ID]:
			in.Status = state.StatusUnknown
		case len(created[in.ID]) >= in.Users && in.Users > 0:
			in.Status = state.StatusSubmitted
		case len(created[in.ID]) > 0:
			in.Status = state.StatusPartial
		}
	}
}
