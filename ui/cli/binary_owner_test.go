//go:build unix

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"zpadd/state"
)

// started is a zpadd process running in the background.
type started struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
}

func startZpadd(t *testing.T, home string, env []string, args ...string) *started {
	t.Helper()
	s := &started{cmd: exec.Command(zpaddBinary(t), args...)}
	s.cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "ZPADD_HOME=" + home}, env...)
	s.cmd.Stdout, s.cmd.Stderr = &s.stdout, &s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	return s
}

// wait returns the exit code (-1 when killed by a signal).
func (s *started) wait(t *testing.T) int {
	t.Helper()
	err := s.cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatalf("waiting for zpadd: %v", err)
	return 0
}

// intents counts the journalled batch intents under home: each POST of a
// batch is preceded by exactly one, so it is the number of POSTs sent.
func intents(t *testing.T, home string) int {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(state.HomeUnder(home).State, "journal", "journal.jsonl"))
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(raw), `"type":"intent"`)
}

func importOne(t *testing.T, home string, env []string, emails ...string) string {
	t.Helper()
	var csv strings.Builder
	csv.WriteString(csvHeader)
	for i, e := range emails {
		csv.WriteString(userRow(i+1, e))
	}
	imp := zpadd(t, home, env, "", "import", writeCSV(t, csv.String()))
	if imp.code != 0 {
		t.Fatalf("import: %d %s", imp.code, imp.stderr)
	}
	return strings.Fields(imp.stdout)[0]
}

// Two headless submits of one draft started together under a slow POST:
// exactly one POST; the other exits 2 naming the first's pid.
func TestBinaryTwoSubmitsOfOneDraftPostOnce(t *testing.T) {
	home := t.TempDir()
	env := serveSandbox(t, home, "--behave", "post-delay=2s")
	id := importOne(t, home, env, freeEmails[:2]...)

	a := startZpadd(t, home, env, "submit", "--yes", id)
	b := startZpadd(t, home, env, "submit", "--yes", id)
	codeA, codeB := a.wait(t), b.wait(t)
	winner, loser, loserCode := a, b, codeB
	if codeA != 0 {
		winner, loser, loserCode = b, a, codeA
	}
	if codeA+codeB != 2 || (codeA != 0 && codeB != 0) {
		t.Fatalf("exit codes %d and %d, want one 0 and one 2\nA: %s\nB: %s", codeA, codeB, a.stderr.String(), b.stderr.String())
	}
	if loserCode != 2 {
		t.Fatalf("the second submit exited %d, want 2", loserCode)
	}
	if want := fmt.Sprintf("pid %d", winner.cmd.Process.Pid); !strings.Contains(loser.stderr.String(), want) {
		t.Errorf("the refused submit does not name the sending one (%s):\n%s", want, loser.stderr.String())
	}
	if n := intents(t, home); n != 1 {
		t.Errorf("%d batches journalled (POSTs), want exactly 1", n)
	}
}

// kill -9 of the submitting zpadd after Zoom created the users but before
// its answer arrived: the next submit reconciles them (reads them back) and
// POSTs nothing again.
func TestBinaryKilledSubmitIsReconciledNotResent(t *testing.T) {
	home := t.TempDir()
	env := serveSandbox(t, home, "--behave", "answer-delay=5s")
	id := importOne(t, home, env, freeEmails[2:4]...)

	a := startZpadd(t, home, env, "submit", "--yes", id)
	deadline := time.Now().Add(20 * time.Second)
	for intents(t, home) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no intent journalled: %s", a.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second) // the POST reaches the sandbox, which commits at once
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = a.wait(t)

	again := zpadd(t, home, env, "", "submit", "--yes", "--json", id)
	if again.code != 0 {
		t.Fatalf("resubmit after kill -9: exit %d\n%s", again.code, again.stderr)
	}
	if !strings.Contains(again.stderr, "reconcil") {
		t.Errorf("the resubmit did not say it reconciled:\n%s", again.stderr)
	}
	if strings.Count(again.stdout, `"status": "created"`) != 2 {
		t.Errorf("want both users created:\n%s", again.stdout)
	}
	if n := intents(t, home); n != 1 {
		t.Errorf("%d batches journalled (POSTs), want 1: the killed one was sent again", n)
	}
	drafts := zpadd(t, home, env, "", "drafts", "--json")
	if !strings.Contains(drafts.stdout, `"status": "submitted"`) {
		t.Errorf("drafts after reconcile: %s", drafts.stdout)
	}
}

// A disk that fills while Zoom is answering: the outcome cannot be
// journalled, yet the exit code says what Zoom did (0: all created, not 1),
// the draft is not listed as "draft", and once there is space again a
// resubmit reads the users back and sends nothing twice.
func TestBinaryFullDiskDuringSubmitSaysWhatZoomDid(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", home).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs for a full disk here (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", home).Run() })
	env := serveSandbox(t, t.TempDir(), "--behave", "answer-delay=2s")
	id := importOne(t, home, env, freeEmails[4:6]...)

	a := startZpadd(t, home, env, "submit", "--yes", "--json", id)
	deadline := time.Now().Add(20 * time.Second)
	for intents(t, home) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no intent journalled: %s", a.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	filler := filepath.Join(home, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	for chunk := make([]byte, 4096); ; {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	f.Close()
	code := a.wait(t)
	if code != 0 {
		t.Errorf("exit %d after Zoom created both users but the journal was full, want 0\n%s", code, a.stderr.String())
	}
	// Whether the journal's own line still fitted (a file's last page has
	// room on tmpfs) or not, the draft's status file could not be written.
	t.Logf("outcome journalled: %v", !strings.Contains(a.stderr.String(), "could not be journalled"))
	if strings.Count(a.stdout.String(), `"status": "created"`) != 2 {
		t.Errorf("want both users reported created:\n%s", a.stdout.String())
	}
	if d := zpadd(t, home, env, "", "drafts", "--json"); strings.Contains(d.stdout, `"status": "draft"`) {
		t.Errorf("a draft whose users were created is listed as draft:\n%s", d.stdout)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	again := zpadd(t, home, env, "", "submit", "--yes", "--json", id)
	if again.code != 0 || strings.Count(again.stdout, `"status": "created"`) != 2 {
		t.Fatalf("resubmit after freeing space: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
	if n := intents(t, home); n != 1 {
		t.Errorf("%d batches journalled (POSTs), want 1", n)
	}
	if d := zpadd(t, home, env, "", "drafts", "--json"); !strings.Contains(d.stdout, `"status": "submitted"`) {
		t.Errorf("drafts after the reconcile: %s", d.stdout)
	}
}
