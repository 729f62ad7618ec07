package state

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestLockHeldByAnotherProcessMakesDraftReadOnly(t *testing.T) {
	s, h := storeTestStore(t)
	d := storeSampleDraft("locked1", 2)
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	child, stdin := storeStartChild(t, "lock-holder", h.root, "locked")
	defer func() { _ = child.Process.Kill(); _ = child.Wait() }()
	_ = stdin

	_, err := s.Lock("locked1")
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Lock = %v, want ErrLocked", err)
	}
	var le *LockedError
	if !errors.As(err, &le) || le.PID != child.Process.Pid {
		t.Fatalf("LockedError = %+v, want pid %d", le, child.Process.Pid)
	}
	msg := err.Error()
	for _, want := range []string{"Sample locked1", fmt.Sprintf("pid %d", child.Process.Pid), "opened read-only"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if !s.ReadOnly("locked1") {
		t.Error("ReadOnly = false after Lock found the draft held elsewhere")
	}
	d.Name = "edited here"
	if err := s.Save(d); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Save of a read-only draft = %v, want ErrReadOnly", err)
	}
	if err := s.Delete("locked1"); !errors.Is(err, ErrLocked) {
		t.Errorf("Delete of a draft open elsewhere = %v, want ErrLocked", err)
	}
	// A process that never called Lock (zpadd import, a headless command)
	// must not overwrite the draft either.
	other, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Save(d); !errors.Is(err, ErrReadOnly) {
		t.Errorf("unlocked Save while held elsewhere = %v, want ErrReadOnly", err)
	}

	// The holder crashes: the OS drops its lock, and this zpadd may edit.
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	l, err := s.Lock("locked1")
	if err != nil {
		t.Fatalf("Lock after the holder died: %v", err)
	}
	defer l.Release()
	if s.ReadOnly("locked1") {
		t.Error("still ReadOnly after taking the lock")
	}
	if err := s.Save(d); err != nil {
		t.Fatalf("Save after taking the lock: %v", err)
	}
	if got, _ := s.Load("locked1"); got.Name != "edited here" {
		t.Errorf("saved name = %q", got.Name)
	}
}

func TestLockIsReentrantInOneStoreAndReleasable(t *testing.T) {
	s, h := storeTestStore(t)
	if err := s.Save(storeSampleDraft("d1", 1)); err != nil {
		t.Fatal(err)
	}
	l1, err := s.Lock("d1")
	if err != nil {
		t.Fatal(err)
	}
	l2, err := s.Lock("d1")
	if err != nil || l2 != l1 {
		t.Fatalf("second Lock in the same store = %v, %v; want the same lock", l2, err)
	}
	// Saving while holding our own lock works.
	if err := s.Save(storeSampleDraft("d1", 2)); err != nil {
		t.Fatal(err)
	}
	// Another store (as another zpadd would) sees it locked until released.
	other, _ := OpenStore(h)
	if _, err := other.Lock("d1"); !errors.Is(err, ErrLocked) {
		t.Fatalf("other store Lock = %v, want ErrLocked", err)
	}
	if err := l1.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l1.Release(); err != nil {
		t.Errorf("second Release: %v", err)
	}
	l3, err := other.Lock("d1")
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	defer l3.Release()
	// Taking the lock lifts the read-only state of the earlier failure.
	if err := other.Save(storeSampleDraft("d1", 3)); err != nil {
		t.Errorf("Save after acquiring: %v", err)
	}
}
