package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Store keeps drafts as one JSON file each (Data/drafts/ID.json), written
// atomically, with a .lock file beside each (see Lock) and a .status
// sidecar (see SetStatus). It is safe for concurrent use, and several zpadd
// processes may share one store.
type Store struct {
	home  Home
	dir   string // drafts
	trash string // deleted drafts, recoverable by hand
	now   func() time.Time
	fsys  atomicFS // the real file system; a failing one in tests

	mu       sync.Mutex
	held     map[string]*DraftLock
	readOnly map[string]*LockedError
}

// DraftInfo is one line of the drafts list (and of `zpadd drafts --json`).
type DraftInfo struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Users   int       `json:"users"`
	Updated time.Time `json:"updated"`
	Status  string    `json:"status"`
	// EmergencyAddresses: some user names an emergency address, so a sent
	// draft may still wait for its follow-ups. Home loads only such drafts
	// to look for them. Not part of the listing's JSON.
	EmergencyAddresses bool `json:"-"`
}

const (
	draftExt  = ".json"
	lockExt   = ".lock"
	statusExt = ".status"
	// staleTempAge: temp files older than this are leftovers of a crash
	// (a save takes milliseconds) and are swept when a store opens.
	staleTempAge = 10 * time.Minute
)

// OpenStore opens (creating its folders 0700) the draft store of h.
func OpenStore(h Home) (*Store, error) {
	s := &Store{
		home:     h,
		dir:      filepath.Join(h.Data, "drafts"),
		now:      time.Now,
		fsys:     osFS{},
		held:     map[string]*DraftLock{},
		readOnly: map[string]*LockedError{},
	}
	s.trash = filepath.Join(s.dir, "trash")
	if h.Data == "" || h.State == "" {
		return nil, errors.New("open draft store: home folders are not set (use ResolveHome)")
	}
	for _, d := range []string{h.Data, h.State, s.dir, s.trash} {
		if err := ensureDir(d); err != nil {
			return nil, fmt.Errorf("open draft store: %w", err)
		}
	}
	s.sweepTemps()
	return s, nil
}

// Dir is the folder holding the draft files (for messages and tests).
func (s *Store) Dir() string { return s.dir }

func (s *Store) draftPath(id string) string  { return filepath.Join(s.dir, id+draftExt) }
func (s *Store) lockPath(id string) string   { return filepath.Join(s.dir, id+lockExt) }
func (s *Store) statusPath(id string) string { return filepath.Join(s.dir, id+statusExt) }

// checkDraftID keeps ids to the URL-safe alphabet NewDraft uses, so an id
// can never name a file outside the store.
func checkDraftID(id string) error {
	if id == "" {
		return errors.New("draft id is empty")
	}
	if len(id) > 128 {
		return fmt.Errorf("draft id %.20q... is too long (%d characters, at most 128)", id, len(id))
	}
	for i, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
		if !ok {
			return fmt.Errorf("draft id %q has %q at position %d; ids use only letters, digits, - and _", id, r, i+1)
		}
	}
	return nil
}

// List returns every draft, newest first. A file that does not parse is
// renamed NAME.corrupt-<time> (kept, never deleted) and its new path is
// returned in movedAside. A draft written by a newer zpadd is left alone and
// not listed.
func (s *Store) List() (drafts []DraftInfo, movedAside []string, err error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot list drafts in %s: %w", s.dir, err)
	}
	byName := make(map[string]fs.DirEntry, len(entries))
	for _, e := range entries {
		byName[e.Name()] = e
	}
	idx, next, indexChanged := s.loadIndex(), map[string]draftIndexEntry{}, false
	defer func() {
		if indexChanged || len(next) != len(idx.Entries) {
			s.saveIndex(draftIndex{Entries: next})
		}
	}()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, draftExt) {
			continue
		}
		id := strings.TrimSuffix(name, draftExt)
		path := filepath.Join(s.dir, name)
		size, mod, okD := fileStamp(byName, name)
		stSize, stMod, okS := fileStamp(byName, id+statusExt)
		if info, ok := idx.fromIndex(id, size, mod, stSize, stMod); ok && okD && okS {
			drafts = append(drafts, info)
			next[id] = idx.Entries[id]
			continue
		}
		raw, err := readDraftFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted by another zpadd meanwhile
		}
		if err != nil && !errors.Is(err, errDraftTooLarge) {
			return nil, movedAside, fmt.Errorf("cannot read draft %s: %w", path, err)
		}
		d, perr := MigrateDraft(raw)
		if err != nil {
			perr = err // too large to use: kept aside like a damaged file
		}
		if errors.Is(perr, ErrFutureSchema) {
			continue
		}
		if perr != nil || checkDraftID(id) != nil {
			aside, merr := moveAside(path, s.now())
			if merr != nil {
				return nil, movedAside, merr
			}
			if aside != "" {
				movedAside = append(movedAside, aside)
			}
			continue
		}
		info := DraftInfo{ID: id, Name: d.Name, Users: len(d.Users), Updated: d.Updated, Status: s.status(id),
			EmergencyAddresses: namesEmergencyAddress(d)}
		drafts = append(drafts, info)
		if okD && okS && size == int64(len(raw)) {
			next[id], indexChanged = draftIndexEntry{Info: info, Emergency: info.EmergencyAddresses,
				Size: size, ModTime: mod, StatusSize: stSize, StatusMTime: stMod}, true
		}
	}
	sort.SliceStable(drafts, func(i, j int) bool {
		if !drafts[i].Updated.Equal(drafts[j].Updated) {
			return drafts[i].Updated.After(drafts[j].Updated)
		}
		return drafts[i].ID < drafts[j].ID
	})
	return drafts, movedAside, nil
}

