package state

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// HomeEnv names the environment variable that puts every zpadd folder under
// one directory (tests, portable installs, acceptance scripts).
const HomeEnv = "ZPADD_HOME"

// Folder and file permissions: zpadd's files hold personal data (names,
// emails, numbers), so nobody but the owner may read them.
const (
	dirPerm  os.FileMode = 0o700
	filePerm os.FileMode = 0o600
)

// Home is where zpadd keeps its files: configuration, drafts (Data), the
// submission journal and history (State), cached catalogs (Cache) and the log.
type Home struct {
	Config, Data, State, Cache, Log string

	// root is the ZPADD_HOME folder when one is used, so Ensure makes and
	// tightens it too; empty for XDG homes, whose parents are not ours.
	root string
}

// HomeUnder returns the Home that keeps everything under one folder, as
// ZPADD_HOME does. Other packages' tests use it with t.TempDir().
func HomeUnder(dir string) Home {
	return Home{
		Config: filepath.Join(dir, "config"),
		Data:   filepath.Join(dir, "data"),
		State:  filepath.Join(dir, "state"),
		Cache:  filepath.Join(dir, "cache"),
		Log:    filepath.Join(dir, "log"),
		root:   dir,
	}
}

// ResolveHome finds zpadd's folders: everything under $ZPADD_HOME when it is
// set, otherwise the XDG base directories (each with a zpadd subfolder; the
// log lives in the state folder, as XDG suggests). It creates nothing: call
// Ensure for that.
func ResolveHome() (Home, error) {
	if dir := os.Getenv(HomeEnv); dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return Home{}, fmt.Errorf("%s=%q: cannot make it an absolute path: %w", HomeEnv, dir, err)
		}
		return HomeUnder(abs), nil
	}
	// xdg reads the environment once at init; reload so a changed XDG_*
	// variable (tests, a wrapper script) is honoured.
	xdg.Reload()
	h := Home{
		Config: filepath.Join(xdg.ConfigHome, "zpadd"),
		Data:   filepath.Join(xdg.DataHome, "zpadd"),
		State:  filepath.Join(xdg.StateHome, "zpadd"),
		Cache:  filepath.Join(xdg.CacheHome, "zpadd"),
	}
	h.Log = filepath.Join(h.State, "log")
	for _, p := range []string{h.Config, h.Data, h.State, h.Cache} {
		if !filepath.IsAbs(p) {
			return Home{}, fmt.Errorf("cannot find a home folder for zpadd (got %q); set %s or HOME", p, HomeEnv)
		}
	}
	return h, nil
}

// Ensure makes every folder of h with permissions 0700, and tightens any
// existing one that is looser.
func (h Home) Ensure() error {
	named := []struct{ name, path string }{
		{"config", h.Config}, {"data", h.Data}, {"state", h.State}, {"cache", h.Cache}, {"log", h.Log},
	}
	if h.root != "" {
		if err := ensureDir(h.root); err != nil {
			return err
		}
	}
	for _, n := range named {
		if n.path == "" {
			return fmt.Errorf("zpadd home: the %s folder is not set", n.name)
		}
		if err := ensureDir(n.path); err != nil {
			return err
		}
	}
	return nil
}

// LogFile is the file slog writes to. Open it with OpenLogFile so it is 0600.
func (h Home) LogFile() string { return filepath.Join(h.Log, "zpadd.log") }

// ensureDir makes dir (and missing parents) 0700 and tightens it when it
// already exists with looser permissions.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return fmt.Errorf("cannot create folder %s: %w", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("cannot read folder %s: %w", dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s should be a folder but is a file", dir)
	}
	if info.Mode().Perm() != dirPerm {
		if err := os.Chmod(dir, dirPerm); err != nil {
			return fmt.Errorf("cannot make folder %s private (0700): %w", dir, err)
		}
	}
	return nil
}

// tightenFile makes an existing file 0600; a missing file is not an error.
func tightenFile(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if info.Mode().Perm() != filePerm {
		if err := os.Chmod(path, filePerm); err != nil {
			return fmt.Errorf("cannot make %s private (0600): %w", path, err)
		}
	}
	return nil
}
