package cli

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Output nobody got is not success: every command whose stdout fails
// exits 1 and says why on stderr.
func TestEveryCommandExitsNonZeroWhenStdoutFails(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, freeEmails[:2]...)
	for name, cmd := range map[string]func(*Env) int{
		"submit --dry-run": func(e *Env) int { return Submit(context.Background(), e, ids, SubmitOptions{DryRun: true}) },
		"drafts":           func(e *Env) int { return Drafts(e, false) },
		"drafts --json":    func(e *Env) int { return Drafts(e, true) },
		"export":           func(e *Env) int { return Export(e, ids[0], "csv") },
		"export json":      func(e *Env) int { return Export(e, ids[0], "json") },
	} {
		te.reset()
		e := *te.Env
		e.Stdout = fullDisk{}
		if code := Run(&e, cmd); code == ExitOK {
			t.Errorf("%s: exit 0 with stdout failing", name)
		}
		if !strings.Contains(te.stderr.String(), "no space left on device") {
			t.Errorf("%s: stderr does not say why: %q", name, te.stderr)
		}
	}
	te.reset()
	if code := Run(te.Env, func(e *Env) int { return Drafts(e, false) }); code != ExitOK {
		t.Errorf("a working stdout must still exit 0, got %d: %s", code, te.stderr)
	}
}

// The contract case from the issue, on the real binary.
func TestBinarySubmitDryRunToDevFullExitsNonZero(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	home := t.TempDir()
	p := writeCSV(t, csvHeader+userRow(1, freeEmails[0]))
	if r := zpadd(t, home, nil, "", "--sandbox", "import", p); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := zpadd(t, home, nil, "", "--sandbox", "drafts", "--json")
	id := strings.Split(strings.Split(r.stdout, `"id": "`)[1], `"`)[0]
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	cmd := exec.Command(zpaddBinary(t), "--sandbox", "submit", "--dry-run", id)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "ZPADD_HOME=" + home}
	cmd.Stdout = full
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() == 0 {
		t.Fatalf("submit --dry-run > /dev/full: %v, stderr %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "no space left") {
		t.Errorf("stderr should say why: %s", stderr.String())
	}
}
