package cli

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// scripted answers the login prompts from a script.
type scripted struct {
	creds    LoginCredentials
	confirm  bool
	asked    []string
	prefills []LoginCredentials
}

func (s *scripted) Credentials(prefill LoginCredentials) (LoginCredentials, error) {
	s.prefills = append(s.prefills, prefill)
	return s.creds, nil
}

func (s *scripted) Confirm(q, _, _ string) (bool, error) {
	s.asked = append(s.asked, q)
	return s.confirm, nil
}

// loginWorld is a sandbox over HTTP (the URLs in the environment, as a
// real account's defaults would be) and an empty home.
type loginWorld struct {
	sb    *sandbox.Sandbox
	home  state.Home
	creds LoginCredentials
	env   *Env
	err   *bytes.Buffer
}

func newLoginWorld(t *testing.T, o sandbox.Options) *loginWorld {
	sb := sandbox.New(o)
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	t.Setenv("ZOOM_API_URL", srv.URL+"/v2")
	t.Setenv("ZOOM_OAUTH_URL", srv.URL+"/oauth/token")
	for _, v := range []string{"ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_PLAN", state.ProfileEnv} {
		t.Setenv(v, "")
	}
	home := state.HomeUnder(t.TempDir())
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	acct, id, secret := sb.Credentials()
	w := &loginWorld{sb: sb, home: home, creds: LoginCredentials{acct, id, secret}, err: &bytes.Buffer{}}
	w.env = &Env{Home: home, Stdout: &bytes.Buffer{}, Stderr: w.err}
	return w
}

// noSecretUnder fails if any file under dir holds the secret.
func noSecretUnder(t *testing.T, dir, secret string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, _ := os.ReadFile(path)
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("%s holds the client secret", path)
		}
		return nil
	})
}

// Login proves the credentials, stores the secret in the (mock) OS keyring
// and only the ids in config.json; the connection then reads it back from
// the keyring, and no file under the home holds it.
func TestLoginStoresSecretInKeyringAndConnectionReadsIt(t *testing.T) {
	keyring.MockInit()
	w := newLoginWorld(t, sandbox.Options{})
	ask := &scripted{creds: w.creds}
	if code := Login(context.Background(), w.env, LoginOptions{Profile: "acme"}, ask); code != ExitOK {
		t.Fatalf("login: exit %d\n%s", code, w.err)
	}
	if got, err := keyring.Get(keyringService, keyringUser("acme")); err != nil || got != w.creds.ClientSecret {
		t.Fatalf("keyring holds %q, %v; want the secret", got, err)
	}
	if !strings.Contains(w.err.String(), "Everything zpadd needs is there") {
		t.Errorf("login did not show the doctor checks:\n%s", w.err)
	}
	noSecretUnder(t, filepath.Dir(w.home.Config), w.creds.ClientSecret)

	conn, err := ResolveConnection(w.home, ConnectOptions{Profile: "acme"})
	if err != nil {
		t.Fatalf("ResolveConnection: %v", err)
	}
	if conn.Sandbox || conn.Config.ClientSecret != w.creds.ClientSecret || conn.SecretFrom != "OS keyring" || conn.Config.AccountID != w.creds.AccountID {
		t.Errorf("connection = sandbox %v, from %q, account %q; want the keyring's secret", conn.Sandbox, conn.SecretFrom, conn.Config.AccountID)
	}
	// The environment still wins.
	t.Setenv("ZOOM_CLIENT_SECRET", "from-the-environment")
	conn, _ = ResolveConnection(w.home, ConnectOptions{Profile: "acme"})
	if conn.Config.ClientSecret != "from-the-environment" || conn.SecretFrom != "environment" {
		t.Errorf("env did not win: from %q", conn.SecretFrom)
	}
	t.Setenv("ZOOM_CLIENT_SECRET", "")

	// Logout removes both.
	if code := Logout(w.env, "acme"); code != ExitOK {
		t.Fatalf("logout: exit %d\n%s", code, w.err)
	}
	if _, err := keyring.Get(keyringService, keyringUser("acme")); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("keyring entry after logout: %v", err)
	}
	if _, err := ResolveConnection(w.home, ConnectOptions{Profile: "acme"}); err == nil {
		t.Error("the profile still resolves after logout")
	}
}

