package submit

import (
	"regexp"
	"strconv"
	"strings"

	"zpadd/zoom"
)

// usersFieldRE matches Zoom's validation paths: "users[3].desk_phones[0].mac",
// "users[3]" or "users.3.email" (both spellings have been seen in Zoom's
// error bodies for array fields).
var usersFieldRE = regexp.MustCompile(`^users(?:\[(\d+)\]|\.(\d+))(?:\.(.+))?$`)

// fieldRefusal is one of Zoom's validation errors tied to a user of the
// POSTed chunk (Pos) and a field of the batch body, or to no user (Pos -1).
type fieldRefusal struct {
	Pos     int
	Field   string
	Message string
}

// mapFieldErrors ties each of Zoom's errors[] to the position of a user in
// the request body. Errors whose field names no index are tied to a user
// whose email the message mentions, else left for the whole batch.
func mapFieldErrors(errs []zoom.FieldError, emails []string) []fieldRefusal {
	out := make([]fieldRefusal, 0, len(errs))
	for _, fe := range errs {
		r := fieldRefusal{Pos: -1, Field: fe.Field, Message: fe.Message}
		if m := usersFieldRE.FindStringSubmatch(strings.TrimSpace(fe.Field)); m != nil {
			idx := m[1]
			if idx == "" {
				idx = m[2]
			}
			if n, err := strconv.Atoi(idx); err == nil && n >= 0 && n < len(emails) {
				r.Pos, r.Field = n, m[3]
			}
		}
		if r.Pos < 0 {
			r.Pos = mentionedUser(fe.Field+" "+fe.Message, emails)
		}
		if r.Message == "" {
			r.Message = "refused by Zoom"
		}
		out = append(out, r)
	}
	return out
}

// mentionedUser returns the position of the one email the text names, or -1.
func mentionedUser(text string, emails []string) int {
	text = strings.ToLower(text)
	found := -1
	for i, e := range emails {
		if e != "" && strings.Contains(text, strings.ToLower(e)) {
			if found >= 0 {
				return -1 // names several users: not one user's problem
			}
			found = i
		}
	}
	return found
}

// isSizeRefusal reports Zoom's "User size must be less than 10." refusal,
// which means "send fewer users", not "these users are wrong".
func isSizeRefusal(e *zoom.Error) bool {
	if e == nil || e.Status != 400 {
		return false
	}
	msg := strings.ToLower(e.Message)
	return strings.Contains(msg, "user size must be less than") || strings.Contains(msg, "size must be less than")
}

// splitChunk halves a chunk Zoom refused for its size; ten become nine and
// one, since Zoom's message suggests nine is the real ceiling.
func splitChunk(chunk []int) [][]int {
	cut := len(chunk) / 2
	if len(chunk) == 10 {
		cut = 9
	}
	a := append([]int(nil), chunk[:cut]...)
	b := append([]int(nil), chunk[cut:]...)
	return [][]int{a, b}
}
