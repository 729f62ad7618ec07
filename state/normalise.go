package state

import (
	"regexp"
	"strings"
)

// scientific matches what a spreadsheet shows after it took a long digit
// string for a number: "8.05E+11", "1.21255E+10". The explicit sign keeps a
// real MAC such as "805e11223344" from matching.
var scientific = regexp.MustCompile(`^[0-9]+([.,][0-9]*)?[eE][+-][0-9]+$`)

// isScientific reports whether s is a number in scientific notation, the
// mark of a cell a spreadsheet has already damaged beyond repair. It runs
// on every MAC, number and extension Validate checks, so text whose first
// e or E is not a digit's exponent (a "+" or "-" right after) is turned
// away before the regexp.
func isScientific(s string) bool {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, "eE")
	if i < 1 || i+1 >= len(s) || (s[i+1] != '+' && s[i+1] != '-') {
		return false
	}
	return scientific.MatchString(s)
}

// splitList splits a list cell on ";", trimming each item and dropping
// empty ones.
func splitList(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ';' })
	var out []string // nil when empty, like a list never set
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
