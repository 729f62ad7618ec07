package results

import (
	"context"
	"sync"
	"time"
)

// Submits in flight, so the program can wait for their outcome to be
// recorded before it exits. The submit workflow runs the POST and the
// read-back detached from cancellation and journals the outcome; if the
// process exited under it, the intent would stay unfinished until the next
// start reconciles it. Settle lets ctrl+c stop cleanly instead.
var inflight struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	cancels map[int]context.CancelFunc
	next    int
}

// track registers a running submit; the returned func unregisters it.
func track(cancel context.CancelFunc) (done func()) {
	inflight.mu.Lock()
	if inflight.cancels == nil {
		inflight.cancels = map[int]context.CancelFunc{}
	}
	id := inflight.next
	inflight.next++
	inflight.cancels[id] = cancel
	inflight.wg.Add(1)
	inflight.mu.Unlock()
	return func() {
		inflight.mu.Lock()
		delete(inflight.cancels, id)
		inflight.mu.Unlock()
		inflight.wg.Done()
	}
}

// Settle cancels every submit started by a results screen and waits, at
// most timeout, until each has recorded its outcome: one cancelled before
// its POST sends nothing; one whose POST is on the wire finishes it and
// journals Zoom's answer (or "unknown"). It reports whether all settled.
// ui.Run calls it after the program ends (ctrl+c, closed terminal).
func Settle(timeout time.Duration) bool {
	inflight.mu.Lock()
	for _, cancel := range inflight.cancels {
		cancel()
	}
	inflight.mu.Unlock()
	done := make(chan struct{})
	go func() {
		inflight.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
