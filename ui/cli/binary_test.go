package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests in this file run the built zpadd binary, as a script would.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func zpaddBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zpadd-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "zpadd")
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building zpadd: %v", buildErr)
	}
	return binPath
}

type run struct {
	stdout, stderr string
	code           int
}

// zpadd runs the binary with a clean environment: only PATH, HOME,
// ZPADD_HOME and the given extra variables, so the developer's own Zoom
// credentials never leak into a test.
func zpadd(t *testing.T, home string, env []string, stdin string, args ...string) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, zpaddBinary(t), args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "ZPADD_HOME=" + home}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running zpadd %v: %v", args, err)
	}
	return run{stdout: out.String(), stderr: errb.String(), code: code}
}

// serveSandbox starts `zpadd sandbox` and returns the environment its
// export lines give.
func serveSandbox(t *testing.T, home string, args ...string) []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, zpaddBinary(t), append([]string{"sandbox", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "ZPADD_HOME=" + home}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var env []string
	for len(env) < 5 {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("zpadd sandbox ended after %d export lines", len(env))
			}
			name, value, found := strings.Cut(strings.TrimPrefix(line, "export "), "=")
			if !strings.HasPrefix(line, "export ZOOM_") || !found {
				t.Fatalf("line %d is not an export line: %q", len(env)+1, line)
			}
			env = append(env, name+"="+strings.Trim(value, `'"`))
		case <-time.After(20 * time.Second):
			t.Fatal("zpadd sandbox printed no export lines")
		}
	}
	go func() {
		for range lines {
		}
	}()
	return env
}

func TestBinaryHelpExplainsFlagsEnvironmentAndExitCodes(t *testing.T) {
	home := t.TempDir()
	r := zpadd(t, home, nil, "", "--help")
	for _, want := range []string{"--sandbox", "--gov", "--plan", "ZOOM_CLIENT_SECRET", "ZPADD_HOME", "Exit codes", "4 outcome unknown"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("zpadd --help lacks %q", want)
		}
	}
	for _, sub := range []string{"import", "drafts", "export", "check", "submit", "sandbox", "add"} {
		r := zpadd(t, home, nil, "", sub, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "Exit codes") {
			t.Errorf("zpadd %s --help: exit %d\n%s", sub, r.code, r.stdout)
		}
	}
	if r := zpadd(t, home, nil, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "zpadd ") {
		t.Errorf("zpadd version: %d %q", r.code, r.stdout)
	}
}

func TestBinaryCompletesInBashZshAndFish(t *testing.T) {
	home := t.TempDir()
	for _, shell := range []string{"bash", "zsh", "fish"} {
		r := zpadd(t, home, nil, "", "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "zpadd") || len(r.stdout) < 500 {
			t.Errorf("completion %s: exit %d, %d bytes", shell, r.code, len(r.stdout))
		}
	}
}

func TestBinaryNamesTheMissingCredential(t *testing.T) {
	home := t.TempDir()
	ids := zpadd(t, home, nil, "", "import", writeCSV(t, csvHeader+userRow(1, "grace.wilson")))
	id := strings.Fields(ids.stdout)[0]
	r := zpadd(t, home, []string{"ZOOM_ACCOUNT_ID=acc", "ZOOM_CLIENT_ID=cid"}, "", "check", id)
	if r.code != ExitOther || !strings.Contains(r.stderr, "ZOOM_CLIENT_SECRET") {
		t.Errorf("exit %d, stderr %q: want 1 naming ZOOM_CLIENT_SECRET", r.code, r.stderr)
	}
	if r := zpadd(t, home, nil, "", "--plan", "gold", "check", id); r.code != ExitOther || !strings.Contains(r.stderr, "gold") {
		t.Errorf("bad plan: exit %d, %q", r.code, r.stderr)
	}
}

