package state

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestResolveHomePutsEverythingUnderZPADDHOME(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(HomeEnv, dir)
	h, err := ResolveHome()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range []string{h.Config, h.Data, h.State, h.Cache, h.Log} {
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			t.Errorf("folder %s is not under ZPADD_HOME %s", p, dir)
		}
		if seen[p] {
			t.Errorf("folder %s used twice", p)
		}
		seen[p] = true
	}
	if !strings.HasPrefix(h.LogFile(), h.Log) {
		t.Errorf("log file %s not in log folder %s", h.LogFile(), h.Log)
	}
}

func TestResolveHomeFallsBackToXDG(t *testing.T) {
	base := t.TempDir()
	t.Setenv(HomeEnv, "")
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(v, filepath.Join(base, strings.ToLower(v)))
	}
	h, err := ResolveHome()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"config": filepath.Join(base, "xdg_config_home", "zpadd"),
		"data":   filepath.Join(base, "xdg_data_home", "zpadd"),
		"state":  filepath.Join(base, "xdg_state_home", "zpadd"),
		"cache":  filepath.Join(base, "xdg_cache_home", "zpadd"),
	}
	got := map[string]string{"config": h.Config, "data": h.Data, "state": h.State, "cache": h.Cache}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s folder = %s, want %s", k, got[k], w)
		}
	}
	if !strings.HasPrefix(h.Log, h.State) {
		t.Errorf("log folder %s should be inside the XDG state folder %s", h.Log, h.State)
	}
}

func TestEnsureMakesEveryFolderPrivateAndTightensLooseOnes(t *testing.T) {
	root := filepath.Join(t.TempDir(), "home")
	h := HomeUnder(root)
	if err := h.Ensure(); err != nil {
		t.Fatal(err)
	}
	// Someone loosened the folders: Ensure must tighten them again.
	for _, p := range []string{root, h.Data, h.Log} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Ensure(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{root, h.Config, h.Data, h.State, h.Cache, h.Log} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o700 {
			t.Errorf("folder %s has mode %o, want 700", p, perm)
		}
	}
}

func TestEnsureRefusesAFileWhereAFolderShouldBe(t *testing.T) {
	h := HomeUnder(t.TempDir())
	if err := os.WriteFile(h.Cache, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := h.Ensure()
	if err == nil || !strings.Contains(err.Error(), h.Cache) {
		t.Fatalf("Ensure over a file: err = %v, want one naming %s", err, h.Cache)
	}
}

// With umask 0 nothing hides a sloppy 0644/0755: every folder zpadd makes
// must be 0700 and every file 0600 because zpadd asks for it.
func TestEveryFileAndFolderUnderHomeIsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)

	root := filepath.Join(t.TempDir(), "home")
	h := HomeUnder(root)
	if err := h.Ensure(); err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	d := storeSampleDraft("perm1", 3)
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	lock, err := s.Lock("perm1")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	if err := s.SetStatus("perm1", StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveLastDefaults(d.Defaults); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(storeSampleDraft("perm2", 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("perm2"); err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(h)
	if err != nil {
		t.Fatal(err)
	}
	in, err := j.Begin("perm1", d.Name, []byte(`{"users":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Finish(in.ID, Submission{}); err != nil {
		t.Fatal(err)
	}
	if err := SaveCatalog(h, &Catalog{FetchedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	logf, err := h.OpenLogFile()
	if err != nil {
		t.Fatal(err)
	}
	logf.WriteString("hello\n")
	logf.Close()

	files := 0
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o600)
		if e.IsDir() {
			want = 0o700
		} else {
			files++
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has mode %o, want %o", p, info.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 8 {
		t.Errorf("expected the cycle to write at least 8 files, found %d", files)
	}
}
