package submit

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"sync"

	"zpadd/state"
	"zpadd/zoom"
)

// Finding the culprit of a refusal that names no user.
//
// Zoom's documented validation body names plain fields
// ({"code":300,"errors":[{"field":"extension_number",...}]}) and no public
// answer of the batch endpoint indexes them (zoom-api.md §11.4): from the
// body alone nobody can tell which user is wrong. So the users are read back
// (none may have been created twice), and those confirmed not created are
// sent again in halves, recursively, each half journalled as its own intent
// before it goes out. One bad user in n costs at most about 2·log2(n)+1
// POSTs: when one half of a refused set goes through, the other half holds
// the culprit and is split without being sent, and a lone user left that
// way is the culprit without a POST of its own.

// namesNoUser reports whether a 400 or 404 refusal of several users can be
// tied to none of them: no errors[] entry carries a user index or one
// user's email. Scope refusals are about the app, not a user, and are never
// split; nor are 401, 403, 409 and a 429 dressed as a validation error,
// which keep their whole-batch meaning.
func namesNoUser(ze *zoom.Error, emails []string) bool {
	if _, noScope := zoom.MissingScopeIn(ze); len(emails) < 2 || (ze.Status != 400 && ze.Status != 404) || noScope {
		return false
	}
	for _, fr := range mapFieldErrors(ze.Errors, emails) {
		if fr.Pos >= 0 {
			return false
		}
	}
	return mentionedUser(ze.Message, emails) < 0
}

// findCulprit handles a terse refusal of chunk: users Zoom created anyway
// are recorded, the rest are bisected.
func (r *postRun) findCulprit(ctx context.Context, chunk []int, ze *zoom.Error) {
	r.addNote(fmt.Sprintf("Zoom refused %d users without saying which (%s); sent again in halves to find out", len(chunk), ze.Error()))
	r.emitReadingBack(chunk)
	notCreated := r.confirmNotCreated(ctx, chunk)
	switch len(notCreated) {
	case 0:
		return
	case 1:
		r.failCulprit(notCreated[0], ze)
		return
	}
	r.bisect(ctx, notCreated, ze)
}

// bisect sends the halves of set, which holds at least one user Zoom refused
// (ze) and only users confirmed not created.
func (r *postRun) bisect(ctx context.Context, set []int, ze *zoom.Error) {
	cut := len(set) / 2
	a, b := set[:cut:cut], set[cut:]
	r.em.emit(Event{Kind: Split, User: -1, Message: fmt.Sprintf("Zoom did not say which user; finding out: %d + %d", len(a), len(b))})
	if !r.sendPart(ctx, a) {
		r.sendPart(ctx, b)
		return
	}
	// a went through, so the refusal was b's.
	if len(b) == 1 {
		r.failCulprit(b[0], ze)
		return
	}
	r.bisect(ctx, b, ze)
}

// sendPart journals part as an intent of its own, sends it (with every
// handling a POST gets, this one included), records its outcome, and
// reports whether every user of part was created.
func (r *postRun) sendPart(ctx context.Context, part []int) bool {
	users := make([]state.User, len(part))
	for k, i := range part {
		users[k] = r.d.Users[i]
	}
	body, err := Body(&state.Draft{Name: r.d.Name, Users: users})
	if err == nil {
		var in state.Intent
		if in, err = r.s.j.Begin(r.d.ID, r.d.Name, body); err == nil {
			if err := r.sendAll(ctx, part); err != nil {
				r.s.log.Warn("a part of a split batch was not sent", "users", len(part), "err", err)
			}
			sub := state.Submission{Results: r.resultsOf(part), Sent: in.Time, Finished: r.s.o.Now(),
				Note: fmt.Sprintf("%d of the users of a batch Zoom refused without naming the culprit", len(part))}
			if err := r.s.j.Finish(in.ID, sub); err != nil {
				r.s.log.Warn("could not journal the outcome of a split part", "intent", in.ID, "err", err)
			}
			return r.allCreated(part)
		}
	}
	r.skip(part, "not sent: the part of the batch holding this user could not be journalled before sending: "+err.Error())
	return false
}

// confirmNotCreated reads the users of chunk back: those Zoom has are
// created, those it cannot say about are unknown, and the ones it certainly
// does not have are returned, in order.
func (r *postRun) confirmNotCreated(ctx context.Context, chunk []int) []int {
	var (
		mu  sync.Mutex
		out = map[int]bool{}
	)
	r.readBackEach(ctx, chunk, func(i int) {
		mu.Lock()
		out[i] = true
		mu.Unlock()
	})
	var list []int
	for _, i := range chunk {
		if out[i] {
			list = append(list, i)
		}
	}
	return list
}

// failCulprit records the refusal ze as user i's own.
func (r *postRun) failCulprit(i int, ze *zoom.Error) {
	field, msg := terseRefusal(ze)
	r.setFailed(i, field, msg)
}

// terseRefusal turns a refusal that named no user into the field and
// message of the one user found to cause it.
func terseRefusal(ze *zoom.Error) (field, msg string) {
	if len(ze.Errors) == 0 {
		return guessField(ze.Message, ze.Code), cmp.Or(ze.Message, ze.Error())
	}
	field = ze.Errors[0].Field
	msgs := make([]string, 0, len(ze.Errors))
	for _, fe := range ze.Errors {
		m := cmp.Or(fe.Message, "refused by Zoom")
		if fe.Field != "" && fe.Field != field {
			m = fe.Field + ": " + m
		}
		msgs = append(msgs, m)
	}
	return field, strings.Join(msgs, "; ")
}

func (r *postRun) resultsOf(idx []int) []state.UserResult {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]state.UserResult, len(idx))
	for k, i := range idx {
		out[k] = r.results[i]
	}
	return out
}

func (r *postRun) allCreated(idx []int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, i := range idx {
		if r.results[i].Status != StatusCreated {
			return false
		}
	}
	return true
}
