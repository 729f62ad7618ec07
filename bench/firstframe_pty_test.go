//go:build unix

package bench

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// frameWait bounds one start-up: far above any plausible figure, so only a
// hung program trips it.
const frameWait = 30 * time.Second

// buildBinary compiles zpadd (the module root is this package's parent)
// into dir, as a user would run it: no race detector, no coverage.
func buildBinary(b *testing.B, dir string) string {
	b.Helper()
	bin := filepath.Join(dir, "zpadd")
	cmd := exec.Command("go", "build", "-o", bin, "zpadd")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build zpadd: %v\n%s", err, out)
	}
	return bin
}

// startup is one run of the binary under a pty until its output shows want.
type startup struct {
	cmd  *exec.Cmd
	tty  *os.File
	done chan struct{} // closed when the process has exited
}

// frame is the first output that shows the wanted text: when, and the
// text drawn up to then.
type frame struct {
	after time.Duration
	text  string
}

// timeToText starts bin under a 100×30 pty with env and returns how long
// from exec until the drawn text contains want. The program is left
// running; quit or stop ends it.
func timeToText(b *testing.B, bin string, env []string, want string, args ...string) (frame, *startup) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		if errors.Is(err, pty.ErrUnsupported) || errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			b.Skipf("no pseudo-terminal available here (%v): the first-frame benchmark needs /dev/ptmx", err)
		}
		b.Fatalf("start %s under a pty: %v", bin, err)
	}
	s := &startup{cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(s.done) }()

	found := make(chan frame, 1)
	var out bytes.Buffer
	go func() {
		// The reader keeps draining after the frame is found, so the
		// program never blocks on a full pty buffer.
		buf := make([]byte, 32*1024)
		seen := false
		for {
			n, err := tty.Read(buf)
			if n > 0 && !seen {
				out.Write(buf[:n])
				if text := ansi.Strip(out.String()); strings.Contains(text, want) {
					seen = true
					found <- frame{after: time.Since(start), text: text}
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case f := <-found:
		return f, s
	case <-s.done:
		b.Fatalf("zpadd exited before drawing %q", want)
	case <-time.After(frameWait):
		s.stop()
		b.Fatalf("zpadd drew no %q within %s", want, frameWait)
	}
	return frame{}, nil
}

// quit sends ctrl+c (save & quit) and waits for the exit.
func (s *startup) quit(b *testing.B) {
	b.Helper()
	_, _ = s.tty.Write([]byte{0x03})
	select {
	case <-s.done:
	case <-time.After(frameWait):
		b.Errorf("zpadd did not quit on ctrl+c within %s", frameWait)
	}
	s.stop()
}

// stop kills the program if it still runs and closes the pty.
func (s *startup) stop() {
	select {
	case <-s.done:
	default:
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	_ = s.tty.Close()
}

// benchEnv is a clean environment: the sandbox only, zpadd's files under
// home, plus extra (e.g. ZPADD_SANDBOX behaviours).
func benchEnv(home string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "ZOOM_") || strings.HasPrefix(name, "ZPADD_") || name == "TERM" || name == "NO_COLOR" || name == "ACCESSIBLE" {
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "TERM=xterm-256color", "ZPADD_HOME="+home), extra...)
}
