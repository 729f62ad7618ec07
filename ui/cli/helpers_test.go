package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// freeEmails are seeded sandbox users that are active and not phone users.
var freeEmails = []string{
	"grace.wilson", "henry.moore", "isabel.taylor", "jack.anderson", "jose.nunez",
	"zoe.clarke", "lukasz.kowalski", "mei.chen", "priya.patel", "sophie.turner",
	"noah.roy", "ethan.clark", "mia.lewis", "lucas.walker",
}

// testEnv is a headless Env over an in-process sandbox, with captured
// output, so tests can count what reached "Zoom".
type testEnv struct {
	*Env
	sb             *sandbox.Sandbox
	client         *zoom.Client
	stdout, stderr *bytes.Buffer
}

func newTestEnv(t *testing.T, o sandbox.Options) *testEnv {
	t.Helper()
	home := state.HomeUnder(t.TempDir())
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	store, err := state.OpenStore(home)
	if err != nil {
		t.Fatal(err)
	}
	journal, err := state.OpenJournal(home)
	if err != nil {
		t.Fatal(err)
	}
	sb := sandbox.New(o)
	client, err := zoom.New(submit.SandboxConfig(zoom.Config{RetryWaitScale: 0.01}, sb))
	if err != nil {
		t.Fatal(err)
	}
	te := &testEnv{sb: sb, client: client, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	te.Env = &Env{
		Home: home, Store: store, Journal: journal,
		Stdin: strings.NewReader(""), Stdout: te.stdout, Stderr: te.stderr,
		Service: func() (*submit.Service, error) {
			return submit.New(client, home, journal, submit.Options{Store: store}), nil
		},
	}
	return te
}

func (te *testEnv) reset() {
	te.stdout.Reset()
	te.stderr.Reset()
}

func (te *testEnv) posts() int { return te.sb.CountRequests("POST", "/v2/phone/users/batch") }

// csvHeader and userRow build import files of clean Main Site users.
const csvHeader = "email,first_name,last_name,extension_number,site_name,template_name,calling_plans,desk_phone_mac,desk_phone_brand,desk_phone_model\n"

func userRow(i int, email string) string {
	return fmt.Sprintf("%s@example.com,First%d,Last%d,%d,Main Site,Main Site Standard User,US/CA Unlimited,80:5e:c0:7a:00:%02x,Yealink,t46s\n",
		email, i, i, 1200+i, i)
}

func writeCSV(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// importClean imports n clean users and returns the draft ids.
func (te *testEnv) importClean(t *testing.T, emails ...string) []string {
	t.Helper()
	var b strings.Builder
	b.WriteString(csvHeader)
	for i, e := range emails {
		b.WriteString(userRow(i+1, e))
	}
	te.reset()
	if code := Import(te.Env, writeCSV(t, b.String())); code != ExitOK {
		t.Fatalf("import exit %d: %s", code, te.stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(te.stdout.String()), "\n") {
		ids = append(ids, strings.Fields(line)[0])
	}
	te.reset()
	return ids
}
