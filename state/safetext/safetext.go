// Package safetext makes text that zpadd did not write safe to print on a
// terminal: Zoom's user, site and template names, Zoom's error messages,
// CSV cells and file names. It is applied where text is printed, never
// where it enters, because values must stay exact for Zoom (a site_name is
// sent back verbatim) and for the JSON and CSV round trips.
//
// What is neutralised, and why:
//   - C0 controls (except the line breaks and tabs a mode allows), DEL and
//     C1 controls: ESC starts terminal sequences (OSC 52 writes the
//     clipboard, CSI 2J clears the screen, SGR recolours what follows), and
//     U+009B is a one-byte CSI on some terminals. They are shown escaped
//     (\x1b), so the operator sees that a name holds them, and the rest of
//     the sequence becomes inert text.
//   - bidi overrides, embeddings and isolates (U+202A–U+202E,
//     U+2066–U+2069): they reorder what follows on screen, so a name can
//     pose as another. Shown escaped (\u202e).
//   - line and paragraph separators, newlines and tabs: spaces in one-line
//     places, so a name cannot split a table row or a picker line.
//   - invalid UTF-8: U+FFFD.
package safetext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Line is s for a one-line place (a table cell, a picker row, a status
// line, a progress line): every line break and tab becomes a space, every
// other control or bidi override is shown escaped.
func Line(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range runes(s) {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case Unsafe(r):
			b.WriteString(Escape(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Text is s for a place that may hold several lines (an error message
// printed on its own): line breaks are kept (CR LF and lone CR become LF,
// so a CR cannot overwrite what a line began with), tabs become a space,
// every other control or bidi override is shown escaped.
func Text(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range runes(s) {
		switch {
		case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r == '\t' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case Unsafe(r):
			b.WriteString(Escape(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unsafe reports whether r must not reach a terminal as it is: a C0 or C1
// control, DEL, or a bidi override, embedding or isolate. Line breaks and
// tabs count as unsafe here; Line and Text decide what they become.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Has reports whether s holds any unsafe rune (see Unsafe) or invalid
// UTF-8: what validation refuses in a field.
func Has(s string) bool { return !isPlain(s) }

// First returns the first unsafe rune of s and its byte offset, or -1;
// an invalid UTF-8 byte is returned as utf8.RuneError.
func First(s string) (rune, int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if Unsafe(r) || r == utf8.RuneError && n == 1 {
			return r, i
		}
		i += n
	}
	return 0, -1
}

// Escape is how an unsafe rune is shown: \x1b below U+0100, \u202e above.
func Escape(r rune) string {
	if r < 0x100 {
		const hex = "0123456789abcdef"
		return `\x` + string([]byte{hex[r>>4], hex[r&0xf]})
	}
	q := strconv.QuoteRuneToASCII(r) // '\u202e'
	return q[1 : len(q)-1]
}

// isPlain reports whether s is valid UTF-8 with nothing unsafe, so the
// common case returns s without allocating.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			return isPlainUnicode(s[i:])
		}
	}
	return true
}

func isPlainUnicode(s string) bool {
	_, at := First(s)
	return at < 0
}

// runes decodes s with invalid bytes read as U+FFFD.
func runes(s string) []rune { return []rune(strings.ToValidUTF8(s, "\uFFFD")) }
