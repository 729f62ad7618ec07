package ui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"zpadd/zoom/sandbox"
)

// hostileSignatures are byte strings only the hostile sandbox's names and
// messages hold: none may reach a terminal.
var hostileSignatures = []string{"\x1b]52", "\u202e", "\u009b", "\x1b[5m", "\x1b[31mlory", "\x1b[31mRED"}

func assertNoHostileBytes(t *testing.T, where string, out []byte) {
	t.Helper()
	for _, sig := range hostileSignatures {
		if bytes.Contains(out, []byte(sig)) {
			t.Errorf("%s: %q reached the terminal", where, sig)
		}
	}
}

// The full-screen wizard on the hostile sandbox: the defaults' site and
// template pickers list the site and template with line breaks on one
// line each, and the user form, filled in by Zoom's lookup with names
// that write the clipboard, clear the screen, recolour and reverse text,
// shows them escaped. No hostile byte reaches the terminal.
func TestFullScreenShowsHostileNamesEscaped(t *testing.T) {
	e := newEnvWith(t, sandbox.Options{HostileNames: true})
	tm := teatest.NewTestModel(t, NewApp(e.options()), teatest.WithInitialTermSize(120, 40))
	var out bytes.Buffer
	wait := func(text string) {
		t.Helper()
		teatest.WaitFor(t, io.TeeReader(tm.Output(), &out), func(b []byte) bool {
			return strings.Contains(ansi.Strip(out.String()), text)
		}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	wait("catalog just now") // the account's lists are in
	typeKeys(tm, "n")
	wait("Applied to each new user")
	typeKeys(tm, "<enter>") // the site picker
	wait("Lab Floor 2")
	typeKeys(tm, "<esc><esc>")
	wait("no users yet")
	typeKeys(tm, "a")
	wait("add a desk phone")
	typeKeys(tm, sandbox.HostileEmail+"<tab>")
	wait(`\x1b[2J\x1b[H\u202eyrtsoH`) // the last name, shown escaped
	typeKeys(tm, "<ctrl+c>")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	rest, _ := io.ReadAll(tm.FinalOutput(t))
	out.Write(rest)
	assertNoHostileBytes(t, "full screen", out.Bytes())
	if strings.Contains(ansi.Strip(out.String()), "Floor 2\n") {
		t.Error("the site's line break split a picker row")
	}
}

// Accessible mode prints every prompt and option as plain lines: the
// hostile names, site and template must arrive escaped, on one line each.
func TestAccessibleShowsHostileNamesEscaped(t *testing.T) {
	e := newEnvWith(t, sandbox.Options{HostileNames: true})
	o := e.options()
	o.Accessible = true
	o.Input = strings.NewReader(sandbox.HostileEmail + "\n\n\n1\n1105\n1\n2\n0\n\n\n\n\nn\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(t.Context(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	assertNoHostileBytes(t, "accessible", out.Bytes())
	for _, b := range []string{"\x1b", "\x07"} {
		if bytes.Contains(out.Bytes(), []byte(b)) {
			t.Errorf("accessible output holds %q:\n%q", b, out.String())
		}
	}
	text := out.String()
	if !strings.Contains(text, "Lab Floor 2") || !strings.Contains(text, `\x1b[2J\x1b[H\u202eyrtsoH`) {
		t.Errorf("the hostile site and last name should be listed escaped on one line:\n%s", text)
	}
}

// A site and a template whose names hold line breaks stay on one line in
// the picker, on the defaults screen and in the batch's defaults line,
// and the template's colour code is shown, not applied.
func TestHostileSiteAndTemplateStayOnOneLine(t *testing.T) {
	e := newEnvWith(t, sandbox.Options{HostileNames: true})
	a := offlineApp(t, e)
	send(t, a, press("n")...)
	send(t, a, press("<enter>")...) // the site picker
	checkOneLine := func(where string) {
		t.Helper()
		frame := a.View().Content
		for _, l := range strings.Split(ansi.Strip(frame), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "Floor 2") || strings.HasPrefix(strings.TrimSpace(l), "RED") {
				t.Errorf("%s: a name's line break split a row:\n%s", where, ansi.Strip(frame))
			}
		}
		if strings.Contains(frame, "\x1b[31mRED") {
			t.Errorf("%s: the template's colour code was applied", where)
		}
	}
	if !strings.Contains(screen(a), "Lab Floor 2") {
		t.Fatalf("the hostile site is not listed:\n%s", screen(a))
	}
	checkOneLine("site picker")
	send(t, a, press("<down><down><down><down><enter>")...)
	checkOneLine("defaults after the site")
	send(t, a, press("<up><enter>")...) // the template picker (the site's only template was filled, the focus moved past it)
	if !strings.Contains(screen(a), `Lab users \x1b[31mRED`) {
		t.Errorf("the template should be listed escaped on one line:\n%s", screen(a))
	}
	checkOneLine("template picker")
	send(t, a, press("<enter><esc>")...)
	checkOneLine("batch")
	if !strings.Contains(screen(a), "Lab Floor 2") {
		t.Errorf("the batch's defaults line should name the site on one line:\n%s", screen(a))
	}
}
