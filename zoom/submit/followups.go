package submit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"zpadd/state"
	"zpadd/zoom"
)

// CheckEmergencyAddress is the check (state.Check.Name) that reports a
// created user's emergency address: the site's default, or the address
// the follow-up set and read back.
const CheckEmergencyAddress = "emergency address"

// followUps runs the writes the batch body cannot carry, for every user of
// d that sub says was created (zoom-api.md §11.6): today, setting a user's
// emergency address with PATCH /phone/users/{userId} when it is not the
// site's default. Each write is journalled before it is sent and its
// outcome after; a write whose answer was lost (now or in an earlier run
// that crashed) is settled by reading the user back, and is sent again only
// when the read-back shows Zoom does not have it. A write already done is
// never sent again. Its result is a check of the user, appended to sub and
// reported live: whatever happens here, the user stays created.
//
// It is the one place the workflow calls after the batch and its
// verification, for fresh submissions and resumed ones alike.
func (s *Service) followUps(ctx context.Context, d *state.Draft, sub *state.Submission, em *emitter) {
	if sub == nil || d == nil || s.j == nil {
		return
	}
	var todo []int
	for i, r := range sub.Results {
		if r.Status == StatusCreated && r.ID != "" && i < len(d.Users) && hasCheckless(r, CheckEmergencyAddress) {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 || !namesAnAddress(d, todo) {
		// No user names an address: each keeps its site's default, and
		// reading the account's addresses to say so would be a request
		// the batch does not need.
		return
	}
	// The follow-ups must happen once the batch is in: they run detached
	// from ctx's cancellation, bounded like the POST.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.o.PostTimeout)
	defer cancel()

	cat, catErr := s.addressCatalog(fctx)
	earlier, jErr := s.j.FollowUps(d.ID)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		set     int
		trouble int
	)
	for _, i := range todo {
		wg.Go(func() {
			var c state.Check
			switch {
			case catErr != nil:
				c = state.Check{Name: CheckEmergencyAddress, Detail: addressNotSet(d.Users[i], "could not read the account's emergency addresses: "+catErr.Error())}
			case jErr != nil:
				c = state.Check{Name: CheckEmergencyAddress, Detail: addressNotSet(d.Users[i], "could not read the journal: "+jErr.Error())}
			default:
				var sent bool
				c, sent = s.emergencyFollowUp(fctx, d, sub, i, cat, earlier)
				mu.Lock()
				if sent && c.OK {
					set++
				}
				mu.Unlock()
			}
			mu.Lock()
			if !c.OK {
				trouble++
			}
			sub.Results[i].Checks = append(sub.Results[i].Checks, c)
			mu.Unlock()
			em.emit(Event{Kind: UserVerified, User: i, Email: d.Users[i].Email, Status: okText(c.OK), Field: c.Name, Message: c.Detail, Check: &c})
		})
	}
	wg.Wait()
	if set > 0 || trouble > 0 {
		em.emit(Event{Kind: Done, User: -1, Status: OutcomeDone,
			Message: fmt.Sprintf("follow-ups: %d emergency address%s set, %d not set", set, plural(set, "es"), trouble)})
	}
}

// hasCheckless reports whether r has no check of that name yet (a resumed
// submission carries the checks an earlier run recorded).
// namesAnAddress reports whether any of these users names an emergency
// address.
func namesAnAddress(d *state.Draft, users []int) bool {
	for _, i := range users {
		if strings.TrimSpace(d.Users[i].EmergencyAddress) != "" {
			return true
		}
	}
	return false
}

func hasCheckless(r state.UserResult, name string) bool {
	for _, c := range r.Checks {
		if c.Name == name {
			return false
		}
	}
	return true
}

func plural(n int, suffix string) string {
	if n == 1 {
		return ""
	}
	return suffix
}

// addressNotSet words a failed follow-up so it never reads as a failed
// user: the user exists, with the site's default address.
func addressNotSet(u state.User, why string) string {
	return fmt.Sprintf("the user was created, but %q was not set (the site's default applies): %s", u.EmergencyAddress, why)
}

// emergencyFollowUp settles one user's emergency address and says whether a
// PATCH was sent for it in this run.
func (s *Service) emergencyFollowUp(ctx context.Context, d *state.Draft, sub *state.Submission, i int, cat *state.Catalog, earlier []state.FollowUpState) (state.Check, bool) {
	u, r := d.Users[i], sub.Results[i]
	fail := func(why string) state.Check {
		return state.Check{Name: CheckEmergencyAddress, Detail: addressNotSet(u, why)}
	}
	siteID := cat.UserSiteID(u)
	addr, need, err := cat.NeedsEmergencyFollowUp(u, siteID)
	switch {
	case err != nil:
		return fail(err.Error()), false
	case !need:
		return siteDefaultCheck(cat, siteID), false
	}
	if prev := state.LatestFollowUp(earlier, u.Email, state.FollowUpEmergencyAddress); prev != nil && prev.Value == addr.ID {
		switch {
		case prev.Outcome != nil && prev.Outcome.Status == state.FollowUpDone:
			return state.Check{Name: CheckEmergencyAddress, OK: true, Detail: "set earlier: " + addr.OneLine()}, false
		case prev.Outcome == nil || prev.Outcome.Status == state.FollowUpUnknown:
			// An earlier run sent it and never learnt the answer: Zoom may
			// have it. Read the user back before anything is sent.
			if s.readBack(ctx, r.ID, addr) == readBackHas {
				s.finishFollowUp(prev.ID, state.FollowUpDone, "read back on a later run", true)
				return readBackCheck(addr), false
			}
		}
	}
	return s.sendEmergencyAddress(ctx, d, sub, i, addr)
}

// siteDefaultCheck reports a user left on the site's default address (no
// request: Zoom gives every new user that one).
func siteDefaultCheck(cat *state.Catalog, siteID string) state.Check {
	c := state.Check{Name: CheckEmergencyAddress, OK: true, Detail: "site's default"}
	if a, ok := cat.SiteDefaultAddress(siteID); ok {
		c.Detail += ": " + a.OneLine()
	}
	return c
}

// sendEmergencyAddress journals and sends the PATCH, then reads the user
// back to verify it. A lost answer is settled by the same read-back; the
// PATCH is sent a second time only when the read-back proves Zoom does not
// have the address (setting a value twice is harmless, but only then is it
// certain the first did nothing).
func (s *Service) sendEmergencyAddress(ctx context.Context, d *state.Draft, sub *state.Submission, i int, addr state.EmergencyAddress) (state.Check, bool) {
	u, r := d.Users[i], sub.Results[i]
	fail := func(why string) state.Check {
		return state.Check{Name: CheckEmergencyAddress, Detail: addressNotSet(u, why)}
	}
	for attempt := 1; ; attempt++ {
		f, err := s.j.BeginFollowUp(state.FollowUp{SubmissionID: sub.ID, DraftID: d.ID, Email: u.Email, UserID: r.ID,
			Kind: state.FollowUpEmergencyAddress, Value: addr.ID, Label: addr.OneLine()})
		if err != nil {
			return fail(err.Error()), false
		}
		err = s.patchWithRateLimit(ctx, r.ID, addr.ID)
		var ze *zoom.Error
		switch {
		case err == nil:
			// Zoom said yes; the read-back is the check.
			switch s.readBack(ctx, r.ID, addr) {
			case readBackHas:
				s.finishFollowUp(f.ID, state.FollowUpDone, "answered 204, read back", false)
				return readBackCheck(addr), true
			case readBackLacks:
				// Left unknown, so the next submit reads it back again
				// rather than trusting the 204.
				s.finishFollowUp(f.ID, state.FollowUpUnknown, "answered 204, but the read-back shows another address", false)
				return state.Check{Name: CheckEmergencyAddress, Detail: fmt.Sprintf("Zoom accepted %q but reads back another address", addr.OneLine())}, true
			}
			s.finishFollowUp(f.ID, state.FollowUpDone, "answered 204; the read-back failed", false)
			return state.Check{Name: CheckEmergencyAddress, OK: true, Detail: "set (Zoom said so; not read back): " + addr.OneLine()}, true
		case zoom.IsNotSent(err):
			s.finishFollowUp(f.ID, state.FollowUpNotSent, err.Error(), false)
			return fail("not sent: " + err.Error()), false
		case errors.As(err, &ze) && ze.Status >= 400 && ze.Status < 500 && !ze.IsRateLimit():
			s.finishFollowUp(f.ID, state.FollowUpRefused, ze.Error(), false)
			return fail("Zoom refused it: " + refusalText(ze)), true
		}
		// No clear answer (a dropped connection, a timeout, a 5xx): Zoom
		// may have applied it. Read the user back.
		s.log.Warn("emergency address follow-up: unclear answer, reading the user back", "user", u.Email, "err", err)
		switch s.readBack(ctx, r.ID, addr) {
		case readBackHas:
			s.finishFollowUp(f.ID, state.FollowUpDone, "read back after: "+err.Error(), true)
			return readBackCheck(addr), true
		case readBackLacks:
			if attempt < 2 {
				// Certain the first did nothing: send it once more.
				s.finishFollowUp(f.ID, state.FollowUpNotSent, "read back: Zoom does not have it ("+err.Error()+")", true)
				continue
			}
		}
		s.finishFollowUp(f.ID, state.FollowUpUnknown, err.Error(), false)
		return state.Check{Name: CheckEmergencyAddress, Detail: fmt.Sprintf("the user was created; whether %q was set is unknown (%v): submit the draft again to check and finish it", addr.OneLine(), err)}, true
	}
}

// readBackResult is what reading a user back says of an address.
type readBackResult int

const (
	readBackFailed readBackResult = iota // the read failed: nothing is known
	readBackHas                          // Zoom has the address
	readBackLacks                        // Zoom has another address (or none)
)

// readBack reads the user (GET /phone/users/{userId}) and compares its
// emergency address with addr.
func (s *Service) readBack(ctx context.Context, userID string, addr state.EmergencyAddress) readBackResult {
	pu, err := s.c.GetPhoneUser(ctx, userID)
	switch {
	case err != nil:
		return readBackFailed
	case pu.EmergencyAddress != nil && pu.EmergencyAddress.ID == addr.ID:
		return readBackHas
	}
	return readBackLacks
}

func readBackCheck(addr state.EmergencyAddress) state.Check {
	return state.Check{Name: CheckEmergencyAddress, OK: true, Detail: "set and read back: " + addr.OneLine()}
}

// patchWithRateLimit sends the PATCH, and sends it again after a 429 that
// is a rate limit (Zoom did not act on it), within the service's limits.
func (s *Service) patchWithRateLimit(ctx context.Context, userID, addressID string) error {
	wait := s.o.RetryWait
	for tries := 0; ; tries++ {
		err := s.c.SetEmergencyAddress(ctx, userID, addressID)
		var ze *zoom.Error
		if err == nil || !errors.As(err, &ze) || !ze.IsRateLimit() || tries >= s.o.MaxRateLimitRetries {
			return err
		}
		d := wait
		if ze.RetryAfter > 0 {
			d = ze.RetryAfter
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait *= 2
	}
}

func (s *Service) finishFollowUp(id, status, detail string, reconciled bool) {
	if err := s.j.FinishFollowUp(id, status, detail, reconciled); err != nil {
		s.log.Warn("could not journal a follow-up's outcome", "followup", id, "status", status, "err", err)
	}
}

// refusalText is Zoom's message with the fields it names.
func refusalText(ze *zoom.Error) string {
	msg := ze.Message
	for _, fe := range ze.Errors {
		msg += fmt.Sprintf(" (%s: %s)", fe.Field, fe.Message)
	}
	return msg
}
