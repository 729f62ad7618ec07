package state

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func secretTestValue(t *testing.T) string {
	t.Helper()
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return "sec" + hex.EncodeToString(b[:])
}

// secretTestGrep fails the test for every file under root holding secret.
func secretTestGrep(t *testing.T, root, secret string) (files int) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("%s contains the client secret", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A full save / journal / history / catalog / log cycle with a client
// secret in the environment leaves no trace of it on disk.
func TestNoFileUnderHomeHoldsTheClientSecret(t *testing.T) {
	secret := secretTestValue(t)
	t.Setenv("ZOOM_CLIENT_SECRET", secret)
	t.Setenv("ZOOM_CLIENT_ID", "client-id-for-test")
	t.Setenv("ZOOM_ACCOUNT_ID", "account-id-for-test")
	root := filepath.Join(t.TempDir(), "home")
	t.Setenv(HomeEnv, root)
	h, err := ResolveHome()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Ensure(); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	d := storeSampleDraft("sec1", 10)
	lock, err := s.Lock(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	for range 3 {
		if err := s.Save(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveLastDefaults(d.Defaults); err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(map[string]any{"users": d.Users})
	if err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(h)
	if err != nil {
		t.Fatal(err)
	}
	in, err := j.Begin(d.ID, d.Name, body)
	if err != nil {
		t.Fatal(err)
	}
	var results []UserResult
	for i, u := range d.Users {
		results = append(results, UserResult{Email: u.Email, Status: ResultCreated, ID: "id" + u.ExtensionNumber,
			Checks: []Check{{Name: "phone user", OK: true}, {Name: "desk phone", OK: i%2 == 0, Detail: "offline"}}})
	}
	if err := j.Finish(in.ID, Submission{Results: results}); err != nil {
		t.Fatal(err)
	}
	if _, err := j.History(); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus(d.ID, StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	if err := SaveCatalog(h, &Catalog{FetchedAt: time.Now(), Account: "Acme", Sites: []Site{{ID: "s", Name: "Main"}}}); err != nil {
		t.Fatal(err)
	}
	logf, err := h.OpenLogFile()
	if err != nil {
		t.Fatal(err)
	}
	slog.New(slog.NewJSONHandler(logf, nil)).Info("submitted", "draft", d.ID, "users", len(d.Users))
	logf.Close()

	if files := secretTestGrep(t, root, secret); files < 7 {
		t.Errorf("the cycle wrote only %d files; expected drafts, status, defaults, lock, journal, catalog, log", files)
	}
}

// Whatever bug puts the secret into a draft or a request body, it is
// refused before it reaches the disk.
func TestSecretInADraftOrBodyIsRefused(t *testing.T) {
	secret := secretTestValue(t)
	t.Setenv("ZOOM_CLIENT_SECRET", secret)
	s, h := storeTestStore(t)
	d := storeSampleDraft("leak", 1)
	d.Users[0].FirstName = "pasted " + secret
	if err := s.Save(d); !errors.Is(err, ErrSecret) {
		t.Errorf("Save of a draft holding the secret = %v, want ErrSecret", err)
	}
	j, _ := OpenJournal(h)
	if _, err := j.Begin("leak", "leak", []byte(`{"x":"`+secret+`"}`)); !errors.Is(err, ErrSecret) {
		t.Errorf("Begin with the secret in the body = %v, want ErrSecret", err)
	}
	token := secretTestValue(t)
	RegisterSecret(token)
	if err := SaveCatalog(h, &Catalog{Account: token}); !errors.Is(err, ErrSecret) {
		t.Errorf("SaveCatalog holding a registered token = %v, want ErrSecret", err)
	}
	secretTestGrep(t, h.root, secret)
	secretTestGrep(t, h.root, token)
}
