package pickers

import (
	"strings"
	"unicode"
)

// The matcher is word by word rather than sahilm/fuzzy's one subsequence
// over the whole label: operators type word prefixes and abbreviations
// ("uk unl", "std", "tnto"), and a single subsequence ranks "UK/Ireland
// Metered" next to "UK/Ireland Unlimited" for "uk unl". Each query word must
// match one word of the item, as a prefix or, failing that, as an
// abbreviation (a subsequence starting at the word's first letter). Items
// are ranked by tier, then keep the list's order (which puts the site
// country's plans first).

// tier orders matches: lower is better.
type tier int

const (
	tierExact       tier = iota // the label is the query
	tierLabelPrefix             // the label starts with the query
	tierWordPrefix              // every query word starts a word of the label or value
	tierDetailWord              // ... or of the detail
	tierAbbrev                  // every query word abbreviates a word ("std" → Standard)
	noMatch
)

// words splits s into lower-case runs of letters and digits: "UK/Ireland
// Unlimited" → uk, ireland, unlimited.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// haystack is an item prepared for matching once, not per key press.
type haystack struct {
	label  string   // lower-case label
	words  []string // words of label and value
	detail []string // words of the detail
}

func prepare(it Item) haystack {
	label := it.Label
	if label == "" {
		label = it.Value
	}
	return haystack{
		label:  strings.ToLower(label),
		words:  append(words(label), words(it.Value)...),
		detail: words(it.Detail),
	}
}

// match ranks one item against the query (already split into words, with
// the whole query lower-cased in q).
func (h haystack) match(q string, qw []string) tier {
	if len(qw) == 0 {
		return tierWordPrefix
	}
	switch {
	case h.label == q:
		return tierExact
	case strings.HasPrefix(h.label, q):
		return tierLabelPrefix
	case allMatch(qw, h.words, strings.HasPrefix):
		return tierWordPrefix
	case allMatch(qw, append(h.words[:len(h.words):len(h.words)], h.detail...), strings.HasPrefix):
		return tierDetailWord
	case allMatch(qw, h.words, abbreviates):
		return tierAbbrev
	}
	return noMatch
}

// allMatch reports whether every query word matches some word.
func allMatch(qw, ws []string, match func(word, q string) bool) bool {
	for _, q := range qw {
		found := false
		for _, w := range ws {
			if match(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// abbreviates reports whether q is a subsequence of word starting at its
// first letter: "std" abbreviates "standard", "tnto" "toronto".
func abbreviates(word, q string) bool {
	if q == "" || word == "" || word[0] != q[0] {
		return false
	}
	j := 0
	for i := 0; i < len(word) && j < len(q); i++ {
		if word[i] == q[j] {
			j++
		}
	}
	return j == len(q)
}

// Rank returns the items matching query, best first, by the pickers' one
// matcher: for prompts that are not a Model (the accessible mode).
func Rank(items []Item, query string) []Item {
	q := strings.ToLower(strings.TrimSpace(query))
	qw := words(q)
	var tiers [noMatch][]Item
	for _, it := range items {
		if t := prepare(it).match(q, qw); t < noMatch {
			tiers[t] = append(tiers[t], it)
		}
	}
	var out []Item
	for _, ts := range tiers {
		out = append(out, ts...)
	}
	return out
}
