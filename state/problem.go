package state

import (
	"fmt"
	"slices"
)

// Severity says whether a problem blocks submitting.
type Severity int

const (
	// Error blocks submit.
	Error Severity = iota
	// Warning is shown but allows submit.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a draft, tied to a user and a field so the
// UI can jump to it and the CLI can name it.
type Problem struct {
	// User is the index of the user in Draft.Users, or -1 for the draft.
	User int `json:"user"`
	// Email of that user, for messages that outlive reordering.
	Email string `json:"email,omitempty"`
	// Field is the batch body's field name, with an index for lists:
	// "extension_number", "phone_numbers[1]", "desk_phones[0].mac".
	Field    string   `json:"field"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (p Problem) String() string {
	where := "draft"
	if p.User >= 0 {
		where = fmt.Sprintf("user %d", p.User+1)
		if p.Email != "" {
			where += " (" + p.Email + ")"
		}
	}
	if p.Field != "" {
		where += ", " + p.Field
	}
	return fmt.Sprintf("%s: %s: %s", p.Severity, where, p.Message)
}

// Problems is every problem found in a draft.
type Problems []Problem

// Errors returns only the problems that block submit.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Blocking reports whether any problem blocks submit.
func (ps Problems) Blocking() bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == Error })
}

// ForUser returns the problems of one user (by index).
func (ps Problems) ForUser(i int) Problems {
	var out Problems
	for _, p := range ps {
		if p.User == i {
			out = append(out, p)
		}
	}
	return out
}
