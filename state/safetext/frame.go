package safetext

import (
	"strings"
	"unicode/utf8"
)

// Frame is the last guard on a full-screen frame that zpadd's own styles
// built: it keeps newlines and well-formed SGR sequences (ESC [ params m,
// the only sequences lipgloss writes into a view) and shows everything
// else escaped: any other escape sequence (OSC 52, CSI 2J, cursor moves),
// C0 and C1 controls, DEL, bidi overrides, tabs. Foreign text should
// already have passed Line where it was laid out (so a colour code in a
// name cannot recolour a row); Frame makes sure that a place that forgot
// cannot reach the terminal with anything but colour.
func Frame(s string) string {
	if isPlainFrame(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	keep := 0 // s[keep:i] is safe and not yet written
	replace := func(i, n int, with string) {
		b.WriteString(s[keep:i])
		b.WriteString(with)
		keep = i + n
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n' || c >= 0x20 && c < 0x7f:
			i++
		case c == 0x1b:
			if n := sgrLen(s[i:]); n > 0 {
				i += n
				continue
			}
			replace(i, 1, Escape(0x1b))
			i++
		case c == '\t':
			replace(i, 1, " ")
			i++
		case c < 0x80:
			replace(i, 1, Escape(rune(c)))
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				replace(i, 1, string(utf8.RuneError))
			case Unsafe(r):
				replace(i, n, Escape(r))
			}
			i += n
		}
	}
	b.WriteString(s[keep:])
	return b.String()
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s) && i < 64; i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ';', c == ':':
		case c == 'm':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// isPlainFrame: no byte that Frame would change other than SGR starts.
func isPlainFrame(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}
