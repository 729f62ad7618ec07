package state

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestStoreSaveThenLoadGivesTheSameDraft(t *testing.T) {
	s, _ := storeTestStore(t)
	clock := &storeClock{t: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)}
	s.now = clock.now
	d := storeSampleDraft("abc123", 10)
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	if d.Schema != SchemaVersion || !d.Updated.Equal(clock.t) || !d.Created.Equal(clock.t) {
		t.Errorf("Save set schema=%d updated=%v created=%v, want %d and %v", d.Schema, d.Updated, d.Created, SchemaVersion, clock.t)
	}
	got, err := s.Load("abc123")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("loaded draft differs:\n got %+v\nwant %+v", got, d)
	}
	clock.advance(time.Hour)
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	if !d.Created.Equal(clock.t.Add(-time.Hour)) {
		t.Errorf("second save changed Created to %v", d.Created)
	}
}

func TestStoreListIsNewestFirstWithUsersAndStatus(t *testing.T) {
	s, _ := storeTestStore(t)
	clock := &storeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	s.now = clock.now
	for i, id := range []string{"old", "mid", "new"} {
		clock.advance(time.Minute)
		if err := s.Save(storeSampleDraft(id, i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetStatus("mid", StatusPartial); err != nil {
		t.Fatal(err)
	}
	list, aside, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 0 {
		t.Errorf("nothing should be moved aside, got %v", aside)
	}
	var ids []string
	for _, d := range list {
		ids = append(ids, d.ID)
	}
	if !reflect.DeepEqual(ids, []string{"new", "mid", "old"}) {
		t.Fatalf("order = %v, want newest first", ids)
	}
	if list[0].Users != 3 || list[0].Name != "Sample new" || list[0].Status != StatusDraft {
		t.Errorf("newest info = %+v", list[0])
	}
	if list[1].Status != StatusPartial {
		t.Errorf("status of mid = %q, want partial", list[1].Status)
	}
}

func TestStoreListMovesCorruptFilesAsideAndReportsThem(t *testing.T) {
	s, _ := storeTestStore(t)
	if err := s.Save(storeSampleDraft("good", 2)); err != nil {
		t.Fatal(err)
	}
	damaged := map[string]string{
		"torn.json":  `{"schema":1,"id":"torn","name":"half`,
		"empty.json": ``,
		"junk.json":  "\x00\x01binary",
		"array.json": `[1,2,3]`,
	}
	for name, content := range damaged {
		if err := os.WriteFile(filepath.Join(s.Dir(), name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	list, aside, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != "good" {
		t.Errorf("list = %+v, want only the good draft", list)
	}
	if len(aside) != len(damaged) {
		t.Fatalf("moved aside %v, want %d files", aside, len(damaged))
	}
	for _, p := range aside {
		orig := strings.SplitN(filepath.Base(p), ".corrupt-", 2)[0]
		want, ok := damaged[orig]
		if !ok {
			t.Errorf("moved-aside name %s does not start with a damaged file's name", p)
			continue
		}
		if got := storeReadFile(t, p); got != want {
			t.Errorf("%s content = %q, want the damaged file kept as it was (%q)", p, got, want)
		}
		if _, err := os.Stat(filepath.Join(s.Dir(), orig)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s still in place after being moved aside", orig)
		}
	}
	// A second listing is clean: nothing more to move.
	if _, aside2, _ := s.List(); len(aside2) != 0 {
		t.Errorf("second List moved %v", aside2)
	}
}

func TestStoreLeavesDraftsFromANewerZpaddAlone(t *testing.T) {
	s, _ := storeTestStore(t)
	path := filepath.Join(s.Dir(), "future.json")
	content := `{"schema":99,"id":"future","name":"from the future","users":[]}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	list, aside, err := s.List()
	if err != nil || len(list) != 0 || len(aside) != 0 {
		t.Fatalf("List = %v, %v, %v; want nothing listed and nothing moved", list, aside, err)
	}
	if got := storeReadFile(t, path); got != content {
		t.Errorf("future draft changed")
	}
	if _, err := s.Load("future"); !errors.Is(err, ErrFutureSchema) {
		t.Errorf("Load error = %v, want ErrFutureSchema", err)
	}
}

func TestStoreDeleteMovesDraftToTrash(t *testing.T) {
	s, _ := storeTestStore(t)
	d := storeSampleDraft("gone", 2)
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus("gone", StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	saved := storeReadFile(t, filepath.Join(s.Dir(), "gone.json"))
	if err := s.Delete("gone"); err != nil {
		t.Fatal(err)
	}
	if list, _, _ := s.List(); len(list) != 0 {
		t.Errorf("deleted draft still listed: %+v", list)
	}
	if _, err := s.Load("gone"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load after delete: %v, want not found", err)
	}
	trashed, _ := filepath.Glob(filepath.Join(s.Dir(), "trash", "*gone.json"))
	if len(trashed) != 1 || storeReadFile(t, trashed[0]) != saved {
		t.Fatalf("trash holds %v, want the draft file unchanged", trashed)
	}
	if st, _ := filepath.Glob(filepath.Join(s.Dir(), "trash", "*gone.status")); len(st) != 1 {
		t.Errorf("status sidecar not moved to trash: %v", st)
	}
	if err := s.Delete("gone"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("deleting twice: %v, want not found", err)
	}
}

func TestStoreRefusesIDsThatCouldEscapeTheFolder(t *testing.T) {
	s, _ := storeTestStore(t)
	for _, id := range []string{"", "../x", "a/b", "a.json", strings.Repeat("a", 200)} {
		d := storeSampleDraft("x", 1)
		d.ID = id
		if err := s.Save(d); err == nil {
			t.Errorf("Save accepted id %q", id)
		}
		if _, err := s.Load(id); err == nil {
			t.Errorf("Load accepted id %q", id)
		}
	}
}

func TestStoreSetStatusChecksStatusAndDraft(t *testing.T) {
	s, _ := storeTestStore(t)
	if err := s.Save(storeSampleDraft("d1", 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus("d1", "finished"); err == nil || !strings.Contains(err.Error(), "finished") {
		t.Errorf("bad status accepted or unnamed: %v", err)
	}
	if err := s.SetStatus("nope", StatusSubmitted); err == nil {
		t.Error("status of a missing draft accepted")
	}
	for _, st := range []string{StatusSubmitted, StatusUnknown, StatusDraft} {
		if err := s.SetStatus("d1", st); err != nil {
			t.Fatal(err)
		}
		if got := s.Status("d1"); got != st {
			t.Errorf("Status = %q, want %q", got, st)
		}
	}
	// A later autosave of the draft must not undo the status.
	if err := s.SetStatus("d1", StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(storeSampleDraft("d1", 2)); err != nil {
		t.Fatal(err)
	}
	if got := s.Status("d1"); got != StatusSubmitted {
		t.Errorf("status after save = %q", got)
	}
}

func TestStoreLastDefaultsRoundTrip(t *testing.T) {
	s, h := storeTestStore(t)
	if got := s.LastDefaults(); !reflect.DeepEqual(got, Defaults{}) {
		t.Errorf("no saved defaults should give empty ones, got %+v", got)
	}
	want := storeSampleDraft("x", 0).Defaults
	if err := s.SaveLastDefaults(want); err != nil {
		t.Fatal(err)
	}
	s2, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	if got := s2.LastDefaults(); !reflect.DeepEqual(got, want) {
		t.Errorf("LastDefaults = %+v, want %+v", got, want)
	}
}

func TestStoreSaveOnAFullDiskKeepsOldFileAndDraft(t *testing.T) {
	s, _ := storeTestStore(t)
	d := storeSampleDraft("stuck", 1)
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.Dir(), "stuck.json")
	before := storeReadFile(t, path)
	updated := d.Updated
	s.fsys = &faultFS{failAt: "write", err: syscall.ENOSPC}
	d.Name = "changed"
	err := s.Save(d)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "stuck.json") {
		t.Fatalf("error = %v, want ENOSPC naming the file", err)
	}
	if !d.Updated.Equal(updated) {
		t.Errorf("failed save changed Updated to %v", d.Updated)
	}
	if got := storeReadFile(t, path); got != before {
		t.Errorf("file changed after a failed save")
	}
	if left := atomicTempLeft(t, s.Dir()); len(left) > 0 {
		t.Errorf("temp files left: %v", left)
	}
	// Space again: the same draft (still in memory) saves.
	s.fsys = osFS{}
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Load("stuck"); got.Name != "changed" {
		t.Errorf("after recovery name = %q", got.Name)
	}
}

func TestOpenStoreSweepsOnlyStaleTempFiles(t *testing.T) {
	s, h := storeTestStore(t)
	stale := filepath.Join(s.Dir(), ".a.json.tmp-1")
	fresh := filepath.Join(s.Dir(), ".b.json.tmp-2")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenStore(h); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Error("stale temp file from a crash not swept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("recent temp file (maybe another zpadd mid-save) was removed")
	}
}
