package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// lastDefaultsFile keeps the batch defaults last used, for `zpadd add EMAIL...`.
type lastDefaultsFile struct {
	Schema   int      `json:"schema"`
	Defaults Defaults `json:"defaults"`
}

func (s *Store) lastDefaultsPath() string { return filepath.Join(s.home.State, "last-defaults.json") }

// SaveLastDefaults remembers d as the defaults of the next new batch.
func (s *Store) SaveLastDefaults(d Defaults) error {
	raw, err := json.MarshalIndent(lastDefaultsFile{Schema: SchemaVersion, Defaults: d}, "", "  ")
	if err != nil {
		return fmt.Errorf("save last-used defaults: %w", err)
	}
	return WriteFileAtomic(s.lastDefaultsPath(), append(raw, '\n'))
}

// LastDefaults returns the defaults last saved, or empty ones when there are
// none or the file is unreadable (defaults are a convenience, never a blocker).
func (s *Store) LastDefaults() Defaults {
	raw, err := os.ReadFile(s.lastDefaultsPath())
	if err != nil {
		return Defaults{}
	}
	var f lastDefaultsFile
	if json.Unmarshal(raw, &f) != nil || f.Schema > SchemaVersion {
		return Defaults{}
	}
	return f.Defaults
}
