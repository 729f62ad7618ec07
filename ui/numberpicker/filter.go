package numberpicker

import (
	"math/bits"
	"strings"
)

// The filter is hand-rolled rather than sahilm/fuzzy: phone numbers are short
// digit strings, so a subsequence test is all the fuzziness needed, and it
// can be made incremental: each number's digits are kept as one bit mask per
// digit value (where that digit occurs), and each result remembers, per
// number, where its match ended and where the query runs contiguously. A
// key press that adds a digit then costs a few bit operations per number
// still shown, never a rescan of every number or a re-match of the whole
// query.

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

// maskDigits is how many digits of a number the filter sees: every E.164
// number (at most 15 digits) fits; digits past the 32nd are not matched.
const maskDigits = 32

// digitMasks says where each digit value occurs in one number: bit k of
// [c] is set when its k-th digit is c.
type digitMasks [10]uint32

func masksOf(digits string) digitMasks {
	var m digitMasks
	for k := 0; k < len(digits) && k < maskDigits; k++ {
		m[digits[k]-'0'] |= 1 << k
	}
	return m
}

func newMaskTable(numbers []string) []digitMasks {
	t := make([]digitMasks, len(numbers))
	for i, n := range numbers {
		t[i] = masksOf(digitsOnly(n))
	}
	return t
}

// match is one number let through by a filter.
type match struct {
	idx int32 // index into the picker's numbers
	// end is where the leftmost subsequence match of the query ends (the
	// position of its last digit): the longer query's next digit must come
	// after it.
	end uint8
	// runs has bit k set when the query appears contiguously from digit k.
	runs uint32
}

// result is what one digit query lets through, ranked for display: numbers
// holding the query as one contiguous run first (what a person typing the
// end of a number wants), then the looser subsequence matches; each group in
// the list's order. A result is never changed once built, so copies of the
// Model share it safely.
type result struct {
	query string
	all   int // query "": every one of all numbers, in list order
	runs  []match
	loose []match
}

func everything(n int) *result { return &result{all: n} }

func (r *result) len() int {
	if r.query == "" {
		return r.all
	}
	return len(r.runs) + len(r.loose)
}

// at is the index into numbers of the i-th number shown.
func (r *result) at(i int) int {
	switch {
	case r.query == "":
		return i
	case i < len(r.runs):
		return int(r.runs[i].idx)
	}
	return int(r.loose[i-len(r.runs)].idx)
}

// extend returns what r's query followed by digit c lets through. A number
// matching the longer query must match r's, so only r's matches are looked
// at.
func (r *result) extend(table []digitMasks, c byte) *result {
	q := r.query + string(c)
	d := c - '0'
	// One block sized to what r lets through (the most that can pass):
	// runs fill it from the front, loose matches from the back.
	buf := make([]match, r.len())
	nr, nl := 0, 0
	if r.query == "" {
		for i := range table {
			if at := table[i][d]; at != 0 {
				// One digit runs wherever it occurs.
				buf[nr] = match{idx: int32(i), end: uint8(bits.TrailingZeros32(at)), runs: at}
				nr++
			}
		}
		return finish(q, buf, nr, nl)
	}
	n := uint(len(r.query))
	step := func(m match) {
		at := table[m.idx][d]
		later := uint64(at) &^ (uint64(2)<<m.end - 1)
		if later == 0 {
			return
		}
		m.end = uint8(bits.TrailingZeros64(later))
		m.runs &= at >> n // the run from k goes on when digit k+n is c
		if m.runs != 0 {
			buf[nr] = m
			nr++
		} else {
			nl++
			buf[len(buf)-nl] = m
		}
	}
	// runs and loose are each in list order; walk them merged so that
	// numbers losing their run join loose in list order too.
	i, j := 0, 0
	for i < len(r.runs) && j < len(r.loose) {
		if r.runs[i].idx < r.loose[j].idx {
			step(r.runs[i])
			i++
		} else {
			step(r.loose[j])
			j++
		}
	}
	for ; i < len(r.runs); i++ {
		step(r.runs[i])
	}
	for ; j < len(r.loose); j++ {
		step(r.loose[j])
	}
	return finish(q, buf, nr, nl)
}

// finish cuts buf into a result's two groups, putting the loose matches
// (written from the back) back into list order.
func finish(q string, buf []match, nr, nl int) *result {
	loose := buf[len(buf)-nl:]
	for a, b := 0, len(loose)-1; a < b; a, b = a+1, b-1 {
		loose[a], loose[b] = loose[b], loose[a]
	}
	return &result{query: q, runs: buf[:nr:nr], loose: loose}
}
