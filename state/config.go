package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
)

// ProfileEnv selects a profile, as --profile does.
const ProfileEnv = "ZPADD_PROFILE"

// DefaultProfile names the profile of config.json's top-level fields: the
// one used when no profile is given, with today's single-account layout.
const DefaultProfile = "default"

// Profile is one Zoom account's connection settings. The client secret is
// normally in the OS keyring; it is in the file only when no keyring was
// available and the operator agreed.
type Profile struct {
	AccountID       string `json:"account_id,omitempty"`
	ClientID        string `json:"client_id,omitempty"`
	ClientSecret    string `json:"client_secret,omitempty"`
	SecretInKeyring bool   `json:"secret_in_keyring,omitempty"`
	Plan            string `json:"plan,omitempty"`
	Gov             bool   `json:"gov,omitempty"`
}

// Empty reports whether the profile holds no credentials at all.
func (p Profile) Empty() bool {
	return p.AccountID == "" && p.ClientID == "" && p.ClientSecret == "" && !p.SecretInKeyring
}

// ConfigFile is config.json: the default profile's fields at the top level
// (as the file always held them) and named profiles under "profiles".
type ConfigFile struct {
	Profile
	Profiles map[string]Profile `json:"profiles,omitempty"`
}

// Get returns the named profile ("" or "default": the top-level one).
func (c ConfigFile) Get(name string) (Profile, bool) {
	if IsDefaultProfile(name) {
		return c.Profile, !c.Profile.Empty()
	}
	p, ok := c.Profiles[strings.ToLower(name)]
	return p, ok
}

// Set stores p under name.
func (c *ConfigFile) Set(name string, p Profile) {
	if IsDefaultProfile(name) {
		c.Profile = p
		return
	}
	if c.Profiles == nil {
		c.Profiles = map[string]Profile{}
	}
	c.Profiles[strings.ToLower(name)] = p
}

// Delete removes the named profile.
func (c *ConfigFile) Delete(name string) {
	if IsDefaultProfile(name) {
		c.Profile = Profile{}
		return
	}
	delete(c.Profiles, strings.ToLower(name))
}

// Names lists the profiles that hold credentials, the default first.
func (c ConfigFile) Names() []string {
	var out []string
	if !c.Profile.Empty() {
		out = append(out, DefaultProfile)
	}
	return append(out, slices.Sorted(maps.Keys(c.Profiles))...)
}

// IsDefaultProfile reports whether name means the default profile.
func IsDefaultProfile(name string) bool {
	return name == "" || strings.EqualFold(name, DefaultProfile)
}

var profileNameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,39}$`)

// CheckProfileName refuses names that cannot be a folder name everywhere.
func CheckProfileName(name string) error {
	if IsDefaultProfile(name) || profileNameRe.MatchString(strings.ToLower(name)) {
		return nil
	}
	return fmt.Errorf("profile name %q: use up to 40 letters, digits, '.', '_' or '-', starting with a letter or digit", name)
}

// ConfigPath is config.json in the config folder.
func (h Home) ConfigPath() string { return filepath.Join(h.Config, "config.json") }

// ErrConfigUnprotected is wrapped by LoadConfig's refusal of a config file
// others may read.
var ErrConfigUnprotected = errors.New("config file is not private")

// LoadConfig reads config.json; a missing file is an empty config. A file
// that the group or others may read or write, or that belongs to another
// user, is refused, as ssh refuses such a key: it may hold a client secret.
func LoadConfig(h Home) (ConfigFile, error) {
	path := h.ConfigPath()
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ConfigFile{}, nil
	}
	if err != nil {
		return ConfigFile{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if err := checkPrivate(path); err != nil {
		return ConfigFile{}, err
	}
	var c ConfigFile
	if err := json.Unmarshal(raw, &c); err != nil {
		return ConfigFile{}, fmt.Errorf("%s is not valid JSON: %v; fix or remove it (zpadd login writes a new one)", path, err)
	}
	RegisterSecret(c.ClientSecret)
	for _, p := range c.Profiles {
		RegisterSecret(p.ClientSecret)
	}
	return c, nil
}

// checkPrivate refuses a file with group or other permission bits, or that
// the current user does not own.
func checkPrivate(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%w: %s has permissions %04o, so other users may read it, and it can hold a Zoom client secret; zpadd will not use it until only you can read it: chmod 600 %s",
			ErrConfigUnprotected, path, perm, path)
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("%w: %s belongs to user id %d, not to you (%d), and it can hold a Zoom client secret; zpadd will not use it: make it yours (chown) or remove it",
			ErrConfigUnprotected, path, st.Uid, os.Getuid())
	}
	return nil
}

// SaveConfig writes config.json atomically, 0600. It is the one file
// allowed to hold a client secret (only when the operator chose it).
func SaveConfig(h Home, c ConfigFile) error {
	if err := ensureDir(h.Config); err != nil {
		return err
	}
	raw, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return replaceFile(osFS{}, h.ConfigPath(), append(raw, '\n'))
}

// ForProfile returns the home of a named profile: its drafts, journal,
// history and cache under "profiles/NAME" so two accounts' data never mix.
// The default profile keeps the folders as they are, so existing homes
// keep working. Config and log stay shared.
func (h Home) ForProfile(name string) Home {
	if IsDefaultProfile(name) {
		return h
	}
	sub := filepath.Join("profiles", strings.ToLower(name))
	h.Data = filepath.Join(h.Data, sub)
	h.State = filepath.Join(h.State, sub)
	h.Cache = filepath.Join(h.Cache, sub)
	return h
}
