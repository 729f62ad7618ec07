package safetext

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// Hostile strings seen in the attack write-up of issue 13.
var hostile = []string{
	"\x1b]52;c;aGVsbG8=\x07Ann",            // OSC 52: writes the clipboard
	"\x1b[2JBob",                           // clears the screen
	"\x1b[31mRed\x1b[0m",                   // recolours what follows
	"evil\u202Etxt.exe",                    // right-to-left override
	"a\u2066b\u2069c",                      // isolate
	"two\nlines\r\nthree\rfour",            // breaks a row
	"tab\there",                            // breaks a column
	"nul\x00byte\x7fdel\u009bcsi\u0085nel", // C0, DEL, C1
	"bad\xffutf8\xc2",                      // invalid UTF-8
}

func hasRaw(s string) bool {
	for _, r := range s {
		if r == 0x1b || r == 0x9b || r == 0x07 || r == 0 || r == 0x7f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return true
		}
	}
	return false
}

func TestLineLeavesNoControlAndOneLine(t *testing.T) {
	for _, s := range hostile {
		got := Line(s)
		if hasRaw(got) || strings.ContainsAny(got, "\n\r\t") || !utf8.ValidString(got) {
			t.Errorf("Line(%q) = %q still holds a control, a break or invalid UTF-8", s, got)
		}
	}
	if got := Line("\x1b[2JBob"); got != `\x1b[2JBob` {
		t.Errorf("ESC should be shown escaped, got %q", got)
	}
	if got := Line("evil\u202Etxt"); got != `evil\u202etxt` {
		t.Errorf("bidi override should be shown escaped, got %q", got)
	}
	if got := Line("a\nb\tc"); got != "a b c" {
		t.Errorf("line breaks and tabs should be spaces, got %q", got)
	}
}

func TestLineKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{"", "Ann Lee", "José Müller", "O'Neil", "日本語", "مرحبا", "+12125550100", "-", "\uFFFD", "👩‍💻"} {
		if got := Line(s); got != s {
			t.Errorf("Line(%q) = %q: ordinary text must stay as it is", s, got)
		}
		if Has(s) {
			t.Errorf("Has(%q) = true for ordinary text", s)
		}
	}
}

func TestTextKeepsLineBreaksOnly(t *testing.T) {
	got := Text("one\r\ntwo\rthree\x1b[2J\tx")
	if got != "one\ntwo\nthree\\x1b[2J x" {
		t.Errorf("Text = %q", got)
	}
}

func TestFirstNamesTheOffendingRune(t *testing.T) {
	if r, at := First("Ann\x00"); r != 0 || at != 3 {
		t.Errorf("First = %q at %d", r, at)
	}
	if _, at := First("bad\xff"); at != 3 {
		t.Errorf("invalid byte at %d", at)
	}
	if _, at := First("fine \uFFFD"); at != -1 {
		t.Errorf("a real U+FFFD is not unsafe")
	}
}

func TestWriterEscapesAcrossSplitWrites(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	in := []byte("ok é\u202e\x1b]52;c;x\x07 end\n")
	for i := range in { // one byte per write: runes split every time
		if _, err := w.Write(in[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != `ok é\u202e\u001b]52;c;x\u0007 end`+"\n" {
		t.Errorf("got %q", got)
	}
}

func TestWriterKeepsJSONValuesExact(t *testing.T) {
	v := map[string]string{"name": "x\u202e\x1b\x7f\u009by"}
	var out bytes.Buffer
	w := NewWriter(&out)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		t.Fatal(err)
	}
	if hasRaw(out.String()) {
		t.Fatalf("raw control in %q", out.String())
	}
	var back map[string]string
	if err := json.Unmarshal(out.Bytes(), &back); err != nil || back["name"] != v["name"] {
		t.Fatalf("JSON value changed: %q, %v", back["name"], err)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestWriterRemembersTheFirstError(t *testing.T) {
	w := NewWriter(failing{})
	if _, err := w.Write([]byte("x")); err == nil {
		t.Fatal("a failed write must return its error")
	}
	if w.Err() == nil || w.Flush() == nil {
		t.Fatal("the error must be kept for the command's exit code")
	}
}

// FuzzLine: whatever the input, Line and Text leave no raw control, no
// bidi override and no invalid UTF-8, Line no line break, and the Writer's
// output holds no ESC, C1 or bidi override however the input is split.
func FuzzLine(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, split int) {
		l := Line(s)
		if hasRaw(l) || strings.ContainsAny(l, "\n\r\t") || !utf8.ValidString(l) || Has(l) {
			t.Fatalf("Line(%q) = %q", s, l)
		}
		x := Text(s)
		if hasRaw(x) || strings.ContainsAny(x, "\r\t") || !utf8.ValidString(x) {
			t.Fatalf("Text(%q) = %q", s, x)
		}
		if !Has(s) && (l != s) {
			t.Fatalf("plain %q changed to %q", s, l)
		}
		var out bytes.Buffer
		w := NewWriter(&out)
		b := []byte(s)
		if split < 0 {
			split = -split
		}
		cut := 0
		if len(b) > 0 {
			cut = split % (len(b) + 1)
		}
		_, _ = w.Write(b[:cut])
		_, _ = w.Write(b[cut:])
		_ = w.Flush()
		for _, r := range strings.ToValidUTF8(out.String(), "") {
			if Unsafe(r) && r != '\n' && r != '\t' && r != '\r' {
				t.Fatalf("Writer passed %U from %q: %q", r, s, out.String())
			}
		}
		if !utf8.Valid(out.Bytes()) {
			t.Fatalf("Writer output is not UTF-8: %q", out.String())
		}
	})
}

func TestFrameKeepsColoursAndEscapesTheRest(t *testing.T) {
	in := "\x1b[1;38;2;1:2:3mTitle\x1b[0m\n" + "\x1b]52;c;aGk=\x07 \x1b[2J \u202e x\ty"
	got := Frame(in)
	want := "\x1b[1;38;2;1:2:3mTitle\x1b[0m\n" + `\x1b]52;c;aGk=\x07 \x1b[2J \u202e x y`
	if got != want {
		t.Errorf("Frame:\n got %q\nwant %q", got, want)
	}
}

// FuzzFrame: the only ESC left in a frame starts an SGR sequence.
func FuzzFrame(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("\x1b[31mok\x1b[0m\x1b[")
	f.Fuzz(func(t *testing.T, s string) {
		out := Frame(s)
		for i := 0; i < len(out); i++ {
			if out[i] == 0x1b {
				n := sgrLen(out[i:])
				if n == 0 {
					t.Fatalf("Frame(%q) left a non-SGR ESC: %q", s, out)
				}
				i += n - 1
			}
		}
		for _, r := range out {
			if r != 0x1b && r != '\n' && Unsafe(r) {
				t.Fatalf("Frame(%q) left %U", s, r)
			}
		}
	})
}

// BenchmarkFrame: the guard runs on every full-screen render; a 100×30
// frame of styled rows.
func BenchmarkFrame(b *testing.B) {
	row := "\x1b[38;2;120;120;120m ▸ \x1b[m\x1b[1mJosé Núñez\x1b[m  jose.nunez@example.com  1101  +1 646-820-1000  ✓ 80:5e:c0:b2:00:01" + strings.Repeat(" ", 10) + "\n"
	frame := strings.Repeat(row, 30)
	b.SetBytes(int64(len(frame)))
	for b.Loop() {
		_ = Frame(frame)
	}
}
