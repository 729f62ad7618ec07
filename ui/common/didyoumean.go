package common

import (
	"strings"

	"zpadd/state"
	"zpadd/zoom/submit"
)

// didYouMean suggests the address a typo'd email was meant to be: the same
// name at a domain that Zoom knows from the draft's other users and that is
// one or two letters away ("exampel.com" → "example.com"). "" when there is
// no such domain.
func (c *Context) didYouMean(d *state.Draft, email string) string {
	local, domain, ok := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	if !ok {
		return ""
	}
	for _, u := range d.Users {
		l, known := c.Lookup(u.Email)
		if !known || l.Status == submit.StatusNotFound {
			continue
		}
		_, good, _ := strings.Cut(strings.ToLower(u.Email), "@")
		if good != domain && editDistance(good, domain) <= 2 {
			return local + "@" + good
		}
	}
	return ""
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
