package safetext

import (
	"io"
	"unicode/utf8"
)

// Writer passes text through to a terminal-bound stream with every unsafe
// rune (see Unsafe) except newline, tab and carriage return escaped as
// \u001b, so nothing written through it can start a terminal sequence.
// The \uXXXX form is also a JSON string escape, so JSON written through a
// Writer keeps its exact values (encoding/json escapes C0 itself; DEL, C1
// and bidi overrides it leaves raw are the ones this escapes). Invalid
// UTF-8 bytes are shown as \xHH.
//
// A Writer also remembers the first error of the stream beneath (Err), so
// a command can exit non-zero when its output could not be written.
type Writer struct {
	w       io.Writer
	pending []byte // the start of a rune split across two writes
	err     error
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write escapes p and writes it. It returns len(p) unless the stream
// beneath failed, so fmt and encoders see every byte as taken.
func (sw *Writer) Write(p []byte) (int, error) {
	if sw.err != nil {
		return 0, sw.err
	}
	in := p
	if len(sw.pending) > 0 {
		in = append(sw.pending, p...)
		sw.pending = nil
	}
	out := make([]byte, 0, len(in)+16)
	for i := 0; i < len(in); {
		c := in[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r' {
			out = append(out, c)
			i++
			continue
		}
		if c < 0x80 {
			out = append(out, jsonEscape(rune(c))...)
			i++
			continue
		}
		if !utf8.FullRune(in[i:]) {
			sw.pending = append([]byte(nil), in[i:]...)
			break
		}
		r, n := utf8.DecodeRune(in[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, Escape(rune(c))...)
		case Unsafe(r):
			out = append(out, jsonEscape(r)...)
		default:
			out = append(out, in[i:i+n]...)
		}
		i += n
	}
	if _, err := sw.w.Write(out); err != nil {
		sw.err = err
		return 0, err
	}
	return len(p), nil
}

// Flush writes a rune left incomplete at the end of the stream (escaped,
// since it never completed) and returns the first error seen.
func (sw *Writer) Flush() error {
	if len(sw.pending) > 0 && sw.err == nil {
		var out []byte
		for _, c := range sw.pending {
			out = append(out, Escape(rune(c))...)
		}
		sw.pending = nil
		if _, err := sw.w.Write(out); err != nil {
			sw.err = err
		}
	}
	return sw.err
}

// Err is the first error the stream beneath returned.
func (sw *Writer) Err() error { return sw.err }

func jsonEscape(r rune) string {
	const hex = "0123456789abcdef"
	return `\u` + string([]byte{hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]})
}