func TestBinaryReportsTheOAuthErrorOfARefusedToken(t *testing.T) {
	home := t.TempDir()
	env := serveSandbox(t, home)
	for i, kv := range env {
		if strings.HasPrefix(kv, "ZOOM_CLIENT_SECRET=") {
			env[i] = "ZOOM_CLIENT_SECRET=wrong"
		}
	}
	ids := zpadd(t, home, env, "", "import", writeCSV(t, csvHeader+userRow(1, "grace.wilson")))
	r := zpadd(t, home, env, "", "check", strings.Fields(ids.stdout)[0])
	if r.code != ExitOther || !strings.Contains(r.stderr, "invalid_client") {
		t.Errorf("exit %d, stderr %q: want 1 naming Zoom's OAuth error", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "wrong") {
		t.Errorf("the secret reached the terminal: %q", r.stderr)
	}
}

// TestBinaryScriptedImportCheckSubmit is the README's scripted example:
// zpadd sandbox → import → check → submit --json.
func TestBinaryScriptedImportCheckSubmit(t *testing.T) {
	home := t.TempDir()
	env := serveSandbox(t, home)
	var csv strings.Builder
	csv.WriteString(csvHeader)
	for i, e := range freeEmails[:12] {
		csv.WriteString(userRow(i+1, e))
	}
	imp := zpadd(t, home, env, "", "import", writeCSV(t, csv.String()))
	if imp.code != 0 {
		t.Fatalf("import: %d %s", imp.code, imp.stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(imp.stdout), "\n") {
		ids = append(ids, strings.Fields(line)[0])
	}
	if len(ids) != 2 {
		t.Fatalf("want 2 drafts for 12 rows: %q", imp.stdout)
	}
	for _, id := range ids {
		if r := zpadd(t, home, env, "", "check", id); r.code != 0 {
			t.Fatalf("check %s: %d\n%s%s", id, r.code, r.stdout, r.stderr)
		}
	}
	sub := zpadd(t, home, env, "", append([]string{"submit", "--yes", "--json"}, ids...)...)
	if sub.code != 0 {
		t.Fatalf("submit: %d %s", sub.code, sub.stderr)
	}
	if strings.Contains(sub.stderr, "embedded sandbox") {
		t.Error("with ZOOM_* set, zpadd used the in-process sandbox instead of the served one")
	}
	var res []resultJSON
	if err := json.Unmarshal([]byte(sub.stdout), &res); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, sub.stdout)
	}
	if len(res) != 12 {
		t.Fatalf("%d results, want 12", len(res))
	}
	for _, r := range res {
		if r.Status != "created" || r.ID == "" {
			t.Errorf("%+v", r)
		}
	}
	drafts := zpadd(t, home, env, "", "drafts", "--json")
	var listed []draftJSON
	if err := json.Unmarshal([]byte(drafts.stdout), &listed); err != nil || len(listed) != 2 || listed[0].Status != "submitted" {
		t.Errorf("drafts after submit: %v %s", err, drafts.stdout)
	}
}

// Credentials may come from config.json in the config folder; the
// environment wins over it, and nothing falls back to the sandbox.
func TestBinaryReadsCredentialsFromTheConfigFile(t *testing.T) {
	home := t.TempDir()
	env := serveSandbox(t, home)
	file := map[string]string{}
	var urls []string
	for _, kv := range env {
		name, value, _ := strings.Cut(kv, "=")
		switch name {
		case "ZOOM_ACCOUNT_ID":
			file["account_id"] = value
		case "ZOOM_CLIENT_ID":
			file["client_id"] = value
		case "ZOOM_CLIENT_SECRET":
			file["client_secret"] = value
		default:
			urls = append(urls, kv)
		}
	}
	raw, _ := json.Marshal(file)
	if err := os.MkdirAll(filepath.Join(home, "config"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "config", "config.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	ids := zpadd(t, home, urls, "", "import", writeCSV(t, csvHeader+userRow(1, "grace.wilson")))
	id := strings.Fields(ids.stdout)[0]
	r := zpadd(t, home, urls, "", "check", id)
	if r.code != 0 || strings.Contains(r.stderr, "embedded sandbox") {
		t.Fatalf("check with config-file credentials: exit %d\n%s", r.code, r.stderr)
	}
	// The environment wins: a wrong secret there is used, and refused.
	r = zpadd(t, home, append(urls, "ZOOM_CLIENT_SECRET=wrong-secret-from-env"), "", "check", id)
	if r.code != ExitOther || !strings.Contains(r.stderr, "invalid_client") {
		t.Errorf("env secret did not win over the file: exit %d %s", r.code, r.stderr)
	}
}
