package submit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/cenkalti/backoff/v5"

	"zpadd/state"
	"zpadd/zoom"
)

// maxRateLimitWait caps one wait after a 429, whatever Retry-After says (a
// daily-limit 429 may name tomorrow): past it the users are left unsent.
const maxRateLimitWait = 2 * time.Minute

// postRun is one Submit's POST phase: the users' results so far, in draft
// order, and what was read back (reused by verification).
type postRun struct {
	s  *Service
	d  *state.Draft
	em *emitter

	mu       sync.Mutex
	results  []state.UserResult
	readBack map[int]*zoom.PhoneUser // phone users read back after the POST
	notes    []string
}

func newPostRun(s *Service, d *state.Draft, em *emitter) *postRun {
	r := &postRun{s: s, d: d, em: em, readBack: map[int]*zoom.PhoneUser{}}
	r.results = make([]state.UserResult, len(d.Users))
	for i, u := range d.Users {
		r.results[i] = state.UserResult{Email: u.Email, Status: StatusSkipped}
	}
	return r
}

// execute sends the draft, splitting it when Zoom refuses its size, until
// every user has an outcome. It returns an error only when some users were
// not sent for a reason that is not Zoom's refusal (cancelled, auth, rate
// limit exhausted).
func (r *postRun) execute(ctx context.Context) error {
	all := make([]int, len(r.d.Users))
	for i := range all {
		all[i] = i
	}
	err := r.sendAll(ctx, all)
	r.assignPendingRefused(ctx)
	return err
}

// sendAll sends the users at the given draft indexes, in parts when Zoom
// refuses their number, until each has an outcome.
func (r *postRun) sendAll(ctx context.Context, idx []int) error {
	var errs []error
	queue := [][]int{idx}
	for len(queue) > 0 {
		chunk := queue[0]
		queue = queue[1:]
		parts, err := r.sendChunk(ctx, chunk)
		if err != nil {
			errs = append(errs, err)
		}
		queue = append(parts, queue...)
	}
	return errors.Join(errs...)
}

// sendChunk POSTs the users at the given draft indexes once, resending only
// when Zoom certainly did not act (a throttling 429, an expired token). It
// returns the parts to send instead when Zoom refused the size.
func (r *postRun) sendChunk(ctx context.Context, chunk []int) ([][]int, error) {
	bo := backoff.NewExponentialBackOff()
	bo.InitialInterval = r.s.o.RetryWait
	bo.MaxInterval = maxRateLimitWait
	users := make([]state.User, len(chunk))
	emails := make([]string, len(chunk))
	for k, i := range chunk {
		users[k] = r.d.Users[i]
		emails[k] = r.d.Users[i].Email
	}
	limited := 0
	for {
		if err := ctx.Err(); err != nil {
			r.skip(chunk, "not sent: cancelled before sending")
			return nil, err
		}
		r.em.emit(Event{Kind: Sending, User: -1, Message: fmt.Sprintf("adding %d user(s)", len(chunk))})
		// Detached from ctx: once the request may have reached Zoom, a
		// cancel must not leave its outcome unrecorded.
		postCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.s.o.PostTimeout)
		start := time.Now()
		res, err := r.s.c.BatchAddUsers(postCtx, zoom.BatchUsers(users))
		elapsed := time.Since(start)
		cancel()
		r.em.emit(Event{Kind: Sent, User: -1, Status: statusText(err), Elapsed: elapsed})
		if err == nil {
			r.applyCreated(ctx, chunk, res)
			return nil, nil
		}
		r.s.log.Info("batch add answered with an error", "users", len(chunk), "err", err)

		if zoom.IsNotSent(err) {
			// Never left this process, or Zoom refused every token it came
			// with (the client renews and resends on a 401 itself): nothing
			// to reconcile.
			r.skip(chunk, "not sent: "+err.Error())
			return nil, err
		}
		if se := zoom.AsScopeError(err, "adding phone users"); se != nil {
			// A configuration error (zoom-api.md §11.2): Zoom refused the
			// token, not the users.
			r.skip(chunk, "not sent: "+se.Error())
			return nil, se
		}
		var ze *zoom.Error
		if errors.As(err, &ze) {
			switch {
			case isSizeRefusal(ze) && len(chunk) > 1:
				parts := splitChunk(chunk)
				r.addNote(fmt.Sprintf("Zoom refused %d users at once (%q); sent as %d + %d", len(chunk), ze.Message, len(parts[0]), len(parts[1])))
				r.em.emit(Event{Kind: Split, User: -1, Message: fmt.Sprintf("Zoom refused %d users at once; sending %d, then %d", len(chunk), len(parts[0]), len(parts[1]))})
				return parts, nil
			case ze.IsRateLimit():
				limited++
				if limited > r.s.o.MaxRateLimitRetries {
					r.skip(chunk, "not sent: Zoom kept answering 429 (rate limit); try again later")
					return nil, fmt.Errorf("submit: rate limited by Zoom %d times, gave up: %w", limited, err)
				}
				wait := ze.RetryAfter
				if wait <= 0 {
					wait = bo.NextBackOff()
				}
				if wait > maxRateLimitWait {
					r.skip(chunk, fmt.Sprintf("not sent: Zoom asked to wait %s (rate limit); try again later", wait.Round(time.Second)))
					return nil, fmt.Errorf("submit: Zoom asked to wait %s: %w", wait.Round(time.Second), err)
				}
				r.em.emit(Event{Kind: RateLimited, User: -1, Elapsed: wait, Message: fmt.Sprintf("Zoom rate limit: waiting %s before resending (Zoom did not act on the request)", wait.Round(time.Millisecond))})
				if !sleepCtx(ctx, wait) {
					r.skip(chunk, "not sent: cancelled while waiting out a rate limit")
					return nil, ctx.Err()
				}
				continue
			case ze.Status >= 400 && ze.Status < 500 && namesNoUser(ze, emails):
				r.findCulprit(ctx, chunk, ze)
				return nil, nil
			case ze.Status >= 400 && ze.Status < 500:
				r.applyRefusal(ctx, chunk, emails, ze)
				return nil, nil
			}
		}
		// 5xx, an HTML page, a dropped connection, a timeout: Zoom may or
		// may not have created the users. Read each one back.
		r.addNote("Zoom's answer was unclear (" + err.Error() + "); users read back")
		r.reconcile(ctx, chunk, "Zoom's answer was unclear ("+err.Error()+") and this user is not a phone user: not added")
		return nil, nil
	}
}

