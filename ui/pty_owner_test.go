//go:build unix

package ui_test

import (
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

// typedName is what the operator types into the first user's first name.
const typedName = "Bartholomew-Fitzgerald"

// openFirstUserName starts zpadd on dir's cart draft and puts the cursor in
// the first user's first-name field.
func openFirstUserName(t *testing.T, bin, dir string, draft *state.Draft) *ptyProgram {
	t.Helper()
	p := startPty(t, bin, 100, 30, []string{"ZPADD_HOME=" + dir}, "--sandbox")
	p.waitText(0, draft.Name)
	m := p.mark()
	p.write("\r") // open the draft
	p.waitText(m, "scan phones")
	m = p.mark()
	p.write("\r") // edit user 1
	p.waitText(m, "First name")
	p.write("\t")                      // to the first name
	time.Sleep(300 * time.Millisecond) // the last save of opening is behind us
	return p
}

func firstName(t *testing.T, store *state.Store, id string) string {
	t.Helper()
	d, err := store.Load(id)
	if err != nil {
		t.Fatalf("load the draft: %v", err)
	}
	return d.Users[0].FirstName
}

// SIGHUP (a closed terminal) and SIGTERM right after a burst of typing keep
// every character: the keys already read are handled, then the draft is
// flushed, with no coalescing window lost.
func TestPtySignalRightAfterTypingKeepsEveryCharacter(t *testing.T) {
	bin := buildZpadd(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			store, draft := seedCartDraft(t, dir)
			p := openFirstUserName(t, bin, dir, draft)
			p.write(typedName)
			time.Sleep(5 * time.Millisecond) // the keys reach zpadd's terminal
			if err := p.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := p.waitExit()
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				t.Fatalf("zpadd after %s: %v", sig, err)
			}
			if got := firstName(t, store, draft.ID); got != typedName {
				t.Fatalf("after %s the saved first name is %q, want %q (lost %d characters); last output:\n%s",
					sig, got, typedName, len(typedName)-len(got), p.tail())
			}
		})
	}
}

// kill -9 cannot be caught: what is on disk is what the coalesced autosave
// wrote. This measures the crash window (logged: characters on disk
// against the time between the burst of typing and the kill) and checks
// that every kill leaves a prefix of what was typed, and that the
// autosave writes the whole burst with no further key.
func TestPtyKillNineCrashWindow(t *testing.T) {
	bin := buildZpadd(t)
	var report []string
	for _, after := range []time.Duration{0, 25 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond, 150 * time.Millisecond, 250 * time.Millisecond, -1} {
		dir := t.TempDir()
		store, draft := seedCartDraft(t, dir)
		p := openFirstUserName(t, bin, dir, draft)
		p.write(typedName)
		start := time.Now()
		if after < 0 {
			// No kill until the autosave has written it all.
			p.waitFor("the whole burst saved without a further key", func() bool { return firstName(t, store, draft.ID) == typedName })
			after = time.Since(start)
		} else {
			time.Sleep(after)
		}
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
		_ = p.waitExit()
		got := firstName(t, store, draft.ID)
		report = append(report, fmt.Sprintf("kill -9 %3d ms after typing: %2d of %d characters on disk",
			after.Milliseconds(), len(got), len(typedName)))
		if !strings.HasPrefix(typedName, got) {
			t.Errorf("the saved name %q is not a prefix of what was typed", got)
		}
	}
	t.Log("crash window:\n" + strings.Join(report, "\n"))
}

// A full disk (ZPADD_HOME on a tiny tmpfs): quitting does not exit while
// the edits are only in memory; the full reason is shown, the draft can be
// exported elsewhere, and a forced quit exits non-zero with the reason.
func TestPtyFullDiskOnQuitKeepsTheWizardOpen(t *testing.T) {
	bin := buildZpadd(t)
	dir := filepath.Join(t.TempDir(), "home")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs for a full disk here (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	store, draft := seedCartDraft(t, dir)
	p := openFirstUserName(t, bin, dir, draft)
	fillDisk(t, dir)

	m := p.mark()
	p.write("Jo")
	p.waitText(m, "NOT SAVED")
	m = p.mark()
	p.write("\x03") // ctrl+c: save & quit, but the save fails
	p.waitText(m, "has not quit")
	p.waitText(m, "ctrl+c  quit anyway") // the dialog's last line
	screen := p.text(m)
	for _, want := range []string{"could not be saved", "no space left on device", "retry", "export"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the unsaved dialog lacks %q:\n%s", want, screen)
		}
	}
	select {
	case <-p.done:
		t.Fatalf("zpadd exited (%v) with the edits unsaved", p.err)
	case <-time.After(300 * time.Millisecond):
	}

	m = p.mark()
	p.write("e") // export the draft outside the full disk
	p.waitText(m, "exported to")
	exported := filepath.Join(os.TempDir(), "zpadd-unsaved-"+draft.ID+".csv")
	t.Cleanup(func() { _ = os.Remove(exported) })
	raw, err := os.ReadFile(exported)
	if err != nil || !strings.Contains(string(raw), "Jo") {
		t.Errorf("the export %s does not hold the unsaved edit: %v\n%s", exported, err, raw)
	}

	p.write("\x03") // quit anyway
	err = p.waitExit()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() == 0 {
		t.Fatalf("a forced quit with unsaved edits exited with %v, want a non-zero code", err)
	}
	if !strings.Contains(p.tail(), "no space left on device") {
		t.Errorf("the forced quit did not print the reason:\n%s", p.tail())
	}
	if got := firstName(t, store, draft.ID); got != "" {
		t.Errorf("the draft on disk changed to %q; the old version must stay intact", got)
	}
}

// fillDisk writes a file until the file system under dir is full.
func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			return
		}
	}
}

// A headless submit of a draft the wizard has open sends nothing and exits
// 2 naming the wizard's process.
func TestPtyHeadlessSubmitOfADraftOpenInTheWizardExitsTwo(t *testing.T) {
	bin := buildZpadd(t)
	dir := t.TempDir()
	_, draft := seedCartDraft(t, dir)
	p := startPty(t, bin, 100, 30, []string{"ZPADD_HOME=" + dir}, "--sandbox")
	p.waitText(0, draft.Name)
	m := p.mark()
	p.write("\r") // the wizard opens (and holds) the draft
	p.waitText(m, "scan phones")

	cmd := exec.Command(bin, "--sandbox", "submit", "--yes", draft.ID)
	cmd.Env = append(cleanEnv(), "ZPADD_HOME="+dir)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("headless submit of a draft open in the wizard: %v, want exit 2\n%s", err, out)
	}
	if want := fmt.Sprintf("pid %d", p.cmd.Process.Pid); !strings.Contains(string(out), want) || !strings.Contains(string(out), "nothing was sent") {
		t.Errorf("the refusal does not name the wizard (%s) or say nothing was sent:\n%s", want, out)
	}
	p.write("\x03")
	if err := p.waitExit(); err != nil {
		t.Fatalf("the wizard exited with %v", err)
	}
}
