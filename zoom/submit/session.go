package submit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sync"
	"time"

	"zpadd/state"
)

// Session is this process's one handle on an open draft: it holds the
// draft's lock (or knows who does, when the draft is read-only here), the
// last version saved or loaded, and sends it. The wizard and every headless
// command that writes or sends a draft go through a Session; goroutines
// only ever get snapshots (Draft).
type Session struct {
	svc   *Service // nil when drafting without a connection to Zoom
	store *state.Store
	id    string
	lock  *state.DraftLock   // nil when read-only
	held  *state.LockedError // who holds the draft, when read-only

	mu     sync.Mutex
	draft  *state.Draft // the version last saved or loaded
	stamp  fileStamp    // of the draft file when last read or written
	status string       // the draft's status when last looked at
	closed bool
	busy   int // submits and watches running on this session
}

// fileStamp tells whether a draft file changed since it was last read.
type fileStamp struct {
	mod  time.Time
	size int64
}

// ErrOpenHere is returned by Open for a draft this process already has open.
var ErrOpenHere = errors.New("draft is already open in this zpadd")

// Open opens a draft through the service's store (Options.Store).
func (s *Service) Open(id string) (*Session, error) {
	if s.o.Store == nil {
		return nil, errors.New("open draft: the service has no draft store")
	}
	return OpenSession(s.o.Store, s, id)
}

// OpenSession locks and loads draft id. When another live zpadd holds it,
// the session is read-only (ReadOnly names the holder; Save and Submit
// refuse) and follows the owner's saves through Reload. svc may be nil
// (drafting offline): Submit then refuses.
func OpenSession(store *state.Store, svc *Service, id string) (*Session, error) {
	if store.Holds(id) {
		return nil, fmt.Errorf("open draft %s: %w", id, ErrOpenHere)
	}
	ss := &Session{svc: svc, store: store, id: id}
	lock, err := store.Lock(id)
	switch {
	case err == nil:
		ss.lock = lock
	case errors.As(err, &ss.held):
	default:
		return nil, fmt.Errorf("open draft %s: %w", id, err)
	}
	if _, err := ss.reload(); err != nil {
		_ = lock.Release()
		return nil, fmt.Errorf("open draft %s: %w", id, err)
	}
	return ss, nil
}

// ID is the draft's id.
func (ss *Session) ID() string { return ss.id }

// ReadOnly names the live zpadd holding the draft, or nil when this
// session holds it.
func (ss *Session) ReadOnly() *state.LockedError {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.held
}

// TakeOver takes the lock of a read-only session once its owner has let
// go of the draft (it quit, or its zpadd died), re-reading the draft as the
// owner left it. It reports whether the session now holds the draft.
func (ss *Session) TakeOver() (bool, error) {
	if ss.ReadOnly() == nil {
		return true, nil
	}
	lock, err := ss.store.Lock(ss.id)
	var held *state.LockedError
	switch {
	case errors.As(err, &held):
		ss.mu.Lock()
		ss.held = held
		ss.mu.Unlock()
		return false, nil
	case err != nil:
		return false, err
	}
	ss.mu.Lock()
	ss.lock, ss.held = lock, nil
	ss.mu.Unlock()
	if _, err := ss.reload(); err != nil {
		return true, err
	}
	return true, nil
}

// Draft returns a snapshot of the draft as last saved or loaded: the caller
// may change it freely.
func (ss *Session) Draft() *state.Draft {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.draft.Clone()
}

// Save writes d as the draft (atomically; the old file stays intact on
// error) and keeps it as the session's version. d is the caller's own
// copy; its Updated (and Schema, Created) are set as Store.Save does.
func (ss *Session) Save(d *state.Draft) error {
	if held := ss.ReadOnly(); held != nil {
		return fmt.Errorf("%w: %v; your changes are kept on screen, not saved", state.ErrReadOnly, held)
	}
	if d == nil || d.ID != ss.id {
		return fmt.Errorf("save: the session holds draft %s, not this one", ss.id)
	}
	if err := ss.store.Save(d); err != nil {
		return err
	}
	ss.mu.Lock()
	ss.draft = d.Clone()
	ss.stamp = ss.fileStamp()
	ss.mu.Unlock()
	return nil
}

