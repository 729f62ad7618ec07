package submit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// batchSpy records each POST /phone/users/batch that reaches the sandbox:
// the emails it carried and the status Zoom answered.
type batchSpy struct {
	mu    sync.Mutex
	posts []spiedPost
}

type spiedPost struct {
	emails []string
	status int
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

// spyOn points e's client and service at the sandbox through the spy.
func (e *env) spyOn(o Options) *batchSpy {
	spy := &batchSpy{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/phone/users/batch") {
			e.sb.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		var req struct {
			Users []struct {
				Email string `json:"email"`
			} `json:"users"`
		}
		_ = json.Unmarshal(body, &req)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		e.sb.ServeHTTP(rec, r)
		p := spiedPost{status: rec.status}
		for _, u := range req.Users {
			p.emails = append(p.emails, u.Email)
		}
		spy.mu.Lock()
		spy.posts = append(spy.posts, p)
		spy.mu.Unlock()
	}))
	e.t.Cleanup(srv.Close)
	e.url = srv.URL
	e.c = e.newClient()
	if o.RetryWait == 0 {
		o.RetryWait = e.svc.o.RetryWait
	}
	o.Store = e.store
	e.svc = New(e.c, e.home, e.j, o)
	return spy
}

// reset forgets the POSTs seen so far (a test's own set-up).
func (spy *batchSpy) reset() {
	spy.mu.Lock()
	spy.posts = nil
	spy.mu.Unlock()
}

// requireNeverResent fails when a user is POSTed again after a 2xx that
// carried it (in an all-or-nothing account a 2xx created everyone in it).
func (spy *batchSpy) requireNeverResent(t *testing.T) {
	t.Helper()
	spy.mu.Lock()
	defer spy.mu.Unlock()
	created := map[string]int{}
	for n, p := range spy.posts {
		for _, em := range p.emails {
			if first, ok := created[em]; ok {
				t.Errorf("POST %d sent %s again, though POST %d had created it", n+1, em, first+1)
			}
		}
		if p.status/100 == 2 {
			for _, em := range p.emails {
				created[em] = n
			}
		}
	}
}

// postBound is 2·log2(n)+1: what finding one culprit among n may cost.
func postBound(n int) int { return int(2*math.Log2(float64(n))) + 1 }

// A terse refusal (400/300 whose errors[] name plain fields, zoom-api.md
// §11.4) of ten users with one bad one: the users are read back, then sent
// in halves until the culprit is found. Nine end created once, the culprit
// failed with Zoom's field, within 2·log2(10)+1 POSTs, every part
// journalled and finished, and the search is reported live.
func TestTerseRefusalFindsTheOneBadUserByHalves(t *testing.T) {
	t.Parallel()
	for _, bad := range []int{0, 3, 9} {
		e := newEnv(t, sandbox.Options{Outcome: sandbox.AllOrNothing, TerseErrors: true}, Options{})
		spy := e.spyOn(Options{})
		d := mainSiteDraft(t, e.refresh(), 10)
		preflightThenSteal(t, e, d, bad)
		spy.reset()
		var rec recorder
		sub, err := e.svc.Submit(context.Background(), d, rec.add)
		if err != nil {
			t.Fatalf("bad user %d: Submit: %v", bad, err)
		}
		for i, r := range sub.Results {
			switch {
			case i == bad && (r.Status != StatusFailed || r.Field != "extension_number" || !strings.Contains(r.Error, "already used")):
				t.Errorf("bad user %d: result %+v; want failed on extension_number with Zoom's message", bad, r)
			case i != bad && r.Status != StatusCreated:
				t.Errorf("bad user %d: user %d %s: %s (%s); want created", bad, i, r.Email, r.Status, r.Error)
			}
		}
		posts := len(spy.posts)
		if posts > postBound(10) {
			t.Errorf("bad user %d: %d POSTs; want at most 2·log2(10)+1 = %d", bad, posts, postBound(10))
		}
		t.Logf("one bad user at %d of 10: %d POSTs", bad, posts)
		spy.requireNeverResent(t)
		e.requireJournalled(sub)
		hist, _ := e.j.History()
		if len(hist) < 2 {
			t.Errorf("bad user %d: %d journalled submissions; want each part journalled as its own", bad, len(hist))
		}
		var live bool
		for _, ev := range rec.kinds(Split) {
			live = live || strings.Contains(ev.Message, "Zoom did not say which user; finding out: 5 + 5")
		}
		if !live {
			t.Errorf("bad user %d: no \"finding out: 5 + 5\" event; got %v", bad, rec.kinds(Split))
		}
	}
}

