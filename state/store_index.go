package state

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The draft list's index: what List shows of each draft (name, user count,
// updated, status) with the size and modification time of the files it
// came from. Home lists every draft at start; with 1,000 drafts, reading
// and parsing each file (and its status sidecar) took most of the first
// frame. A file whose size or time differs from the index is read again,
// so the index is only ever a cache: deleting it loses nothing.
const draftIndexName = ".index.json" // hidden: List skips dot files

// draftIndexVersion changes when an entry gains a field, so an index
// written before is rebuilt rather than read with the field missing.
const draftIndexVersion = 2

type draftIndex struct {
	Schema  int                        `json:"schema"`
	Version int                        `json:"version"`
	Written time.Time                  `json:"written"`
	Entries map[string]draftIndexEntry `json:"entries"`
}

type draftIndexEntry struct {
	Info        DraftInfo `json:"info"`
	Emergency   bool      `json:"emergency"` // Info.EmergencyAddresses
	Size        int64     `json:"size"`
	ModTime     time.Time `json:"mod_time"`
	StatusSize  int64     `json:"status_size"` // -1: no sidecar
	StatusMTime time.Time `json:"status_mod_time"`
}

// mtimeSlack is how close to the index's writing a file's time may be and
// still be trusted: on file systems with coarse times, a save in the same
// tick as the index could otherwise go unseen.
const mtimeSlack = 2 * time.Second

func (s *Store) indexPath() string { return filepath.Join(s.dir, draftIndexName) }

func (s *Store) loadIndex() draftIndex {
	idx := draftIndex{Entries: map[string]draftIndexEntry{}}
	raw, err := os.ReadFile(s.indexPath())
	if err != nil {
		return idx
	}
	var got draftIndex
	if json.Unmarshal(raw, &got) != nil || got.Schema != SchemaVersion || got.Version != draftIndexVersion || got.Entries == nil {
		return idx // unreadable or older: rebuilt from the drafts
	}
	return got
}

func (s *Store) saveIndex(idx draftIndex) {
	idx.Schema, idx.Version, idx.Written = SchemaVersion, draftIndexVersion, s.now().UTC()
	raw, err := json.Marshal(idx)
	if err == nil {
		_ = WriteFileAtomic(s.indexPath(), raw) // a cache: failing to write it costs only speed
	}
}

// fileStamp is a file's size and time, or size -1 when it does not exist.
func fileStamp(entries map[string]fs.DirEntry, name string) (int64, time.Time, bool) {
	e, ok := entries[name]
	if !ok {
		return -1, time.Time{}, true
	}
	info, err := e.Info()
	if errors.Is(err, fs.ErrNotExist) {
		return -1, time.Time{}, true
	}
	if err != nil {
		return 0, time.Time{}, false
	}
	return info.Size(), info.ModTime(), true
}

// fromIndex returns the indexed entry of the draft when both its files are
// as they were when it was indexed.
func (idx draftIndex) fromIndex(id string, size int64, mod time.Time, stSize int64, stMod time.Time) (DraftInfo, bool) {
	e, ok := idx.Entries[id]
	if !ok || e.Size != size || !e.ModTime.Equal(mod) || e.StatusSize != stSize || !e.StatusMTime.Equal(stMod) {
		return DraftInfo{}, false
	}
	if !idx.Written.IsZero() && (idx.Written.Sub(mod) < mtimeSlack || (stSize >= 0 && idx.Written.Sub(stMod) < mtimeSlack)) {
		return DraftInfo{}, false
	}
	info := e.Info
	info.EmergencyAddresses = e.Emergency
	return info, true
}

// namesEmergencyAddress reports whether some user of d names an emergency
// address.
func namesEmergencyAddress(d *Draft) bool {
	for _, u := range d.Users {
		if strings.TrimSpace(u.EmergencyAddress) != "" {
			return true
		}
	}
	return false
}
