package state

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// ErrLocked means another zpadd has the draft open; this one may only read it.
var ErrLocked = errors.New("draft is open in another zpadd")

// ErrReadOnly is returned by Save for a draft this process opened read-only.
var ErrReadOnly = errors.New("draft is read-only here")

// LockedError says which draft is held and by which process. It matches
// ErrLocked with errors.Is.
type LockedError struct {
	ID   string
	Name string
	PID  int // 0 when the holder's pid could not be read
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("draft %s is open in %s; opened read-only", e.Label(), e.Who())
}

// Who names the holder: "another zpadd (pid N)".
func (e *LockedError) Who() string {
	if e.PID > 0 {
		return fmt.Sprintf("another zpadd (pid %d)", e.PID)
	}
	return "another zpadd"
}

// Label is the draft's name and id for messages.
func (e *LockedError) Label() string {
	if e.Name != "" && e.Name != e.ID {
		return fmt.Sprintf("%q (%s)", e.Name, e.ID)
	}
	return e.ID
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// DraftLock is this process's hold on one draft: while it is held, other
// zpadd processes open the draft read-only. The OS drops it if the process
// dies, so a crash never leaves a draft locked.
type DraftLock struct {
	store *Store
	id    string
	fl    *flock.Flock
}

// Lock takes the draft's lock (a .lock file beside it), or returns a
// *LockedError (errors.Is ErrLocked) naming the holder's pid when another
// process has it; the draft is then read-only in this process (Save returns
// ErrReadOnly) until a later Lock succeeds. Locking a draft this store
// already holds returns the same lock.
func (s *Store) Lock(id string) (*DraftLock, error) {
	if err := checkDraftID(id); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.held[id]; ok {
		return l, nil
	}
	fl, err := s.tryLock(id)
	if err != nil {
		var le *LockedError
		if errors.As(err, &le) {
			s.readOnly[id] = le
		}
		return nil, err
	}
	// Record our pid for the message another zpadd shows. The file is
	// written in place: replacing it would leave the lock on a dead inode.
	if err := writeLockPID(s.lockPath(id)); err != nil {
		_ = fl.Unlock()
		return nil, fmt.Errorf("cannot lock draft %s: %w", id, err)
	}
	l := &DraftLock{store: s, id: id, fl: fl}
	s.held[id] = l
	delete(s.readOnly, id)
	return l, nil
}

// Release lets other zpadd processes edit the draft. Releasing twice is harmless.
func (l *DraftLock) Release() error {
	if l == nil {
		return nil
	}
	s := l.store
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held[l.id] != l {
		return nil
	}
	delete(s.held, l.id)
	if err := l.fl.Unlock(); err != nil {
		return fmt.Errorf("cannot release the lock on draft %s: %w", l.id, err)
	}
	return nil
}

// ID is the locked draft's id.
func (l *DraftLock) ID() string { return l.id }

// transientLock holds a draft's lock for one operation (a save or delete
// by a process that did not Lock it, such as `zpadd import`), so it cannot
// overwrite a draft another zpadd is editing. Call with s.mu held.
func (s *Store) transientLock(id string) (unlock func(), err error) {
	if _, ok := s.held[id]; ok {
		return func() {}, nil
	}
	fl, err := s.tryLock(id)
	if err != nil {
		return nil, err
	}
	_ = writeLockPID(s.lockPath(id)) // only feeds another zpadd's message
	return func() { _ = fl.Unlock() }, nil
}

// tryLock takes the draft's lock file without waiting, or returns a
// *LockedError naming the process that holds it.
func (s *Store) tryLock(id string) (*flock.Flock, error) {
	path := s.lockPath(id)
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(filePerm))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("cannot lock draft %s (%s): %w", id, path, err)
	}
	if !ok {
		return nil, &LockedError{ID: id, Name: s.draftName(id), PID: holderPID(path)}
	}
	return fl, nil
}

func writeLockPID(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, filePerm)
	if err != nil {
		return err
	}
	_, err = f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// holderPID reads the holder's pid, waiting a moment for it: a holder that
// has just taken the lock writes its pid right after.
func holderPID(path string) int {
	for range 20 {
		if pid := readLockPID(path); pid > 0 {
			return pid
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0
}

func readLockPID(path string) int {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// ReadOnly reports whether this process found the draft locked by another
// zpadd (and has not locked it since), so screens can say "read-only".
func (s *Store) ReadOnly(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly[id] != nil
}

// Holds reports whether this store holds the draft's lock.
func (s *Store) Holds(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held[id] != nil
}

// Holder says who holds a draft's lock right now: held is true when this
// store does; other names another live process (the OS drops a dead
// process's lock, so a lock found held means its owner is running). Both
// are zero when nobody holds it. It probes by taking the lock for an
// instant, so it must not be called in a loop.
func (s *Store) Holder(id string) (held bool, other *LockedError, err error) {
	if err := checkDraftID(id); err != nil {
		return false, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held[id] != nil {
		return true, nil, nil
	}
	fl, err := s.tryLock(id)
	if err != nil {
		if errors.As(err, &other) {
			return false, other, nil
		}
		return false, nil, err
	}
	_ = fl.Unlock()
	return false, nil, nil
}
