package state

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
)

// secretEnv are environment variables whose values must never be written to
// any zpadd file (drafts, journal, history, caches).
var secretEnv = []string{"ZOOM_CLIENT_SECRET"}

// minSecretLen keeps very short values (a test's "x") from matching
// everywhere; real client secrets and tokens are far longer.
const minSecretLen = 8

var (
	secretsMu sync.RWMutex
	secrets   []string
)

// RegisterSecret adds a value (a client secret from a config file or
// keyring, an access token) that zpadd's files must never contain. Every
// durable write refuses data holding it.
func RegisterSecret(s string) {
	if len(s) < minSecretLen {
		return
	}
	secretsMu.Lock()
	defer secretsMu.Unlock()
	secrets = append(secrets, s)
}

// ErrSecret is returned when data about to be written contains a secret.
var ErrSecret = errors.New("refused to write a Zoom secret to disk")

// guardSecrets is the last line of defence: whatever bug put a secret into
// a draft or a request body, it does not reach the disk.
func guardSecrets(where string, data []byte) error {
	check := func(s string) error {
		if len(s) >= minSecretLen && bytes.Contains(data, []byte(s)) {
			return fmt.Errorf("%w: %s would contain the client secret or a token; remove it and try again", ErrSecret, where)
		}
		return nil
	}
	for _, name := range secretEnv {
		if err := check(os.Getenv(name)); err != nil {
			return err
		}
	}
	secretsMu.RLock()
	defer secretsMu.RUnlock()
	for _, s := range secrets {
		if err := check(s); err != nil {
			return err
		}
	}
	return nil
}
