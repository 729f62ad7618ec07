package cli

import (
	"fmt"
	"io"

	"zpadd/state/safetext"
)

// Run runs one headless command with its output made safe and checked:
// stdout and stderr pass through safetext Writers, so no text from Zoom or
// a file (names, Zoom's messages, file names) can reach the terminal as an
// escape sequence, and a write that failed (a full disk, a closed pipe,
// /dev/full) turns a successful exit into ExitOther with the reason on
// stderr, instead of reporting success for output nobody got.
func Run(e *Env, cmd func(*Env) int) int {
	out, errw := safetext.NewWriter(e.Stdout), safetext.NewWriter(e.Stderr)
	e.Stdout, e.Stderr = out, errw
	code := cmd(e)
	if err := out.Flush(); err != nil && code == ExitOK {
		e.errorf("writing the output failed: %v", err)
		code = ExitOther
	}
	_ = errw.Flush() // nowhere left to report a failing stderr
	return code
}

// line makes foreign text (a name, Zoom's message, a file name) safe for a
// one-line place such as a table cell or a progress line.
func line(s string) string { return safetext.Line(s) }

// lineOf is line for any value printed with %v.
func lineOf(v any) string { return safetext.Line(fmt.Sprint(v)) }

// CheckedWriter remembers the first error of w, for output written outside
// Run (help, version, completion scripts), so main can exit non-zero.
type CheckedWriter struct {
	W   io.Writer
	Err error
}

func (c *CheckedWriter) Write(p []byte) (int, error) {
	if c.Err != nil {
		return 0, c.Err
	}
	n, err := c.W.Write(p)
	if err != nil {
		c.Err = err
	}
	return n, err
}