// moveAside renames a damaged file to PATH.corrupt-<time> so it stays
// recoverable by hand, and returns the new path ("" if it vanished).
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	target := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
			break
		}
		target = fmt.Sprintf("%s-%d", base, n)
	}
	if err := os.Rename(path, target); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", nil // another zpadd moved it first
		}
		return "", fmt.Errorf("draft file %s is damaged and could not be moved aside: %w", path, err)
	}
	return target, nil
}

// Load reads one draft, migrating it from an older schema if needed.
func (s *Store) Load(id string) (*Draft, error) {
	if err := checkDraftID(id); err != nil {
		return nil, err
	}
	path := s.draftPath(id)
	raw, err := readDraftFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("draft %s not found (no %s): %w", id, path, fs.ErrNotExist)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read draft %s: %w", path, err)
	}
	d, err := MigrateDraft(raw)
	if err != nil {
		return nil, fmt.Errorf("draft file %s: %w", path, err)
	}
	d.ID = id // the file name is the key; an edited id inside must not redirect saves
	return d, nil
}

// Save writes d atomically, setting its Schema and Updated (and Created
// when unset). The old file stays intact on any error (full disk...), and
// d is left as it was. It returns ErrReadOnly for a draft another zpadd has
// locked.
func (s *Store) Save(d *Draft) error {
	if d == nil {
		return errors.New("save draft: no draft given")
	}
	if err := checkDraftID(d.ID); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if le := s.readOnly[d.ID]; le != nil {
		return fmt.Errorf("%w: %v; your changes are kept on screen, not saved", ErrReadOnly, le)
	}
	unlock, err := s.transientLock(d.ID)
	if err != nil {
		var le *LockedError
		if errors.As(err, &le) {
			return fmt.Errorf("%w: draft %s is open in another zpadd (pid %d); not saved", ErrReadOnly, le.Label(), le.PID)
		}
		return err
	}
	defer unlock()

	oldSchema, oldCreated, oldUpdated := d.Schema, d.Created, d.Updated
	now := s.now().UTC()
	d.Schema, d.Updated = SchemaVersion, now
	if d.Created.IsZero() {
		d.Created = now
	}
	raw, err := json.MarshalIndent(d, "", "  ")
	if err == nil {
		err = writeFileAtomic(s.fsys, s.draftPath(d.ID), append(raw, '\n'))
	}
	if err != nil {
		d.Schema, d.Created, d.Updated = oldSchema, oldCreated, oldUpdated
		return fmt.Errorf("save draft %q: %w", d.Name, err)
	}
	return nil
}

// Delete moves a draft (and its status) to the trash folder, where it can
// be recovered by hand; it is never removed. It refuses a draft another
// zpadd has open, and drops this process's lock on it.
func (s *Store) Delete(id string) error {
	if err := checkDraftID(id); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.transientLock(id)
	if err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	defer unlock()
	if _, err := os.Stat(s.draftPath(id)); err != nil {
		return fmt.Errorf("delete draft %s: %w", id, err)
	}
	stamp := s.now().UTC().Format("20060102T150405Z")
	for _, p := range []string{s.statusPath(id), s.draftPath(id)} {
		target := filepath.Join(s.trash, stamp+"-"+filepath.Base(p))
		if err := os.Rename(p, target); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("delete draft %s: cannot move %s to the trash: %w", id, p, err)
		}
	}
	if err := (osFS{}).SyncDir(s.dir); err != nil {
		return fmt.Errorf("delete draft %s: %w", id, err)
	}
	if l := s.held[id]; l != nil {
		delete(s.held, id)
		_ = l.fl.Unlock()
	}
	delete(s.readOnly, id)
	return nil
}

// draftName reads a draft's name for messages; "" when unreadable.
func (s *Store) draftName(id string) string {
	raw, err := os.ReadFile(s.draftPath(id))
	if err != nil {
		return ""
	}
	var n struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(raw, &n) != nil {
		return ""
	}
	return n.Name
}

// sweepTemps removes temp files left by a crash mid-save. Recent ones may
// belong to a save in progress in another zpadd and are left alone.
func (s *Store) sweepTemps() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), ".tmp-") {
			continue
		}
		if info, err := e.Info(); err == nil && s.now().Sub(info.ModTime()) > staleTempAge {
			_ = os.Remove(filepath.Join(s.dir, e.Name()))
		}
	}
}

// DraftPath is the file a draft is saved in (for change detection).
func (s *Store) DraftPath(id string) string { return s.draftPath(id) }
