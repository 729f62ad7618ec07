package state

import (
	"errors"
	"fmt"
	"strings"
)

// ListEntry is one person found in pasted text: an email with the name
// that came with it, Raw as pasted, and Err when no usable email was found.
type ListEntry struct {
	First string
	Last  string
	Email string
	Raw   string
	Err   error
}

// LeftOut is a pasted entry AddPasted did not add, and why.
type LeftOut struct {
	Raw    string
	Reason string
}

// ParseUserList reads a pasted list of people: emails one per line or
// separated by commas, semicolons or spaces, or "Name <email>" and
// "\"Last, First\" <email>" as mail clients and ticket systems copy them
// (Outlook's unquoted "Last, First <email>" too). Every non-empty piece of
// text becomes an entry, so nothing pasted disappears without a reason.
func ParseUserList(text string) []ListEntry {
	var out []ListEntry
	var pendingName []string // comma-split name fragments waiting for their <email>
	flushPending := func() {
		for _, frag := range pendingName {
			out = append(out, ListEntry{Raw: frag, Err: fmt.Errorf("%q has no email address", frag)})
		}
		pendingName = nil
	}
	for _, seg := range splitPasted(text) {
		switch {
		case strings.Contains(seg, "<") && strings.Contains(seg, ">"):
			name := seg[:strings.Index(seg, "<")]
			raw := seg
			if len(pendingName) > 0 {
				// "Smith, John <john@x>" was split at its comma.
				name = strings.Join(pendingName, ", ") + ", " + name
				raw = strings.Join(pendingName, ", ") + ", " + seg
				pendingName = nil
			}
			out = append(out, angleEntry(strings.TrimSpace(raw), name, seg))
		case !strings.Contains(seg, "@") && !strings.Contains(seg, "<"):
			pendingName = append(pendingName, seg)
		default:
			flushPending()
			out = append(out, bareEntries(seg)...)
		}
	}
	flushPending()
	return out
}

// splitPasted splits on newlines, commas and semicolons that are outside
// quotes and angle brackets, trimming and dropping empty pieces.
func splitPasted(text string) []string {
	var segs []string
	var cur strings.Builder
	inQuote, inAngle := false, false
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			segs = append(segs, s)
		}
		cur.Reset()
	}
	for _, r := range text {
		switch {
		case r == '"':
			inQuote = !inQuote
		case r == '<' && !inQuote:
			inAngle = true
		case r == '>' && !inQuote:
			inAngle = false
		case (r == '\n' || r == '\r') && !inAngle:
			inQuote = false // a quote never spans lines in a pasted list
			flush()
			continue
		case (r == ',' || r == ';') && !inQuote && !inAngle:
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return segs
}

// angleEntry reads "Name <email>".
func angleEntry(raw, name, seg string) ListEntry {
	inner := seg[strings.Index(seg, "<")+1:]
	if end := strings.Index(inner, ">"); end >= 0 {
		inner = inner[:end]
	}
	e := ListEntry{Raw: raw}
	e.First, e.Last = splitName(name)
	e.Email, e.Err = NormalizeEmail(inner)
	return e
}

// bareEntries reads whitespace-separated emails; words before an email
// are its name ("John Smith john@x.com").
func bareEntries(seg string) []ListEntry {
	var out []ListEntry
	var words []string
	for _, tok := range strings.Fields(seg) {
		if !strings.Contains(tok, "@") {
			words = append(words, tok)
			continue
		}
		e := ListEntry{Raw: strings.TrimSpace(strings.Join(append(words, tok), " "))}
		e.First, e.Last = splitName(strings.Join(words, " "))
		e.Email, e.Err = NormalizeEmail(strings.Trim(tok, "()[]'\""))
		words = nil
		out = append(out, e)
	}
	if len(words) > 0 {
		raw := strings.Join(words, " ")
		out = append(out, ListEntry{Raw: raw, Err: fmt.Errorf("%q has no email address", raw)})
	}
	return out
}

// splitName reads "First Last", "Last, First" or "\"Last, First\"".
func splitName(name string) (first, last string) {
	name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), "\"'"))
	if name == "" {
		return "", ""
	}
	if l, f, ok := strings.Cut(name, ","); ok {
		return strings.TrimSpace(f), strings.TrimSpace(l)
	}
	words := strings.Fields(name)
	if len(words) == 1 {
		return words[0], ""
	}
	return strings.Join(words[:len(words)-1], " "), words[len(words)-1]
}

// AddPasted adds parsed entries as users (with the draft's defaults and
// the pasted names) until the draft is full. It returns the indexes added
// and every entry left out with the reason: invalid, a duplicate, or no
// room left.
func (d *Draft) AddPasted(entries []ListEntry) (added []int, leftOut []LeftOut) {
	for _, e := range entries {
		if e.Err != nil {
			leftOut = append(leftOut, LeftOut{Raw: e.Raw, Reason: e.Err.Error()})
			continue
		}
		i, err := d.AddUser(e.Email)
		switch {
		case errors.Is(err, ErrDraftFull):
			leftOut = append(leftOut, LeftOut{Raw: e.Raw, Reason: fmt.Sprintf("the draft is full (%d users); start another draft for the rest", MaxUsers)})
			continue
		case errors.Is(err, ErrDuplicateUser):
			leftOut = append(leftOut, LeftOut{Raw: e.Raw, Reason: "already in this draft"})
			continue
		case err != nil:
			leftOut = append(leftOut, LeftOut{Raw: e.Raw, Reason: err.Error()})
			continue
		}
		d.Users[i].FirstName, d.Users[i].LastName = e.First, e.Last
		added = append(added, i)
	}
	return added, leftOut
}