// applyCreated settles a 2xx. Only the read-back is trusted: a user the
// answer names is created once Zoom has it as a phone user, and unknown if
// it cannot be found (a 2xx naming users Zoom did not create, or a 200 where
// Zoom documents 201, must never make a resubmit skip them). Users missing
// from the answer are read back too, since Zoom's per-user refusal shape is
// undocumented.
func (r *postRun) applyCreated(ctx context.Context, chunk []int, res []zoom.BatchResult) {
	named := make(map[string]bool, len(res))
	for _, b := range res {
		named[state.EmailKey(b.Email)] = true
	}
	var claimed, missing []int
	for _, i := range chunk {
		if named[state.EmailKey(r.d.Users[i].Email)] {
			claimed = append(claimed, i)
		} else {
			missing = append(missing, i)
		}
	}
	if len(claimed) > 0 {
		r.readBackEach(ctx, claimed, func(i int) {
			r.setUnknown(i, "outcome unknown: Zoom answered that it created this user, but has no phone user for it when read back; run zpadd again to reconcile before resending")
		})
	}
	if len(missing) > 0 {
		r.reconcile(ctx, missing, "Zoom left this user out of its answer and it is not a phone user: not added (Zoom gave no reason; check the user's fields and licence)")
	}
}

// applyRefusal records a 4xx. Errors that name a user go to that user and
// field. When some errors name users, the users they do not name are read
// back: whether Zoom refused them with the batch or created them anyway is
// undocumented, and a user it created must never be reported as failed (and
// so resent). When none does, the whole batch was refused: every user fails
// with Zoom's message (a lone user with it as is).
func (r *postRun) applyRefusal(ctx context.Context, chunk []int, emails []string, ze *zoom.Error) {
	per := map[int][]fieldRefusal{}
	var general []string
	for _, fr := range mapFieldErrors(ze.Errors, emails) {
		if fr.Pos < 0 && len(emails) == 1 {
			fr.Pos = 0 // a lone user: every error is its own
		}
		if fr.Pos >= 0 {
			per[fr.Pos] = append(per[fr.Pos], fr)
		} else {
			general = append(general, strings.TrimSpace(fr.Field+": "+fr.Message))
		}
	}
	batchMsg := ze.Message
	if batchMsg == "" {
		batchMsg = ze.Error()
	}
	if len(general) > 0 {
		batchMsg += " (" + strings.Join(general, "; ") + ")"
	}
	var unnamed []int
	for k, i := range chunk {
		frs := per[k]
		if len(frs) == 0 && len(chunk) == 1 && len(ze.Errors) == 0 {
			// A lone user refused with no errors[]: Zoom's message is its own.
			frs = []fieldRefusal{{Pos: 0, Field: guessField(ze.Message, ze.Code), Message: batchMsg}}
		}
		if len(frs) == 0 {
			if len(per) > 0 {
				unnamed = append(unnamed, i)
				continue
			}
			field := ""
			if len(ze.Errors) == 0 {
				field = guessField(ze.Message, ze.Code)
			}
			r.setFailed(i, field, "not added: Zoom refused the batch: "+batchMsg)
			continue
		}
		// The first error's field is the result's Field, which every
		// screen puts before Error: the text names only other fields.
		msgs := make([]string, len(frs))
		for n, fr := range frs {
			msgs[n] = fr.Message
			if fr.Field != "" && fr.Field != frs[0].Field {
				msgs[n] = fr.Field + ": " + fr.Message
			}
		}
		r.setFailed(i, frs[0].Field, withValues(strings.Join(msgs, "; "), r.d.Users[i]))
	}
	if len(unnamed) > 0 {
		r.reconcile(ctx, unnamed, "not added: Zoom refused the whole batch because of other users' errors; resend once they are fixed")
	}
}

