package state

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The default profile is config.json's top level (the file zpadd always
// read); named profiles live under "profiles" and round-trip.
func TestConfigProfilesRoundTrip(t *testing.T) {
	h := HomeUnder(t.TempDir())
	var c ConfigFile
	c.Set("", Profile{AccountID: "a0", ClientID: "c0", SecretInKeyring: true})
	c.Set("Acme", Profile{AccountID: "a1", ClientID: "c1", Plan: "business", Gov: true})
	if err := SaveConfig(h, c); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(h.ConfigPath())
	if !strings.Contains(string(raw), `"account_id": "a0"`) || !strings.Contains(string(raw), `"acme"`) {
		t.Errorf("config.json layout:\n%s", raw)
	}
	got, err := LoadConfig(h)
	if err != nil {
		t.Fatal(err)
	}
	if names := got.Names(); len(names) != 2 || names[0] != DefaultProfile || names[1] != "acme" {
		t.Errorf("Names = %v", names)
	}
	if p, ok := got.Get("ACME"); !ok || !p.Gov || p.Plan != "business" {
		t.Errorf("acme = %+v, %v", p, ok)
	}
	got.Delete("acme")
	if _, ok := got.Get("acme"); ok {
		t.Error("acme still there after Delete")
	}
}

// Per-profile homes keep data apart; the default keeps today's folders.
func TestForProfileSeparatesDataStateAndCache(t *testing.T) {
	h := HomeUnder("/z")
	if h.ForProfile("") != h || h.ForProfile("default") != h {
		t.Error("the default profile moved the folders")
	}
	p := h.ForProfile("acme")
	if p.Data != filepath.Join("/z/data/profiles/acme") || p.State != "/z/state/profiles/acme" || p.Cache != "/z/cache/profiles/acme" || p.Config != h.Config {
		t.Errorf("acme's home = %+v", p)
	}
}

func TestProfileNamesAreFolderSafe(t *testing.T) {
	for _, bad := range []string{"../x", "a/b", "-x", strings.Repeat("a", 41), "a b"} {
		if CheckProfileName(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, ok := range []string{"acme", "Globex-2", "eu.west_1", ""} {
		if err := CheckProfileName(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
}

// A group-readable config is refused, naming the mode and the fix.
func TestLoadConfigRefusesGroupReadableFile(t *testing.T) {
	h := HomeUnder(t.TempDir())
	if err := SaveConfig(h, ConfigFile{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(h.ConfigPath(), 0o640); err != nil {
		t.Fatal(err)
	}
	_, err := LoadConfig(h)
	if !errors.Is(err, ErrConfigUnprotected) || !strings.Contains(err.Error(), "0640") || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("err = %v", err)
	}
}
