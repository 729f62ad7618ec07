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

// MarkUnsettled shows "unknown" for a listed draft whose batch was sent but
// whose outcome is not in the journal (in flight, or Zoom's answer could
// not be written on a full disk): it was sent, so it is not a "draft" any
// more, and created users must never be shown as one.
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
	for i := range infos {
		if sent[infos[i].ID] && infos[i].Status == state.StatusDraft {
			infos[i].Status = state.StatusUnknown
		}
	}
}
