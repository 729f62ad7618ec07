package state

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// faultFS is the real file system with one step made to fail, the way a
// full disk or a broken mount would.
type faultFS struct {
	osFS
	failAt string // "create", "write", "sync", "close", "rename", "syncdir"
	err    error
}

type faultFile struct {
	*os.File
	fs *faultFS
}

func (f *faultFS) CreateTemp(dir, pattern string) (tempFile, error) {
	if f.failAt == "create" {
		return nil, f.err
	}
	file, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file, fs: f}, nil
}

func (f *faultFS) Rename(o, n string) error {
	if f.failAt == "rename" {
		return f.err
	}
	return f.osFS.Rename(o, n)
}

func (f *faultFS) SyncDir(dir string) error {
	if f.failAt == "syncdir" {
		return f.err
	}
	return f.osFS.SyncDir(dir)
}

func (f *faultFile) Write(p []byte) (int, error) {
	if f.fs.failAt == "write" {
		// A full disk: part of the data is written, then ENOSPC.
		n, _ := f.File.Write(p[:len(p)/2])
		return n, f.fs.err
	}
	return f.File.Write(p)
}

func (f *faultFile) Sync() error {
	if f.fs.failAt == "sync" {
		return f.fs.err
	}
	return f.File.Sync()
}

func (f *faultFile) Close() error {
	if f.fs.failAt == "close" {
		f.File.Close()
		return f.fs.err
	}
	return f.File.Close()
}

func atomicTempLeft(t *testing.T, dir string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return matches
}

func TestWriteFileAtomicKeepsOldFileWhenAStepFails(t *testing.T) {
	for _, step := range []string{"create", "write", "sync", "close", "rename"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "draft.json")
			const old = `{"name":"old version"}`
			if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
				t.Fatal(err)
			}
			fsys := &faultFS{failAt: step, err: syscall.ENOSPC}
			err := writeFileAtomic(fsys, path, []byte(`{"name":"new version, much longer than the old one"}`))
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("error = %v, want ENOSPC wrapped", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file %s", err, path)
			}
			if got := storeReadFile(t, path); got != old {
				t.Errorf("old file changed to %q", got)
			}
			if left := atomicTempLeft(t, dir); len(left) > 0 {
				t.Errorf("temp files left behind: %v", left)
			}
		})
	}
}

func TestWriteFileAtomicReportsFolderSyncFailureAfterReplacing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	err := writeFileAtomic(&faultFS{failAt: "syncdir", err: syscall.EIO}, path, []byte("new"))
	if !errors.Is(err, syscall.EIO) {
		t.Fatalf("error = %v, want EIO", err)
	}
	if got := storeReadFile(t, path); got != "new" {
		t.Errorf("content = %q, want the new content in place", got)
	}
	if left := atomicTempLeft(t, dir); len(left) > 0 {
		t.Errorf("temp files left behind: %v", left)
	}
}

func TestWriteFileAtomicReplacesContentAndMakesFilePrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got := storeReadFile(t, path); got != "new" {
		t.Errorf("content = %q, want new", got)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %o, want 600", info.Mode().Perm())
	}
}

func TestWriteFileAtomicIntoUnwritableFolderKeepsOldFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	err := WriteFileAtomic(path, []byte("new"))
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("error = %v, want one naming %s", err, path)
	}
	if got := storeReadFile(t, path); got != "old" {
		t.Errorf("old file changed to %q", got)
	}
}
