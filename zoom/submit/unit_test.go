package submit

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
)

func TestExitCode(t *testing.T) {
	sub := func(statuses ...string) *state.Submission {
		s := &state.Submission{Outcome: OutcomeDone}
		for _, st := range statuses {
			s.Results = append(s.Results, state.UserResult{Status: st})
		}
		return s
	}
	for _, tc := range []struct {
		name string
		subs []*state.Submission
		err  error
		want int
	}{
		{"all created", []*state.Submission{sub(StatusCreated, StatusCreated)}, nil, ExitOK},
		{"skipped is fine", []*state.Submission{sub(StatusCreated, StatusSkipped)}, nil, ExitOK},
		{"blocked", nil, &BlockedError{}, ExitInvalid},
		{"refused", []*state.Submission{sub(StatusCreated, StatusFailed)}, nil, ExitRefused},
		{"unknown beats refused", []*state.Submission{sub(StatusFailed), sub(StatusUnknown)}, nil, ExitUnknown},
		{"error before sending", nil, errors.New("auth"), ExitOther},
		{"refused with an error", []*state.Submission{sub(StatusFailed)}, errors.New("x"), ExitRefused},
	} {
		if got := ExitCode(tc.subs, tc.err); got != tc.want {
			t.Errorf("%s: ExitCode = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// FailedDraft keeps exactly the users not created, deep-copied, in a new
// draft with the same defaults.
func TestFailedDraft(t *testing.T) {
	d := state.NewDraft("batch", state.Defaults{SiteName: "Main Site"})
	for _, e := range []string{"a@example.com", "b@example.com", "c@example.com", "d@example.com"} {
		d.Users = append(d.Users, state.User{Email: e, PhoneNumbers: []string{"+12125550100"}})
	}
	sub := &state.Submission{Results: []state.UserResult{
		{Email: "A@example.com", Status: StatusCreated}, {Email: "b@example.com", Status: StatusFailed},
		{Email: "c@example.com", Status: StatusUnknown}, {Email: "d@example.com", Status: StatusSkipped},
	}}
	fd := FailedDraft(d, sub)
	if fd == nil || fd.ID == d.ID || fd.Defaults.SiteName != "Main Site" || len(fd.Users) != 3 || fd.Users[0].Email != "b@example.com" {
		t.Fatalf("FailedDraft = %+v", fd)
	}
	fd.Users[0].PhoneNumbers[0] = "changed"
	if d.Users[1].PhoneNumbers[0] != "+12125550100" {
		t.Errorf("FailedDraft shares slices with the original")
	}
	all := &state.Submission{Results: []state.UserResult{{Email: "a@example.com", Status: StatusCreated}}}
	if FailedDraft(&state.Draft{Users: d.Users[:1]}, all) != nil {
		t.Errorf("FailedDraft of an all-created draft should be nil")
	}
}

// Body is exactly what the client POSTs: BatchRequest of BatchUsers.
func TestBodyIsTheBatchRequest(t *testing.T) {
	d := state.NewDraft("x", state.Defaults{})
	d.Users = []state.User{{Email: "a@example.com", ExtensionNumber: "1234", CallingPlans: []string{"US/CA Unlimited"},
		DeskPhones: []state.DeskPhone{{MAC: "805ec03debc4", Brand: "Yealink", Model: "t46s"}}}}
	b, err := Body(d)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(zoom.BatchRequest{Users: zoom.BatchUsers(d.Users)})
	if !bytes.Equal(b, want) {
		t.Errorf("Body = %s\nwant %s", b, want)
	}
	if !bytes.Contains(b, []byte(`"mac":"80-5e-c0-3d-eb-c4"`)) {
		t.Errorf("Body %s: MAC not in Zoom's hyphenated form", b)
	}
	if _, err := Body(&state.Draft{}); err == nil {
		t.Errorf("Body of an empty draft: no error")
	}
	users, err := usersFromBody(b)
	if err != nil || len(users) != 1 || users[0].DeskPhones[0].MAC != "805ec03debc4" || users[0].ExtensionNumber != "1234" {
		t.Errorf("usersFromBody = %+v, %v", users, err)
	}
}

func TestMapFieldErrors(t *testing.T) {
	emails := []string{"a@example.com", "b@example.com"}
	got := mapFieldErrors([]zoom.FieldError{
		{Field: "users[1].desk_phones[0].mac", Message: "MAC taken"},
		{Field: "users.0.email", Message: "inactive"},
		{Field: "users[7].email", Message: "out of range"},
		{Field: "email", Message: "b@example.com is not active"},
		{Field: "", Message: "something general"},
	}, emails)
	want := []fieldRefusal{
		{1, "desk_phones[0].mac", "MAC taken"}, {0, "email", "inactive"}, {-1, "users[7].email", "out of range"},
		{1, "email", "b@example.com is not active"}, {-1, "", "something general"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("error %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestSplitChunk(t *testing.T) {
	ten := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	if p := splitChunk(ten); len(p[0]) != 9 || len(p[1]) != 1 {
		t.Errorf("10 → %d + %d, want 9 + 1", len(p[0]), len(p[1]))
	}
	if p := splitChunk(ten[:9]); len(p[0]) != 4 || len(p[1]) != 5 {
		t.Errorf("9 → %d + %d, want 4 + 5", len(p[0]), len(p[1]))
	}
}