// Unsaved reports whether d differs from the version this session last
// saved or loaded. Screens edit the draft in place and report it with a
// message that may still be queued when the program quits, so a final
// save asks this rather than trusting that the message arrived.
func (ss *Session) Unsaved(d *state.Draft) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return d != nil && !reflect.DeepEqual(d, ss.draft)
}

// Submit sends a snapshot of the draft as last saved (see Service.Submit).
// A read-only session sends nothing: it returns a *HeldError naming the
// zpadd that holds the draft.
func (ss *Session) Submit(ctx context.Context, ev func(Event)) (*state.Submission, error) {
	if held := ss.ReadOnly(); held != nil {
		return nil, &HeldError{Held: held}
	}
	if ss.svc == nil {
		return nil, errors.New("no connection to Zoom is configured: nothing was sent")
	}
	if !ss.begin() {
		return nil, fmt.Errorf("submit: draft %s is closed: nothing was sent", ss.id)
	}
	defer ss.end()
	return ss.svc.Submit(ctx, ss.Draft(), ev)
}

// Watch follows the desk phones of the users sub created (see
// Service.Watch), on a snapshot of the draft.
func (ss *Session) Watch(ctx context.Context, sub *state.Submission, d *state.Draft, ev func(Event)) error {
	if ss.svc == nil {
		return errors.New("no connection to Zoom is configured")
	}
	if !ss.begin() {
		return fmt.Errorf("watch: draft %s is closed", ss.id)
	}
	defer ss.end()
	return ss.svc.Watch(ctx, sub, d.Clone(), ev)
}

// begin counts work on the session; false once it is closed.
func (ss *Session) begin() bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.closed {
		return false
	}
	ss.busy++
	return true
}

// end uncounts work; the last one out of a closed session releases the
// lock, so no other zpadd takes a submit still on the wire for a crash.
func (ss *Session) end() {
	ss.mu.Lock()
	ss.busy--
	release := ss.closed && ss.busy == 0
	lock := ss.lock
	ss.mu.Unlock()
	if release && lock != nil {
		_ = lock.Release()
	}
}

// Rename gives the draft a new name and saves it.
func (ss *Session) Rename(name string) error {
	d := ss.Draft()
	d.Name = name
	return ss.Save(d)
}

// Delete moves the draft to the store's trash and closes the session.
func (ss *Session) Delete() error {
	if held := ss.ReadOnly(); held != nil {
		return fmt.Errorf("delete: %w", held)
	}
	if err := ss.store.Delete(ss.id); err != nil {
		return err
	}
	return ss.Close()
}

// Reload re-reads the draft when its file changed since this session last
// read or wrote it (the owner saved, for a read-only session), and reports
// whether it did. It also reports the draft's status when it changed (the
// owner's submit finished), else "".
func (ss *Session) Reload() (changed bool, status string, err error) {
	ss.mu.Lock()
	same := ss.fileStamp() == ss.stamp
	ss.mu.Unlock()
	if !same {
		if changed, err = ss.reload(); err != nil {
			return false, "", err
		}
	}
	st := ss.store.Status(ss.id)
	ss.mu.Lock()
	if st != ss.status {
		ss.status, status = st, st
	}
	ss.mu.Unlock()
	return changed, status, nil
}

func (ss *Session) reload() (bool, error) {
	stamp := ss.fileStamp()
	d, err := ss.store.Load(ss.id)
	if err != nil {
		return false, err
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	first := ss.draft == nil
	ss.draft, ss.stamp = d, stamp
	if first {
		ss.status = ss.store.Status(ss.id)
	}
	return !first, nil
}

func (ss *Session) fileStamp() fileStamp {
	info, err := os.Stat(ss.store.DraftPath(ss.id))
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{mod: info.ModTime(), size: info.Size()}
}

// Close releases the draft's lock (other zpadds may then edit it). Work
// already started (a submit on the wire) goes on, records its outcome and
// only then releases the lock. Closing twice is harmless.
func (ss *Session) Close() error {
	ss.mu.Lock()
	ss.closed = true
	busy := ss.busy > 0
	lock := ss.lock
	ss.mu.Unlock()
	if lock == nil || busy {
		return nil
	}
	return lock.Release()
}