// Two bad users among ten: both found, each failed with its own field, the
// eight others created once.
func TestTerseRefusalFindsTwoBadUsers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.AllOrNothing, TerseErrors: true}, Options{})
	spy := e.spyOn(Options{})
	d := mainSiteDraft(t, e.refresh(), 10)
	preflightThenSteal(t, e, d, 2, 7)
	spy.reset()
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	for i, r := range sub.Results {
		bad := i == 2 || i == 7
		if bad && (r.Status != StatusFailed || r.Field != "extension_number") {
			t.Errorf("user %d: %+v; want failed on extension_number", i, r)
		}
		if !bad && r.Status != StatusCreated {
			t.Errorf("user %d: %s (%s); want created", i, r.Status, r.Error)
		}
	}
	spy.requireNeverResent(t)
	t.Logf("two bad users of 10: %d POSTs", len(spy.posts))
	if len(spy.posts) > 2*postBound(10) {
		t.Errorf("%d POSTs; want at most twice the one-culprit bound (%d)", len(spy.posts), 2*postBound(10))
	}
}

// Partial refusal with terse errors: Zoom created the good users yet
// answered 400. The read-back finds them, so only the one not created is
// left and it is the culprit: no user is POSTed twice.
func TestTerseRefusalAfterPartialCreateResendsNobodyCreated(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PartialRefusal, TerseErrors: true}, Options{})
	spy := e.spyOn(Options{})
	d := mainSiteDraft(t, e.refresh(), 4)
	preflightThenSteal(t, e, d, 1)
	spy.reset()
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	got := statuses(sub)
	if got[d.Users[1].Email] != StatusFailed || got[d.Users[0].Email] != StatusCreated || got[d.Users[3].Email] != StatusCreated {
		t.Fatalf("statuses = %v; want user 2 failed, the rest created", got)
	}
	if len(spy.posts) != 1 {
		t.Errorf("%d POSTs; want 1 (the read-back settles it)", len(spy.posts))
	}
}

// A lone user refused with plain field names gets Zoom's field.
func TestTerseRefusalOfOneUserNamesItsField(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{TerseErrors: true}, Options{})
	d := mainSiteDraft(t, e.refresh(), 1)
	preflightThenSteal(t, e, d, 0)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	if r := sub.Results[0]; r.Status != StatusFailed || r.Field != "extension_number" {
		t.Errorf("result %+v; want failed on extension_number", r)
	}
}

// A 2xx is trusted only as far as the read-back shows: users Zoom's 200
// names but does not have are unknown, never created, so a resubmit does
// not skip them and the exit code says the outcome is unknown.
func TestOverstatedSuccessTrustsOnlyTheReadBack(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Outcome: sandbox.PerUser, OverstatedSuccess: true}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	preflightThenSteal(t, e, d, 1)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	got := statuses(sub)
	if got[d.Users[0].Email] != StatusCreated || got[d.Users[2].Email] != StatusCreated || got[d.Users[1].Email] != StatusUnknown {
		t.Fatalf("statuses = %v; want users 1 and 3 created, user 2 unknown", got)
	}
	if code := ExitCode([]*state.Submission{sub}, err); code != ExitUnknown {
		t.Errorf("ExitCode = %d, want %d (unknown)", code, ExitUnknown)
	}
	earlier, err := e.svc.createdEarlier(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, skipped := earlier[1]; skipped {
		t.Error("the user Zoom only claimed to create counts as created earlier: a resubmit would never send it")
	}
}

