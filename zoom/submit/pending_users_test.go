package submit

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

const pendingPhoneEmail = "mei.chen@example.com" // a pending phone user under PendingUsers

// A pending phone user (licence without the Phone feature, §11.6) is found
// by GET /phone/users/{email}, yet is not "already a phone user": pre-flight
// warns what will happen instead of blocking. The batch add refuses them,
// so they are assigned with PUT /phone/users/batch assign_pending_user,
// journalled, read back and created once; a resubmit sends nothing again.
func TestPendingPhoneUserIsAssignedWithAssignPendingUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PendingUsers: true}, Options{})
	d := mainSiteDraft(t, e.refresh(), 2)
	d.Users[1].Email = pendingPhoneEmail
	ps, err := e.svc.Preflight(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ps.Blocking() {
		t.Fatalf("pre-flight blocks a pending phone user: %v", ps.Errors())
	}
	warned := false
	for _, p := range ps.ForUser(1) {
		warned = warned || (p.Field == "email" && p.Severity == state.Warning && strings.Contains(p.Message, "assign_pending_user"))
	}
	if !warned {
		t.Errorf("pre-flight problems of the pending user = %v; want a warning saying it will use assign_pending_user", ps.ForUser(1))
	}

	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	if n := e.sb.CountRequests("PUT", "/phone/users/batch"); n != 1 {
		t.Errorf("%d PUT /phone/users/batch; want 1", n)
	}
	e.requireJournalled(sub)
	hist, _ := e.j.History()
	journalledPUT := false
	for _, h := range hist {
		journalledPUT = journalledPUT || strings.Contains(h.Note, "assign_pending_user")
	}
	if !journalledPUT {
		t.Error("the assign_pending_user write has no journalled outcome")
	}

	posts, puts := e.posts(), e.sb.CountRequests("PUT", "/phone/users/batch")
	again, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("second Submit: %v", err)
	}
	requireAll(t, again, StatusCreated)
	if e.posts() != posts || e.sb.CountRequests("PUT", "/phone/users/batch") != puts {
		t.Error("a resubmit wrote again for users already created")
	}
}

// A crash after journalling assign_pending_user and before its answer: the
// intent is reconciled by reading the users back by id, and a user still
// pending is not counted as created.
func TestUnfinishedAssignPendingIsReconciled(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PendingUsers: true}, Options{})
	pu, err := e.c.GetPhoneUser(context.Background(), pendingPhoneEmail)
	if err != nil || !pu.Pending() {
		t.Fatalf("GetPhoneUser = %+v, %v; want a pending phone user", pu, err)
	}
	body, _ := json.Marshal(zoom.AssignPendingRequest([]string{pu.ID}))
	in, err := e.j.Begin("draft-x", "crashed", body)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := e.svc.Reconcile(context.Background(), in, nil)
	if err != nil {
		t.Fatalf("Reconcile: %v", err)
	}
	if len(sub.Results) != 1 || sub.Results[0].Status != StatusFailed {
		t.Errorf("results = %+v; want the still-pending user not created", sub.Results)
	}
}

// In an all-or-nothing account with terse errors, the pending user is the
// culprit the halving finds; the others are created by POST, the pending
// user by assign_pending_user, nobody twice.
func TestPendingPhoneUserFoundByHalvingThenAssigned(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.AllOrNothing, TerseErrors: true, PendingUsers: true}, Options{})
	spy := e.spyOn(Options{})
	d := mainSiteDraft(t, e.refresh(), 4)
	d.Users[2].Email = pendingPhoneEmail
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	requireAll(t, sub, StatusCreated)
	spy.requireNeverResent(t)
	if n := e.sb.CountRequests("PUT", "/phone/users/batch"); n != 1 {
		t.Errorf("%d PUT /phone/users/batch; want 1", n)
	}
}
