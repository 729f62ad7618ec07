package submit

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Kinds of work in flight.
const (
	WorkSubmit    = "submit"
	WorkReconcile = "reconcile"
	WorkWatch     = "watch"
	WorkFollowUps = "follow-ups"
	WorkCatalog   = "catalog refresh"
)

// inflight is the service's record of work running in this process
// (submits, reconciles, watches, follow-ups, catalog refreshes), so
// quitting can wait for it: a submit whose POST is on the wire must journal
// Zoom's answer before the process exits, or its intent stays unfinished
// until the next start reconciles it; a catalog refresh is stopped, and
// caches the lists it finished, before the program's files are let go.
type inflight struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	next    int
	works   map[int]*work
	intents map[string]bool // journalled intents being sent here
}

type work struct {
	kind    string
	draft   string // the draft's name, for messages
	started time.Time
	// cancel stops work that may be stopped (a submit before its POST,
	// a watch); nil for work that must finish (a reconcile).
	cancel context.CancelFunc
}

// track registers work and returns the context it must run under and the
// func that ends it. Submits and watches are cancelled by Settle; a
// reconcile or follow-ups run is only waited for (its requests are bounded
// by their timeouts).
func (s *Service) track(ctx context.Context, kind, draft string) (context.Context, func()) {
	var cancel context.CancelFunc
	ctx, cancel = context.WithCancel(ctx)
	w := &work{kind: kind, draft: draft, started: s.o.Now(), cancel: cancel}
	if kind == WorkReconcile || kind == WorkFollowUps {
		w.cancel = nil
	}
	f := &s.work
	f.mu.Lock()
	if f.works == nil {
		f.works = map[int]*work{}
	}
	id := f.next
	f.next++
	f.works[id] = w
	f.wg.Add(1)
	f.mu.Unlock()
	return ctx, func() {
		f.mu.Lock()
		delete(f.works, id)
		f.mu.Unlock()
		cancel()
		f.wg.Done()
	}
}

// sendingHere marks a journalled intent as being sent by this process
// until the returned func runs.
func (s *Service) sendingHere(intentID string) func() {
	f := &s.work
	f.mu.Lock()
	if f.intents == nil {
		f.intents = map[string]bool{}
	}
	f.intents[intentID] = true
	f.mu.Unlock()
	return func() {
		f.mu.Lock()
		delete(f.intents, intentID)
		f.mu.Unlock()
	}
}

func (s *Service) isSendingHere(intentID string) bool {
	s.work.mu.Lock()
	defer s.work.mu.Unlock()
	return s.work.intents[intentID]
}

// Busy describes the work in flight, oldest first ("submit of "Lobby"
// (3s)"); empty when there is none.
func (s *Service) Busy() []string {
	f := &s.work
	f.mu.Lock()
	ws := make([]*work, 0, len(f.works))
	for _, w := range f.works {
		ws = append(ws, w)
	}
	f.mu.Unlock()
	sort.Slice(ws, func(i, j int) bool { return ws[i].started.Before(ws[j].started) })
	out := make([]string, len(ws))
	for i, w := range ws {
		age := s.o.Now().Sub(w.started).Round(time.Second)
		if w.draft == "" {
			out[i] = fmt.Sprintf("%s (%s)", w.kind, age)
			continue
		}
		out[i] = fmt.Sprintf("%s of %q (%s)", w.kind, w.draft, age)
	}
	return out
}

// Settle stops the work that may be stopped (a submit not yet sent sends
// nothing; a watch ends) and waits, at most timeout, until every submit and
// reconcile has recorded its outcome. It reports whether all settled. The
// program calls it when the operator quits.
func (s *Service) Settle(timeout time.Duration) bool {
	f := &s.work
	f.mu.Lock()
	for _, w := range f.works {
		if w.cancel != nil {
			w.cancel()
		}
	}
	f.mu.Unlock()
	done := make(chan struct{})
	go func() {
		f.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
