package state

import (
	"fmt"
	"unicode/utf8"

	"zpadd/state/safetext"
)

// Limits on what zpadd takes in, so a hostile or mistaken input is refused
// with a message instead of becoming 275,000 drafts or a name Zoom would
// store ten megabytes of.
const (
	// MaxCSVBytes and MaxCSVRows bound one import: 5,000 users is 500
	// batches, more than a working day of submits; a 10 MB file of them
	// leaves room for long names and three phones each.
	MaxCSVBytes = 10 << 20
	MaxCSVRows  = 5000
	// MaxCellChars bounds one CSV cell: the longest legitimate cell, ten
	// E.164 numbers or a list of plans, is a few hundred characters.
	MaxCellChars = 1024
	// MaxNameChars is the length of a name field (first and last name,
	// site, template, brand, model, provision template). The reference
	// documents no limit for these batch fields (zoom-api.md §2), so this
	// is Zoom's 64-character limit on user names, applied to every name.
	MaxNameChars = 64
	// MaxEmailChars is RFC 5321's limit on an address.
	MaxEmailChars = 254
	// MaxDraftFileBytes bounds a draft file at load: a full draft of 10
	// users at these limits is well under 300 KB.
	MaxDraftFileBytes = 1 << 20
)

// fieldLimit is the most characters field (a batch-body name such as
// "first_name" or "desk_phones[0].model") may hold, or 0 for no own limit.
func fieldLimit(field string) int {
	switch baseField(field) {
	case "email":
		return MaxEmailChars
	case "first_name", "last_name", "site_name", "template_name", "brand", "model", "provision_template":
		return MaxNameChars
	}
	return 0
}

// baseField drops list indexes and the desk-phone prefix:
// "desk_phones[1].model" → "model", "calling_plans[0]" → "calling_plans".
func baseField(field string) string {
	for i := len(field) - 1; i >= 0; i-- {
		if field[i] == '.' {
			field = field[i+1:]
			break
		}
	}
	for i := 0; i < len(field); i++ {
		if field[i] == '[' {
			return field[:i]
		}
	}
	return field
}

// textProblem says what is wrong with one value's text, or "": a control
// character or bidi override anywhere (Zoom would store it and every
// screen would show it), or more characters than the field takes.
func textProblem(field, v string) string {
	if r, at := safetext.First(v); at >= 0 {
		n := utf8.RuneCountInString(v[:at]) + 1
		if r == utf8.RuneError {
			return fmt.Sprintf("holds a byte that is not UTF-8 text at character %d: retype the value", n)
		}
		return fmt.Sprintf("holds the control character %s at character %d (a line break, tab, escape sequence or text-direction override): retype the value without it", safetext.Escape(r), n)
	}
	if limit := fieldLimit(field); limit > 0 {
		if n := utf8.RuneCountInString(v); n > limit {
			return fmt.Sprintf("is %d characters long; Zoom takes at most %d: shorten it", n, limit)
		}
	}
	return ""
}
