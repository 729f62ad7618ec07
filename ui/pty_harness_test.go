//go:build unix

package ui_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// ptyWait bounds every wait on the program: generous, because CI runs the
// race-built binary on two cores next to other test packages.
const ptyWait = 60 * time.Second

// prebuiltEnv names a zpadd binary to test instead of building one: for
// stressing the test with -count, or bisecting with a known build.
const prebuiltEnv = "ZPADD_PTY_BINARY"

// buildZpadd compiles the real binary once per test into a temporary
// folder. It is race-built when the tests are, so a data race in the
// program itself fails the test too.
func buildZpadd(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the zpadd binary under a pty; skipped with -short")
	}
	if bin := os.Getenv(prebuiltEnv); bin != "" {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("%s=%s: %v", prebuiltEnv, bin, err)
		}
		return bin
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("no go tool on PATH to build the binary: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "zpadd")
	args := []string{"build", "-o", bin}
	if raceBuild {
		args = append(args, "-race")
	}
	cmd := exec.Command("go", append(args, "zpadd")...)
	cmd.Dir = ".." // the module root, whatever the package folder is
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build zpadd: %v\n%s", err, out)
	}
	return bin
}

// ptyProgram is the binary running on the slave side of a pty, with its
// output drained all the time so it never blocks on a full pty buffer.
type ptyProgram struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	more chan struct{} // signalled (never blocking) on each read
	done chan struct{} // closed when the process has exited
	err  error         // the process's exit error, once done is closed
}

// startPty runs bin with args under a cols×rows pty, with env added to a
// clean environment (no Zoom credentials: the sandbox only). It skips the
// test when this system has no ptys.
func startPty(t *testing.T, bin string, cols, rows uint16, env []string, args ...string) *ptyProgram {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(cleanEnv(), env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: cols, Rows: rows})
	if err != nil {
		if errors.Is(err, pty.ErrUnsupported) || errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			t.Skipf("no pseudo-terminal available here (%v): the pty test needs /dev/ptmx", err)
		}
		t.Fatalf("start %s under a pty: %v", bin, err)
	}
	p := &ptyProgram{t: t, cmd: cmd, tty: tty, more: make(chan struct{}, 1), done: make(chan struct{})}
	go p.drain()
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(p.stop)
	return p
}

// cleanEnv keeps what a program needs from the test's environment and
// drops anything that would point zpadd at a real account or a real home.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "ZOOM_"), strings.HasPrefix(name, "ZPADD_"),
			strings.HasPrefix(name, "XDG_"), name == "NO_COLOR", name == "ACCESSIBLE",
			name == "TERM", name == "COLORFGBG", name == "TMUX":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TERM=xterm-256color")
}

func (p *ptyProgram) drain() {
	buf := make([]byte, 32*1024)
	for {
		n, err := p.tty.Read(buf)
		if n > 0 {
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			select {
			case p.more <- struct{}{}:
			default:
			}
		}
		if err != nil { // EIO once the program has exited and closed the slave
			return
		}
	}
}

// mark is where the output stands now; wait looks for text after a mark,
// so it sees what the program drew after an action, not before.
func (p *ptyProgram) mark() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Len()
}

// text is the output since mark as plain text (escape sequences removed).
func (p *ptyProgram) text(since int) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return ansi.Strip(string(p.out.Bytes()[since:]))
}

// waitText waits until the program has drawn want after mark since. It
// fails the test when the program exits or the time runs out.
func (p *ptyProgram) waitText(since int, want string) {
	p.t.Helper()
	deadline := time.NewTimer(ptyWait)
	defer deadline.Stop()
	for {
		if strings.Contains(p.text(since), want) {
			return
		}
		select {
		case <-p.more:
		case <-p.done:
			if strings.Contains(p.text(since), want) {
				return
			}
			p.t.Fatalf("zpadd exited (%v) before showing %q; its last output:\n%s", p.err, want, p.tail())
		case <-deadline.C:
			p.t.Fatalf("zpadd did not show %q within %s; its last output:\n%s", want, ptyWait, p.tail())
		}
	}
}

// waitFor polls cond (e.g. the draft file on disk) until it holds.
func (p *ptyProgram) waitFor(what string, cond func() bool) {
	p.t.Helper()
	deadline := time.Now().Add(ptyWait)
	for !cond() {
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: not within %s; zpadd's last output:\n%s", what, ptyWait, p.tail())
		}
		select {
		case <-p.done:
			if cond() {
				return
			}
			p.t.Fatalf("%s: zpadd exited (%v) first; its last output:\n%s", what, p.err, p.tail())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// write sends s to the program's terminal in one write, as a scanner's
// burst arrives.
func (p *ptyProgram) write(s string) {
	p.t.Helper()
	if _, err := p.tty.Write([]byte(s)); err != nil {
		p.t.Fatalf("write %q to the pty: %v", s, err)
	}
}

// waitExit waits for the program to end and returns its exit error.
func (p *ptyProgram) waitExit() error {
	p.t.Helper()
	select {
	case <-p.done:
		return p.err
	case <-time.After(ptyWait):
		p.t.Fatalf("zpadd did not exit within %s; its last output:\n%s", ptyWait, p.tail())
		return nil
	}
}

// tail is the end of the output as plain text, for failure messages.
func (p *ptyProgram) tail() string {
	s := p.text(0)
	if len(s) > 3000 {
		s = "…" + s[len(s)-3000:]
	}
	return s
}

// stop kills the program if it is still running and closes the pty.
func (p *ptyProgram) stop() {
	select {
	case <-p.done:
	default:
		_ = p.cmd.Process.Kill()
		<-p.done
	}
	_ = p.tty.Close()
}
