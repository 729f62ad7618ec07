package submit

import (
	"strings"

	"zpadd/state"
)

// withValues adds to a refusal that is about a phone number or an
// extension the user's value it means, when Zoom's message does not say
// it: "Phone number already in use." leaves the operator guessing which of
// the user's numbers (zoom-api.md §11.4: error bodies are often terse).
func withValues(msg string, u state.User) string {
	m := strings.ToLower(msg)
	var add []string
	if strings.Contains(m, "number") && !strings.Contains(m, "extension") && len(u.PhoneNumbers) > 0 {
		if !mentionsAny(msg, u.PhoneNumbers) {
			add = append(add, "number "+strings.Join(u.PhoneNumbers, ", "))
		}
	}
	if strings.Contains(m, "extension") && u.ExtensionNumber != "" && !strings.Contains(msg, u.ExtensionNumber) {
		add = append(add, "extension "+u.ExtensionNumber)
	}
	if len(add) == 0 {
		return msg
	}
	return strings.TrimRight(msg, " ") + " (" + strings.Join(add, "; ") + ")"
}

// mentionsAny reports whether msg contains one of the numbers, by digits.
func mentionsAny(msg string, numbers []string) bool {
	d := digits(msg)
	for _, n := range numbers {
		if nd := digits(n); nd != "" && strings.Contains(d, nd) {
			return true
		}
	}
	return false
}
