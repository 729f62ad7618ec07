//go:build unix

package ui_test

import (
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// The real binary on a real pty, full screen and --accessible, against the
// hostile sandbox: Zoom's lookup fills in names that write the clipboard
// (OSC 52), clear the screen, recolour and reverse the text; the site
// picker lists a site with a line break. None of their bytes reaches the
// terminal; the names are shown escaped.
func TestPtyNoHostileByteReachesTheTerminal(t *testing.T) {
	bin := buildZpadd(t)
	signatures := []string{"\x1b]52", "\u202e", "\u009b", "\x1b[5m", "\x1b[31mlory", "\x1b[31mRED"}
	check := func(mode, out string) {
		t.Helper()
		for _, sig := range signatures {
			if strings.Contains(out, sig) {
				t.Errorf("%s: %q reached the pty", mode, sig)
			}
		}
	}
	env := []string{"ZPADD_HOME=" + t.TempDir(), sandbox.EnvBehaviours + "=hostile-names"}

	p := startPty(t, bin, 120, 40, env, "--sandbox")
	p.waitText(0, "catalog just now")
	m := p.mark()
	p.write("n")
	p.waitText(m, "Applied to each new user")
	m = p.mark()
	p.write("\r") // the site picker
	p.waitText(m, "Lab Floor 2")
	m = p.mark()
	p.write("\x1b") // close the picker
	p.waitText(m, "esc done")
	m = p.mark()
	p.write("\x1b") // on to the batch
	p.waitText(m, "no users yet")
	m = p.mark()
	p.write("a")
	p.waitText(m, "add a desk phone")
	m = p.mark()
	p.write(sandbox.HostileEmail + "\t")
	p.waitText(m, `\x1b[2J\x1b[H\u202eyrtsoH`)
	p.write("\x03")
	if err := p.waitExit(); err != nil {
		t.Fatalf("zpadd exited with %v; its last output:\n%s", err, p.tail())
	}
	p.mu.Lock()
	check("full screen", p.out.String())
	p.mu.Unlock()

	a := startPty(t, bin, 120, 40, env, "--sandbox", "--accessible")
	a.waitText(0, "Open a draft (number or name)") // the full-screen run saved one
	a.write("1\r")                                 // start a new draft
	a.waitText(0, "Email")
	a.write(sandbox.HostileEmail + "\r")
	a.waitText(0, "First name")
	a.write("\r")              // keep the name Zoom's lookup offers
	a.waitText(0, "Last name") // both names shown; the cleanup ends the program
	a.mu.Lock()
	check("accessible", a.out.String())
	a.mu.Unlock()
	if !strings.Contains(a.text(0), `\x1b]52;c;aGFja2Vk\x07Mal`) {
		t.Errorf("accessible mode should show the first name escaped:\n%s", a.text(0))
	}
}
