package state

import (
	"fmt"
	"os"
	"path/filepath"
)

// atomicFS is the little of the file system WriteFileAtomic needs, so tests
// can fail any step (write, fsync, rename) and check nothing is lost.
type atomicFS interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	SyncDir(dir string) error
}

// tempFile is the part of *os.File a temp file is used through.
type tempFile interface {
	Name() string
	Write(p []byte) (int, error)
	Sync() error
	Close() error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) {
	// os.CreateTemp makes the file 0600, which is what every zpadd file is.
	return os.CreateTemp(dir, pattern)
}
func (osFS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
func (osFS) Remove(name string) error             { return os.Remove(name) }

// SyncDir fsyncs a folder so a rename inside it survives a power cut.
func (osFS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// WriteFileAtomic replaces path with data so that, whatever happens (a full
// disk, a crash, a kill), path holds either its old content or the new one,
// never a mix: the data goes to a 0600 temp file in the same folder, is
// fsynced, renamed over path, and the folder is fsynced. On error the old
// file is untouched, the temp file is removed and the error names path.
// It refuses data holding a Zoom secret (see guardSecrets).
func WriteFileAtomic(path string, data []byte) error {
	return writeFileAtomic(osFS{}, path, data)
}

func writeFileAtomic(fsys atomicFS, path string, data []byte) error {
	if err := guardSecrets(path, data); err != nil {
		return err
	}
	return replaceFile(fsys, path, data)
}

// replaceFile is WriteFileAtomic without the secret guard, for the one file
// allowed to hold a secret (config.json, when the operator chose it).
func replaceFile(fsys atomicFS, path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// A leading dot keeps temp files out of folder listings (Store.List).
	tmp, err := fsys.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot save %s: cannot create a temp file: %w", path, err)
	}
	tmpName := tmp.Name()
	fail := func(step string, err error) error {
		_ = tmp.Close()
		_ = fsys.Remove(tmpName)
		return fmt.Errorf("cannot save %s (%s): %w; the previous version is kept", path, step, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail("write", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("fsync", err)
	}
	if err := tmp.Close(); err != nil {
		_ = fsys.Remove(tmpName)
		return fmt.Errorf("cannot save %s (close): %w; the previous version is kept", path, err)
	}
	if err := fsys.Rename(tmpName, path); err != nil {
		_ = fsys.Remove(tmpName)
		return fmt.Errorf("cannot save %s (rename): %w; the previous version is kept", path, err)
	}
	// The new content is in place; a failed folder fsync only weakens
	// durability across a power cut, but the caller should still know.
	if err := fsys.SyncDir(dir); err != nil {
		return fmt.Errorf("saved %s but could not fsync its folder: %w", path, err)
	}
	return nil
}
