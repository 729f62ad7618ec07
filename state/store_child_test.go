package state

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tests that need a second process (a lock held elsewhere, a process killed
// mid-save) re-run this test binary with storeChildEnv set; the child runs
// TestStoreChildProcess, which does the mode's work instead of testing.
const (
	storeChildEnv     = "ZPADD_STORE_TEST_CHILD"
	storeChildHomeEnv = "ZPADD_STORE_TEST_CHILD_HOME"
)

func TestStoreChildProcess(t *testing.T) {
	mode := os.Getenv(storeChildEnv)
	if mode == "" {
		t.Skip("helper process for the lock and crash tests; runs only when re-executed by them")
	}
	h := HomeUnder(os.Getenv(storeChildHomeEnv))
	s, err := OpenStore(h)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch mode {
	case "lock-holder":
		storeChildHoldLock(s)
	case "crash-saver":
		storeChildSaveForever(s)
	}
	os.Exit(3)
}

// storeChildHoldLock locks draft "locked1", says so, and holds it until
// stdin closes.
func storeChildHoldLock(s *Store) {
	l, err := s.Lock("locked1")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println("locked")
	_, _ = io.Copy(io.Discard, os.Stdin)
	_ = l.Release()
	os.Exit(0)
}

// storeChildSaveForever saves draft "crash" with ever higher versions,
// carrying on from the version on disk, until it is killed.
func storeChildSaveForever(s *Store) {
	var l *DraftLock
	for { // the killed previous child's lock is dropped by the OS at once, but be patient
		var err error
		if l, err = s.Lock("crash"); err == nil {
			break
		}
		time.Sleep(time.Millisecond)
	}
	defer l.Release()
	d, err := s.Load("crash")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	v, ok := crashVersionOf(d)
	if !ok {
		fmt.Fprintln(os.Stderr, "draft on disk is not a crash-test version:", d.Name)
		os.Exit(2)
	}
	for announced := false; ; {
		v++
		if err := s.Save(crashVersion(v)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if !announced {
			fmt.Println("saving")
			announced = true
		}
	}
}

// crashVersion is version v of the crash-test draft: its size and content
// change with v, so a torn or mixed write cannot pass for a real version.
func crashVersion(v int) *Draft {
	d := storeSampleDraft("crash", 1+v%10)
	d.Name = "version " + strconv.Itoa(v)
	for i := range d.Users {
		d.Users[i].FirstName = fmt.Sprintf("v%d-u%d", v, i)
		d.Users[i].PhoneNumbers = append(d.Users[i].PhoneNumbers, fmt.Sprintf("+1646555%04d", v%10000))
	}
	return d
}

func crashVersionOf(d *Draft) (int, bool) {
	v, err := strconv.Atoi(strings.TrimPrefix(d.Name, "version "))
	return v, err == nil && strings.HasPrefix(d.Name, "version ")
}

// storeStartChild starts this test binary as a helper in mode and waits for
// its first line (want).
func storeStartChild(t *testing.T, mode, home, want string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStoreChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), storeChildEnv+"="+mode, storeChildHomeEnv+"="+home)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(stdout).ReadString('\n')
		line <- strings.TrimSpace(l)
		_, _ = io.Copy(io.Discard, stdout)
	}()
	select {
	case got := <-line:
		if got != want {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("child %s said %q, want %q; stderr: %s", mode, got, want, stderr.String())
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("child %s did not start; stderr: %s", mode, stderr.String())
	}
	return cmd, stdin
}
