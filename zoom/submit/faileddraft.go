package submit

import "zpadd/state"

// FailedDraft returns a new draft holding only the users of d that sub did
// not create (failed, skipped or unknown), with d's batch defaults, so the
// operator can fix and resend them in one key. Users whose outcome is
// unknown are included on purpose: pre-flight reads each back before any
// resend and blocks the ones Zoom did create. It returns nil when every user
// was created.
func FailedDraft(d *state.Draft, sub *state.Submission) *state.Draft {
	if d == nil {
		return nil
	}
	created := createdEmails(sub)
	var left []state.User
	for _, u := range d.Users {
		if !created[state.EmailKey(u.Email)] {
			left = append(left, cloneUser(u))
		}
	}
	if len(left) == 0 {
		return nil
	}
	nd := state.NewDraft(d.Name+" (not added)", d.Defaults)
	nd.Users = left
	return nd
}

// createdEmails is the set of emails (state.EmailKey) sub created; empty
// for a nil sub.
func createdEmails(sub *state.Submission) map[string]bool {
	created := map[string]bool{}
	if sub == nil {
		return created
	}
	for _, r := range sub.Results {
		if r.Status == StatusCreated {
			created[state.EmailKey(r.Email)] = true
		}
	}
	return created
}

// cloneUser deep-copies a user so the new draft shares no slices with d.
func cloneUser(u state.User) state.User {
	u.CallingPlans = append([]string(nil), u.CallingPlans...)
	u.PhoneNumbers = append([]string(nil), u.PhoneNumbers...)
	u.DeskPhones = append([]state.DeskPhone(nil), u.DeskPhones...)
	if u.SMS != nil {
		v := *u.SMS
		u.SMS = &v
	}
	if u.SelectOutboundCallerID != nil {
		v := *u.SelectOutboundCallerID
		u.SelectOutboundCallerID = &v
	}
	return u
}
