package numberpicker

import "strings"

// The filter is hand-rolled rather than sahilm/fuzzy: phone numbers are short
// digit strings, so a byte-wise subsequence test over a pre-computed
// digits-only copy is all the fuzziness needed, and it lets each key press
// narrow the previous result instead of rescanning thousands of numbers and
// scoring them with a general-purpose matcher.

// digitsOnly keeps the ASCII digits of s: "+1 646-555 0130" → "16465550130".
func digitsOnly(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// querySeparators are characters a person types while copying a number from
// a ticket; they carry no meaning for matching.
const querySeparators = " +-().\t"

// parseQuery turns the typed filter into the digits to match. ok is false
// when the filter holds something that can never match a phone number (a
// letter), so the picker can say so instead of silently ignoring it.
func parseQuery(typed string) (digits string, ok bool) {
	var b strings.Builder
	for _, r := range typed {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(querySeparators, r):
		default:
			return "", false
		}
	}
	return b.String(), true
}

// isSubsequence reports whether every byte of q appears in s in order.
func isSubsequence(q, s string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(q); i++ {
		if s[i] == q[j] {
			j++
		}
	}
	return j == len(q)
}

// narrow returns, in the order of pool, the indices whose digits contain q
// as a subsequence. pool nil means every number.
func narrow(digits []string, pool []int, q string) []int {
	if pool == nil {
		out := make([]int, 0, len(digits))
		for i, d := range digits {
			if isSubsequence(q, d) {
				out = append(out, i)
			}
		}
		return out
	}
	out := make([]int, 0, len(pool))
	for _, i := range pool {
		if isSubsequence(q, digits[i]) {
			out = append(out, i)
		}
	}
	return out
}

// rank orders matches for display: numbers holding q as one contiguous run
// first (what a person typing the end of a number wants), then the looser
// subsequence matches; each group keeps the list's order.
func rank(digits []string, pool []int, q string) []int {
	if q == "" {
		return pool
	}
	out := make([]int, 0, len(pool))
	for _, i := range pool {
		if strings.Contains(digits[i], q) {
			out = append(out, i)
		}
	}
	for _, i := range pool {
		if !strings.Contains(digits[i], q) {
			out = append(out, i)
		}
	}
	return out
}