// guessField names the body field a whole-batch message is about, when it
// says (404 "Template is invalid", 400/1120 an expired invitation).
func guessField(msg string, code int) string {
	m := strings.ToLower(msg)
	switch {
	case code == zoom.CodeInvitationExpired, strings.Contains(m, "invitation"):
		return "email"
	case strings.Contains(m, "template"):
		return "template_name"
	case strings.Contains(m, "site"):
		return "site_name"
	case strings.Contains(m, "desk phone"), strings.Contains(m, "mac address"):
		return "desk_phones"
	}
	return ""
}

// reconcile reads each user back: a phone user → created; not found →
// failed (with why); anything else → unknown.
func (r *postRun) reconcile(ctx context.Context, idx []int, whyNotFound string) {
	r.emitReadingBack(idx)
	r.readBackEach(ctx, idx, func(i int) { r.setFailed(i, "", whyNotFound) })
}

// emitReadingBack reports a read-back that settles an unclear answer (the
// routine read-back after a 2xx is not worth a line).
func (r *postRun) emitReadingBack(idx []int) {
	r.em.emit(Event{Kind: Reconciling, User: -1, Message: fmt.Sprintf("reading back %d user(s) to learn what Zoom did", len(idx))})
}

// readBackEach reads each user back (concurrently, detached from ctx with
// its own timeout): a phone user → created; one Zoom certainly does not
// have → notFound(i); anything else → unknown.
func (r *postRun) readBackEach(ctx context.Context, idx []int, notFound func(i int)) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.s.o.PostTimeout)
	defer cancel()
	var wg sync.WaitGroup
	for _, i := range idx {
		wg.Go(func() {
			pu, err := r.s.c.GetPhoneUser(rctx, r.d.Users[i].Email)
			switch {
			case err == nil && pu.Pending():
				// A half phone user (§11.6) was not created by this write.
				notFound(i)
			case err == nil:
				r.mu.Lock()
				r.readBack[i] = pu
				r.mu.Unlock()
				r.setCreated(i, pu.ID)
			case notAPhoneUser(err):
				notFound(i)
			default:
				r.setUnknown(i, "outcome unknown: could not read the user back ("+err.Error()+"); run zpadd again to reconcile before resending")
			}
		})
	}
	wg.Wait()
}

// notAPhoneUser reports an answer to GET /phone/users/{email} that says the
// user is certainly not a phone user: 404/1001, or 400/300 "Invalid user
// id." (zoom-api.md §6.5, §11.4). 404/404 "Site does not exist" is not one.
func notAPhoneUser(err error) bool {
	return zoom.IsNotFound(err) || zoom.IsInvalidUserID(err)
}

func (r *postRun) setCreated(i int, id string) {
	r.mu.Lock()
	r.results[i].Status, r.results[i].ID, r.results[i].Error, r.results[i].Field = StatusCreated, id, "", ""
	r.mu.Unlock()
	r.em.emit(Event{Kind: UserCreated, User: i, Email: r.d.Users[i].Email, Status: StatusCreated, Message: id})
}

func (r *postRun) setFailed(i int, field, msg string) {
	r.mu.Lock()
	r.results[i].Status, r.results[i].Field, r.results[i].Error = StatusFailed, field, msg
	r.mu.Unlock()
	r.em.emit(Event{Kind: UserRefused, User: i, Email: r.d.Users[i].Email, Status: StatusFailed, Field: field, Message: msg})
}

func (r *postRun) setUnknown(i int, msg string) {
	r.mu.Lock()
	r.results[i].Status, r.results[i].Error = StatusUnknown, msg
	r.mu.Unlock()
	r.em.emit(Event{Kind: UserUnknown, User: i, Email: r.d.Users[i].Email, Status: StatusUnknown, Message: msg})
}

func (r *postRun) skip(chunk []int, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, i := range chunk {
		r.results[i].Status, r.results[i].Error = StatusSkipped, msg
	}
}

func (r *postRun) addNote(n string) {
	r.mu.Lock()
	r.notes = append(r.notes, n)
	r.mu.Unlock()
}

// note is what the Submission records about the run as a whole.
func (r *postRun) note() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.notes, "; ")
}

// statusText names an answer for the Sent event.
func statusText(err error) string {
	if err == nil {
		return "201 Created"
	}
	var ze *zoom.Error
	if errors.As(err, &ze) {
		return fmt.Sprintf("%d", ze.Status)
	}
	return "no answer"
}

// sleepCtx waits d or until ctx ends; it reports whether the wait finished.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
