package submit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"zpadd/state"
	"zpadd/zoom"
)

// Pending phone users (zoom-api.md §4.5, §6.4, §11.6) hold the licence but
// not the Phone feature. GET /phone/users/{email} finds them with status
// "pending", so "found" does not mean "already a phone user", and a
// read-back that finds one does not mean the POST created it. Where the
// batch add refuses such a user, the write for it is PUT /phone/users/batch
// with batch_type assign_pending_user, journalled and read back like a POST.

// pendingUserWarning says in pre-flight what will happen to a pending user.
const pendingUserWarning = "a pending Zoom Phone user (has the licence, not yet the Phone feature): " +
	"if Zoom's batch add refuses them, zpadd assigns them with PUT /phone/users/batch (assign_pending_user) instead; " +
	"that call takes no extension, numbers, plan or desk phones, so Zoom picks the extension and verification shows what differs"

// assignPendingRefused gives the users the POST refused for who they are
// (field email, or no field) and who read back as pending phone users the
// assign_pending_user write.
func (r *postRun) assignPendingRefused(ctx context.Context) {
	var candidates []int
	r.mu.Lock()
	for i, res := range r.results {
		if res.Status == StatusFailed && (res.Field == "email" || res.Field == "") {
			candidates = append(candidates, i)
		}
	}
	r.mu.Unlock()
	if len(candidates) == 0 {
		return
	}
	ids := r.pendingIDs(ctx, candidates)
	var idx []int
	for _, i := range candidates {
		if ids[i] != "" {
			idx = append(idx, i)
		}
	}
	for len(idx) > 0 {
		n := min(len(idx), zoom.MaxBatch)
		r.assignPending(ctx, idx[:n], ids)
		idx = idx[n:]
	}
}

// pendingIDs reads the candidates back and returns the user id of each
// that Zoom has as a pending phone user.
func (r *postRun) pendingIDs(ctx context.Context, idx []int) map[int]string {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.s.o.PostTimeout)
	defer cancel()
	var (
		mu  sync.Mutex
		out = map[int]string{}
		wg  sync.WaitGroup
	)
	for _, i := range idx {
		wg.Go(func() {
			pu, err := r.s.c.GetPhoneUser(rctx, r.d.Users[i].Email)
			if err == nil && pu.Pending() && pu.ID != "" {
				mu.Lock()
				out[i] = pu.ID
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return out
}

// assignPending journals the exact PUT body, sends it once, and settles
// each user by reading it back: a phone user no longer pending → created;
// still pending or absent → failed; unreadable → unknown.
func (r *postRun) assignPending(ctx context.Context, idx []int, ids map[int]string) {
	userIDs := make([]string, len(idx))
	for k, i := range idx {
		userIDs[k] = ids[i]
	}
	req := zoom.AssignPendingRequest(userIDs)
	body, err := json.Marshal(req)
	if err != nil {
		return
	}
	in, err := r.s.j.Begin(r.d.ID, r.d.Name, body)
	if err != nil {
		r.s.log.Warn("could not journal assign_pending_user; not sent", "err", err)
		return
	}
	r.em.emit(Event{Kind: Sending, User: -1, Message: fmt.Sprintf("assigning %d pending phone user(s) (PUT /phone/users/batch assign_pending_user)", len(idx))})
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.s.o.PostTimeout)
	err = r.s.c.AssignPendingUsers(pctx, req)
	cancel()
	r.em.emit(Event{Kind: Sent, User: -1, Status: putStatusText(err)})
	var ze *zoom.Error
	switch {
	case zoom.IsNotSent(err):
		// Nothing left this process: the POST's refusal stands.
	case errors.As(err, &ze) && ze.Status >= 400 && ze.Status < 500 && !ze.IsRateLimit():
		for _, i := range idx {
			r.setFailed(i, "email", "a pending Zoom Phone user: Zoom refused the batch add and assign_pending_user too: "+ze.Error())
		}
	default:
		// 204, or an unclear answer: only the read-back says what happened.
		r.readBackEach(ctx, idx, func(i int) {
			r.setFailed(i, "email", "a pending Zoom Phone user: after assign_pending_user Zoom still has no active phone user for them")
		})
		r.mu.Lock()
		for _, i := range idx {
			if r.results[i].Status == StatusCreated {
				r.results[i].Error = ""
			}
		}
		r.mu.Unlock()
		r.addNote(fmt.Sprintf("%d pending phone user(s) assigned with assign_pending_user: Zoom chose their extension", len(idx)))
	}
	sub := state.Submission{Results: r.resultsOf(idx), Sent: in.Time, Finished: r.s.o.Now(),
		Note: "assign_pending_user for pending phone users the batch add refused"}
	if err := r.s.j.Finish(in.ID, sub); err != nil {
		r.s.log.Warn("could not journal the outcome of assign_pending_user", "intent", in.ID, "err", err)
	}
}

func putStatusText(err error) string {
	if err == nil {
		return "204 No Content"
	}
	return statusText(err)
}

// pendingBodyUsers reads a journalled assign_pending_user body back as
// users to reconcile (by id: GET /phone/users/{userId} takes either).
func pendingBodyUsers(body []byte) ([]state.User, bool) {
	var req zoom.BatchUpdateRequest
	if json.Unmarshal(body, &req) != nil || !strings.EqualFold(req.BatchType, "assign_pending_user") || len(req.UserIDs) == 0 {
		return nil, false
	}
	out := make([]state.User, len(req.UserIDs))
	for i, id := range req.UserIDs {
		out[i] = state.User{Email: id}
	}
	return out, true
}

// pendingUserProblem is the pre-flight warning on each row of u's email.
func pendingUserProblem(d *state.Draft, u state.User) state.Problem {
	p := state.Problem{User: -1, Email: u.Email, Field: "email", Severity: state.Warning, Message: pendingUserWarning}
	for i, o := range d.Users {
		if state.EmailKey(o.Email) == state.EmailKey(u.Email) {
			p.User = i
			break
		}
	}
	return p
}
