package state

import (
	"fmt"
	"strings"
)

// SetEmail changes the user's email. Names a lookup filled for another
// email belong to that person, so they are cleared (the lookup of the new
// email fills them again); names the operator typed are kept.
func (u *User) SetEmail(email string) {
	if EmailKey(email) == EmailKey(u.Email) {
		u.Email = email
		return
	}
	u.Email = email
	if u.NamesFrom != "" && EmailKey(u.NamesFrom) != EmailKey(email) {
		u.FirstName, u.LastName, u.NamesFrom = "", "", ""
	}
}

// SetTypedName records a first or last name the operator typed (field
// "first_name" or "last_name"): from then on the names are the operator's
// and no lookup replaces them.
func (u *User) SetTypedName(field, v string) {
	switch field {
	case "first_name":
		if v == u.FirstName {
			return
		}
		u.FirstName = v
	case "last_name":
		if v == u.LastName {
			return
		}
		u.LastName = v
	default:
		return
	}
	u.NamesFrom = ""
}

// ApplyLookedUpNames fills the names Zoom gave for email when email is
// still the user's: names an earlier lookup filled are replaced; typed
// names are kept, and only their empty half is filled. It reports a change.
func (u *User) ApplyLookedUpNames(email, first, last string) bool {
	if EmailKey(u.Email) != EmailKey(email) || first == "" && last == "" {
		return false
	}
	if typed := u.NamesFrom == "" && (u.FirstName != "" || u.LastName != ""); typed {
		changed := false
		if u.FirstName == "" && first != "" {
			u.FirstName, changed = first, true
		}
		if u.LastName == "" && last != "" {
			u.LastName, changed = last, true
		}
		return changed
	}
	changed := u.FirstName != first || u.LastName != last || EmailKey(u.NamesFrom) != EmailKey(email)
	u.FirstName, u.LastName, u.NamesFrom = first, last, email
	return changed
}

// NameMismatch is a warning when names the operator typed differ from the
// Zoom user's (first, last); "" when they match, are empty, or came from
// the lookup itself. Zoom keeps the account user's names, so a difference
// usually means the wrong email.
func (u User) NameMismatch(first, last string) string {
	if u.NamesFrom != "" || (u.FirstName == "" && u.LastName == "") || (first == "" && last == "") {
		return ""
	}
	same := func(a, b string) bool {
		return a == "" || strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
	}
	if same(u.FirstName, first) && same(u.LastName, last) {
		return ""
	}
	return fmt.Sprintf("typed name %q differs from the Zoom user's name %q: check the email",
		strings.TrimSpace(u.FirstName+" "+u.LastName), strings.TrimSpace(first+" "+last))
}
