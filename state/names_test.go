package state

import (
	"strings"
	"testing"
)

// Names a lookup filled belong to that email: changing the email to
// another person's drops them and the new lookup fills the new person's.
func TestLookedUpNamesFollowTheEmail(t *testing.T) {
	u := User{Email: "aisha.bello@example.com"}
	if !u.ApplyLookedUpNames("aisha.bello@example.com", "Aisha", "Bello") {
		t.Fatal("first lookup filled nothing")
	}
	u.SetEmail("henry.moore@example.com")
	if u.FirstName != "" || u.LastName != "" {
		t.Fatalf("names of the old email kept after the email changed: %+v", u)
	}
	// A late answer for the old email must not come back.
	if u.ApplyLookedUpNames("aisha.bello@example.com", "Aisha", "Bello") {
		t.Fatalf("a lookup of the old email changed the user: %+v", u)
	}
	if !u.ApplyLookedUpNames("henry.moore@example.com", "Henry", "Moore") || u.DisplayName() != "Henry Moore" {
		t.Fatalf("new lookup did not fill the new names: %+v", u)
	}
	// Even a lookup-filled name that was not cleared (same email typed
	// again) is replaced by the newer answer.
	if u.ApplyLookedUpNames("henry.moore@example.com", "Henry", "Moore") {
		t.Error("an identical lookup reported a change")
	}
}

// Typed names are the operator's: kept across an email change and a
// lookup, and flagged when they differ from the Zoom user's.
func TestTypedNamesAreKeptAndFlagged(t *testing.T) {
	u := User{Email: "aisha.bello@example.com"}
	u.ApplyLookedUpNames(u.Email, "Aisha", "Bello")
	u.SetTypedName("first_name", "Ash")
	if u.NamesFrom != "" {
		t.Fatal("typing a name left the names marked as looked up")
	}
	u.SetEmail("henry.moore@example.com")
	if u.FirstName != "Ash" || u.LastName != "Bello" {
		t.Fatalf("typed names dropped on an email change: %+v", u)
	}
	if u.ApplyLookedUpNames("henry.moore@example.com", "Henry", "Moore") {
		t.Fatalf("a lookup replaced typed names: %+v", u)
	}
	// Only a first name typed: the lookup fills the empty last name.
	v := User{Email: "henry.moore@example.com"}
	v.SetTypedName("first_name", "Hank")
	if !v.ApplyLookedUpNames(v.Email, "Henry", "Moore") || v.FirstName != "Hank" || v.LastName != "Moore" {
		t.Errorf("typed first name with an empty last name: %+v, want Hank Moore", v)
	}
	w := u.NameMismatch("Henry", "Moore")
	if !strings.Contains(w, `"Ash Bello"`) || !strings.Contains(w, `"Henry Moore"`) {
		t.Errorf("mismatch warning = %q, want both names", w)
	}
	if w := u.NameMismatch("ash", "BELLO"); w != "" {
		t.Errorf("same names in another case flagged: %q", w)
	}
}

// Clone is deep: changing the copy's slices and pointers leaves the
// original as it was (goroutines read snapshots while the wizard edits).
func TestDraftCloneIsDeep(t *testing.T) {
	on := true
	d := &Draft{ID: "x", Defaults: Defaults{CallingPlans: []string{"A"}, SMS: &on},
		Users: []User{{Email: "a@example.com", PhoneNumbers: []string{"+14155550100"}, SMS: &on,
			DeskPhones: []DeskPhone{{MAC: "805ec0000001"}}}}}
	cp := d.Clone()
	cp.Users[0].PhoneNumbers[0] = "changed"
	cp.Users[0].DeskPhones[0].MAC = "changed"
	*cp.Users[0].SMS = false
	cp.Defaults.CallingPlans[0] = "changed"
	cp.Users = append(cp.Users, User{})
	u := d.Users[0]
	if u.PhoneNumbers[0] != "+14155550100" || u.DeskPhones[0].MAC != "805ec0000001" || !*u.SMS ||
		d.Defaults.CallingPlans[0] != "A" || len(d.Users) != 1 {
		t.Fatalf("changing the clone changed the original: %+v", d)
	}
}
