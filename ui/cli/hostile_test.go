package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// assertNoControl fails when s holds any byte a terminal would act on:
// ESC, the one-byte CSI U+009B, BEL, NUL, or a bidi override.
func assertNoControl(t *testing.T, where, s string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\u009b", "\x07", "\x00", "\u202e", "\u2066"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s: %q reached the terminal:\n%q", where, bad, s)
		}
	}
}

// hostileCSV writes a CSV under a file name carrying an escape sequence.
func hostileCSV(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "evil\x1b]52;c;ZmlsZQ==\x07\x1b[2J.csv")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const hostileHeader = "email,first_name,last_name,extension_number,site_name,template_name,calling_plans\n"

// Every headless command, fed the hostile sandbox (names with OSC 52,
// ESC[2J, colours and U+202E; a site and template with line breaks; a
// refusal carrying escapes), a hostile file name and hostile cells,
// writes none of it to stdout or stderr, and its JSON keeps the exact
// values.
func TestNoHostileByteReachesStdoutOrStderr(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{HostileNames: true})
	ctx := context.Background()
	runCmd := func(name string, cmd func(*Env) int) (int, string, string) {
		te.reset()
		e := *te.Env
		code := Run(&e, cmd)
		assertNoControl(t, name+" stdout", te.stdout.String())
		assertNoControl(t, name+" stderr", te.stderr.String())
		return code, te.stdout.String(), te.stderr.String()
	}

	all := hostileCSV(t, hostileHeader+
		`mallory.hostile@example.com,"`+"\x1b]52;c;aGFja2Vk\x07Mal\x1b[31mlory"+`","`+"\x1b[2J\u202eyrtsoH"+`",9101,"Lab`+"\n"+`Floor 2","Lab users`+"\n\x1b[31mRED"+`",US/CA Unlimited`+"\n"+
		`nul@example.com,Nu`+"\x00"+`ll,=HYPERLINK("http://evil"),9103,Main Site,,US/CA Unlimited`+"\n")
	code, _, stderr := runCmd("import", func(e *Env) int { return Import(e, all) })
	if code != ExitInvalid || !strings.Contains(stderr, `control character \x1b`) || !strings.Contains(stderr, "looks like a spreadsheet formula") {
		t.Errorf("import should name the control characters and the formula, exit 2: %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, `evil\x1b]52;c;ZmlsZQ==\x07`) {
		t.Errorf("the file name should be shown escaped: %s", stderr)
	}

	runCmd("drafts", func(e *Env) int { return Drafts(e, false) })
	_, js, _ := runCmd("drafts --json", func(e *Env) int { return Drafts(e, true) })
	if !strings.Contains(js, `\u001b]52;c;ZmlsZQ==\u0007`) {
		t.Errorf("drafts --json should keep the exact name, JSON-escaped: %s", js)
	}
	ref := "mallory" // not a name: use the id from the listing
	infos, _, _ := te.Store.List()
	if len(infos) == 1 {
		ref = infos[0].ID
	}
	runCmd("export csv", func(e *Env) int { return Export(e, ref, "csv") })
	runCmd("export json", func(e *Env) int { return Export(e, ref, "json") })
	runCmd("check", func(e *Env) int { return Check(ctx, e, ref, false) })
	runCmd("check --json", func(e *Env) int { return Check(ctx, e, ref, true) })
	runCmd("submit (blocked)", func(e *Env) int { return Submit(ctx, e, []string{ref}, SubmitOptions{Yes: true}) })
	runCmd("submit --dry-run", func(e *Env) int { return Submit(ctx, e, []string{ref}, SubmitOptions{DryRun: true}) })

	// Trudy is clean and at the hostile site by its exact name: Zoom
	// refuses her with a message full of escapes.
	for _, asJSON := range []bool{false, true} {
		if err := te.Store.Delete(ref); err == nil {
			ref = ""
		}
		for _, in := range mustList(t, te) {
			_ = te.Store.Delete(in)
		}
		trudy := hostileCSV(t, hostileHeader+`trudy.hostile@example.com,Trudy,Clean,9102,"Lab`+"\n"+`Floor 2","Lab users`+"\n\x1b[31mRED"+`",US/CA Unlimited`+"\n")
		runCmd("import trudy", func(e *Env) int { return Import(e, trudy) })
		ids := mustList(t, te)
		code, out, errs := runCmd("submit", func(e *Env) int { return Submit(ctx, e, ids, SubmitOptions{Yes: true, JSON: asJSON}) })
		if code != ExitRefused || !strings.Contains(out+errs, "blocked") {
			t.Errorf("json=%v: want Zoom's refusal (exit 3) shown escaped, got %d\n%s\n%s", asJSON, code, out, errs)
		}
	}
}

func mustList(t *testing.T, te *testEnv) []string {
	t.Helper()
	infos, _, err := te.Store.List()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range infos {
		ids = append(ids, in.ID)
	}
	return ids
}