// Wrong credentials: nothing is saved anywhere.
func TestLoginWithWrongSecretSavesNothing(t *testing.T) {
	keyring.MockInit()
	w := newLoginWorld(t, sandbox.Options{})
	bad := w.creds
	bad.ClientSecret = "not-the-secret-at-all"
	if code := Login(context.Background(), w.env, LoginOptions{}, &scripted{creds: bad}); code != ExitOther {
		t.Fatalf("exit %d, want %d", code, ExitOther)
	}
	if _, err := os.Stat(w.home.ConfigPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("config written after a refused login: %v", err)
	}
	if _, err := keyring.Get(keyringService, keyringUser("default")); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("keyring written after a refused login: %v", err)
	}
}

// With a scope missing, login shows it and saves only if the operator agrees.
func TestLoginWithMissingScopeAsksBeforeSaving(t *testing.T) {
	keyring.MockInit()
	w := newLoginWorld(t, sandbox.Options{MissingScopes: []string{"phone:read:list_devices:admin"}})
	ask := &scripted{creds: w.creds, confirm: false}
	if code := Login(context.Background(), w.env, LoginOptions{}, ask); code != ExitOther {
		t.Fatalf("exit %d, want %d", code, ExitOther)
	}
	if len(ask.asked) != 1 || !strings.Contains(w.err.String(), "phone:read:list_devices:admin") {
		t.Errorf("asked %v; output:\n%s", ask.asked, w.err)
	}
	if _, err := os.Stat(w.home.ConfigPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Error("config written although the operator said no")
	}
}

// Without a keyring, login says so and keeps the secret in the 0600 config
// file only when the operator agrees.
func TestLoginWithoutKeyringFallsBackToConfigFileOnConsent(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.secrets was not provided by any .service files"))
	w := newLoginWorld(t, sandbox.Options{})
	if code := Login(context.Background(), w.env, LoginOptions{}, &scripted{creds: w.creds, confirm: false}); code != ExitOther {
		t.Fatalf("declined: exit %d, want %d", code, ExitOther)
	}
	if _, err := os.Stat(w.home.ConfigPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Error("config written although the operator declined")
	}
	ask := &scripted{creds: w.creds, confirm: true}
	if code := Login(context.Background(), w.env, LoginOptions{}, ask); code != ExitOK {
		t.Fatalf("agreed: exit %d\n%s", code, w.err)
	}
	if !strings.Contains(w.err.String(), "no OS keyring is available") {
		t.Errorf("login did not say there is no keyring:\n%s", w.err)
	}
	info, err := os.Stat(w.home.ConfigPath())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("config: %v %v, want 0600", info, err)
	}
	conn, err := ResolveConnection(w.home, ConnectOptions{})
	if err != nil || conn.SecretFrom != "config file" || conn.Config.ClientSecret != w.creds.ClientSecret {
		t.Errorf("connection from the file: %q %v", conn.SecretFrom, err)
	}
}

// A config file others may read is refused, naming the fix, as ssh does.
func TestConfigReadableByOthersIsRefused(t *testing.T) {
	keyring.MockInit()
	w := newLoginWorld(t, sandbox.Options{})
	if err := os.WriteFile(w.home.ConfigPath(), []byte(`{"account_id":"a","client_id":"b","client_secret":"c-very-secret"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(w.home.ConfigPath(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ResolveConnection(w.home, ConnectOptions{})
	if !errors.Is(err, state.ErrConfigUnprotected) || !strings.Contains(err.Error(), "chmod 600 "+w.home.ConfigPath()) || !strings.Contains(err.Error(), "0644") {
		t.Errorf("err = %v; want a refusal naming 0644 and chmod 600", err)
	}
}