// Reading a user back: "Invalid user id." means not a phone user, while
// 404/404 "Site does not exist" says nothing about the user (§11.4).
func TestReadBackCodes(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&zoom.Error{Status: 404, Code: 1001, Message: "User does not exist: a@example.com."}, true},
		{&zoom.Error{Status: 400, Code: 300, Message: "Invalid user id."}, true},
		{&zoom.Error{Status: 404, Code: 404, Message: "Site does not exist."}, false},
		{&zoom.Error{Status: 404, Code: 2001, Message: "Account does not exist."}, false},
		{&zoom.Error{Status: 400, Code: 300, Message: "Validation Failed."}, false},
	}
	for _, c := range cases {
		if got := notAPhoneUser(c.err); got != c.want {
			t.Errorf("notAPhoneUser(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// An expired invitation (400/1120, §11.4) is the user's email, whether
// Zoom says so with errors[] or not.
func TestTerseRefusalFieldOfExpiredInvitation(t *testing.T) {
	field, msg := terseRefusal(&zoom.Error{Status: 400, Code: zoom.CodeInvitationExpired, Message: "The user's invitation has expired."})
	if field != "email" || !strings.Contains(msg, "expired") {
		t.Errorf("terseRefusal = %q, %q; want email and Zoom's message", field, msg)
	}
	field, msg = terseRefusal(&zoom.Error{Status: 400, Code: 300, Message: "Validation Failed.",
		Errors: []zoom.FieldError{{Field: "extension_number", Message: "Invalid field."}, {Field: "phone_numbers", Message: "Phone number already in use."}}})
	if field != "extension_number" || msg != "Invalid field.; phone_numbers: Phone number already in use." {
		t.Errorf("terseRefusal = %q, %q", field, msg)
	}
}

// An expired invitation (400/1120, zoom-api.md §11.4), played by the
// sandbox: pre-flight blocks the user on its email and nothing is sent;
// Zoom's batch endpoint answers the same 1120 naming no user, and
// creates nobody.
func TestExpiredInvitationBlocksPreflightAndTheBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	d := mainSiteDraft(t, e.refresh(), 4)
	expired := d.Users[2].Email
	e.sb.SetOptions(sandbox.Options{ExpiredInvitations: []string{expired}})

	spy := e.spyOn(Options{})
	_, err := e.svc.Submit(context.Background(), d, nil)
	var blocked *BlockedError
	if !errors.As(err, &blocked) {
		t.Fatalf("Submit = %v; want blocked by pre-flight", err)
	}
	var onEmail bool
	for _, p := range blocked.Problems.ForUser(2) {
		onEmail = onEmail || (p.Severity == state.Error && p.Field == "email" && strings.Contains(p.Message, "invitation has expired"))
	}
	if !onEmail {
		t.Errorf("the expired invitation is not blocked on the user's email: %v", blocked.Problems)
	}
	if len(spy.posts) != 0 {
		t.Errorf("%d POSTs sent past a blocking pre-flight", len(spy.posts))
	}

	_, err = e.newClient().BatchAddUsers(context.Background(), zoom.BatchUsers(d.Users))
	var ze *zoom.Error
	if !errors.As(err, &ze) || !zoom.IsInvitationExpired(err) || len(ze.Errors) != 0 {
		t.Fatalf("batch with the expired user: %v; want 400/1120 naming no user", err)
	}
	for _, u := range d.Users {
		if _, err := e.newClient().GetPhoneUser(context.Background(), u.Email); !zoom.IsNotFound(err) {
			t.Errorf("%s exists after a refused batch (err %v)", u.Email, err)
		}
	}
}
