package cli

import (
	"errors"
	"fmt"

	"github.com/zalando/go-keyring"

	"zpadd/state"
)

// keyringService is the service name zpadd's secrets have in the OS keyring
// (macOS Keychain, Windows Credential Manager, the Secret Service on Linux).
const keyringService = "zpadd"

// keyringUser is the entry of a profile's client secret.
func keyringUser(profile string) string {
	if state.IsDefaultProfile(profile) {
		return state.DefaultProfile
	}
	return "profile:" + profile
}

// ErrNoKeyring says the OS keyring cannot be reached (a headless Linux box
// without a Secret Service, for one).
var ErrNoKeyring = errors.New("no OS keyring is available")

// secretFromKeyring reads a profile's client secret and registers it so no
// zpadd file may ever contain it.
func secretFromKeyring(profile string) (string, error) {
	s, err := keyring.Get(keyringService, keyringUser(profile))
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", fmt.Errorf("profile %s: its client secret is not in the OS keyring any more; run zpadd login%s again", profile, profileFlag(profile))
	case err != nil:
		return "", fmt.Errorf("profile %s: %w (%v); its client secret is there: use ZOOM_CLIENT_SECRET, or run zpadd login%s where a keyring is available", profile, ErrNoKeyring, err, profileFlag(profile))
	}
	state.RegisterSecret(s)
	return s, nil
}

// secretToKeyring stores a profile's client secret; ErrNoKeyring when the
// keyring cannot be reached.
func secretToKeyring(profile, secret string) error {
	if err := keyring.Set(keyringService, keyringUser(profile), secret); err != nil {
		return fmt.Errorf("%w: %v", ErrNoKeyring, err)
	}
	return nil
}

// deleteFromKeyring removes a profile's secret; a missing entry is fine.
func deleteFromKeyring(profile string) error {
	err := keyring.Delete(keyringService, keyringUser(profile))
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return fmt.Errorf("%w: %v", ErrNoKeyring, err)
}

// profileFlag is " --profile NAME" for named profiles, for messages.
func profileFlag(profile string) string {
	if state.IsDefaultProfile(profile) {
		return ""
	}
	return " --profile " + profile
}
