package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two profiles on two accounts keep their drafts and journals apart; the
// default profile keeps today's layout; `zpadd profiles --json` lists both
// and never the secret; after doctor, check and submit no file under the
// home holds the secret.
func TestBinaryProfilesKeepDraftsAndJournalsApart(t *testing.T) {
	home := t.TempDir()
	env := serveSandbox(t, home)
	prof := map[string]any{}
	var urls []string
	var secret string
	for _, kv := range env {
		name, value, _ := strings.Cut(kv, "=")
		switch name {
		case "ZOOM_ACCOUNT_ID":
			prof["account_id"] = value
		case "ZOOM_CLIENT_ID":
			prof["client_id"] = value
		case "ZOOM_CLIENT_SECRET":
			prof["client_secret"], secret = value, value
		default:
			urls = append(urls, kv)
		}
	}
	raw, _ := json.Marshal(map[string]any{"profiles": map[string]any{"acme": prof, "globex": prof}})
	if err := os.MkdirAll(filepath.Join(home, "config"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "config", "config.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	csv := writeCSV(t, csvHeader+userRow(1, "grace.wilson"))
	imp := zpadd(t, home, urls, "", "--profile", "acme", "import", csv)
	if imp.code != 0 {
		t.Fatalf("import: %d %s", imp.code, imp.stderr)
	}
	id := strings.Fields(imp.stdout)[0]
	for _, args := range [][]string{{"doctor"}, {"check", id}, {"submit", "--yes", id}} {
		r := zpadd(t, home, urls, "", append([]string{"--profile", "acme"}, args...)...)
		if r.code != 0 || strings.Contains(r.stderr, "embedded sandbox") {
			t.Fatalf("%v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
	}
	count := func(profile string) int {
		r := zpadd(t, home, append(urls, "ZPADD_PROFILE="+profile), "", "drafts", "--json")
		var ds []draftJSON
		if err := json.Unmarshal([]byte(r.stdout), &ds); err != nil {
			t.Fatalf("drafts %s: %v %s %s", profile, err, r.stdout, r.stderr)
		}
		return len(ds)
	}
	if a, g := count("acme"), count("globex"); a != 1 || g != 0 {
		t.Errorf("drafts: acme %d, globex %d; want 1 and 0", a, g)
	}
	journal := func(profile string) string {
		raw, _ := os.ReadFile(filepath.Join(home, "state", "profiles", profile, "journal", "journal.jsonl"))
		return string(raw)
	}
	if a, g := journal("acme"), journal("globex"); !strings.Contains(a, "grace.wilson") || g != "" {
		t.Errorf("journals: acme %d bytes (want grace.wilson's batch), globex %q (want empty)", len(a), g)
	}
	if _, err := os.Stat(filepath.Join(home, "data", "drafts")); err == nil {
		if ds, _ := os.ReadDir(filepath.Join(home, "data", "drafts")); len(ds) != 0 {
			t.Errorf("the default profile's drafts hold %d files after acme's import", len(ds))
		}
	}
	r := zpadd(t, home, urls, "", "profiles", "--json")
	var listed []profileJSON
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil || len(listed) != 2 || listed[0].Name != "acme" || listed[0].Secret != "config file" {
		t.Errorf("profiles --json: %v %s", err, r.stdout)
	}
	if strings.Contains(r.stdout, secret) {
		t.Error("zpadd profiles printed the secret")
	}
	// config.json holds the secret by the operator's choice; nothing else may.
	_ = os.Remove(filepath.Join(home, "config", "config.json"))
	noSecretUnder(t, home, secret)
}

// A config.json others may read stops every command that talks to Zoom,
// saying why and how to fix it.
func TestBinaryRefusesAWorldReadableConfig(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "config"), 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(home, "config", "config.json")
	if err := os.WriteFile(path, []byte(`{"account_id":"a","client_id":"b","client_secret":"c-secret-value"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(path, 0o644)
	r := zpadd(t, home, nil, "", "doctor")
	if r.code != ExitOther || !strings.Contains(r.stderr, "chmod 600 "+path) {
		t.Errorf("doctor with a 0644 config: exit %d\n%s", r.code, r.stderr)
	}
}

// Two zpadd processes on one Server-to-Server app (Zoom keeps one token per
// app, so each one's token fetch kills the other's) submit different
// drafts at the same time, while a third program takes the token every few
// requests: both finish with every user created.
func TestBinaryTwoProcessesOnOneAppBothFinish(t *testing.T) {
	sbHome := t.TempDir()
	env := serveSandbox(t, sbHome, "--behave", "token-thief=9")
	type out struct {
		r    run
		home string
	}
	results := make(chan out, 2)
	for i, emails := range [][]string{{"grace.wilson", "henry.moore", "isabel.taylor"}, {"jack.anderson", "jose.nunez", "zoe.clarke"}} {
		home := t.TempDir()
		var b strings.Builder
		b.WriteString(csvHeader)
		for k, e := range emails {
			b.WriteString(userRow(i*10+k+1, e))
		}
		imp := zpadd(t, home, env, "", "import", writeCSV(t, b.String()))
		if imp.code != 0 {
			t.Fatalf("import: %d %s", imp.code, imp.stderr)
		}
		id := strings.Fields(imp.stdout)[0]
		go func() { results <- out{zpadd(t, home, env, "", "submit", "--yes", "--json", id), home} }()
	}
	for range 2 {
		o := <-results
		if o.r.code != 0 {
			t.Errorf("submit: exit %d\n%s", o.r.code, o.r.stderr)
			continue
		}
		var res []resultJSON
		if err := json.Unmarshal([]byte(o.r.stdout), &res); err != nil || len(res) != 3 {
			t.Errorf("results: %v %s", err, o.r.stdout)
		}
		for _, r := range res {
			if r.Status != "created" {
				t.Errorf("%s: %s %s", r.Email, r.Status, r.Error)
			}
		}
	}
}
