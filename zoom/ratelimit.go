package zoom

import (
	"context"
	"math"
	"sync"
	"time"
)

// label is one of Zoom's rate-limit buckets. Phone endpoints and the main
// REST API (/users) have separate tables, so their labels are separate too.
type label int

const (
	phoneLight label = iota
	phoneMedium
	phoneHeavy
	mainLight
	mainMedium
	mainHeavy
)

func (l label) String() string {
	return [...]string{"phone-light", "phone-medium", "phone-heavy", "main-light", "main-medium", "main-heavy"}[l]
}

// perSecond holds Zoom's published per-second quotas (zoom-api.md §8.1) for
// the Pro and Business+ plans.
var perSecond = map[string]map[label]int{
	PlanPro: {
		phoneLight: 20, phoneMedium: 10, phoneHeavy: 5,
		mainLight: 30, mainMedium: 20, mainHeavy: 10,
	},
	PlanBusiness: {
		phoneLight: 40, phoneMedium: 20, phoneHeavy: 10,
		mainLight: 80, mainMedium: 60, mainHeavy: 40,
	},
}

// DefaultRateShare is the part of each quota zpadd takes when Config gives
// none. Zoom's limits are per account and shared with every other app on it
// (zoom-api.md §8.1), so zpadd leaves a fifth of each second to them.
const DefaultRateShare = 0.8

// windowPad widens the counted second a little: Zoom counts requests as
// they arrive, and arrivals can bunch up by a few milliseconds of network
// jitter compared with when they were sent.
const windowPad = 20 * time.Millisecond

// newLimiters builds one sliding-window limiter per label, each allowing
// share of the label's quota in any one second.
func newLimiters(plan string, share float64, now func() time.Time, sleep sleeper) map[label]*slidingWindow {
	out := make(map[label]*slidingWindow, len(perSecond[plan]))
	for l, n := range perSecond[plan] {
		out[l] = newSlidingWindow(allowance(n, share), time.Second+windowPad, now, sleep)
	}
	return out
}

// allowance is share of quota, rounded down, at least one request.
func allowance(quota int, share float64) int {
	if share <= 0 || share > 1 {
		share = DefaultRateShare
	}
	return max(1, int(math.Floor(float64(quota)*share+1e-9)))
}

// sleeper waits d or until ctx ends.
type sleeper func(ctx context.Context, d time.Duration) error

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// slidingWindow lets at most n requests start in any window-long stretch of
// time, however the stretch is placed: Zoom counts each label's requests
// over a sliding second (zoom-api.md §8.1), so a token bucket whose burst
// is a whole second's quota lets up to twice the quota into one sliding
// second and earns 429s. Each Wait reserves the earliest slot that keeps
// the last n slots within the rule, in call order (fair), and sleeps until
// it.
type slidingWindow struct {
	n      int
	window time.Duration
	now    func() time.Time
	sleep  sleeper

	mu    sync.Mutex
	slots []time.Time // the last n reserved slots, a ring; oldest at next
	seq   []uint64    // which reservation holds each ring entry
	count uint64      // reservations so far
	next  int
	last  time.Time // the latest slot reserved, so slots never go back in time
}

func newSlidingWindow(n int, window time.Duration, now func() time.Time, sleep sleeper) *slidingWindow {
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepCtx
	}
	return &slidingWindow{n: n, window: window, now: now, sleep: sleep, slots: make([]time.Time, max(n, 0)), seq: make([]uint64, max(n, 0))}
}

// Limit is how many requests the window lets through per window.
func (w *slidingWindow) Limit() int { return w.n }

// reserve books the next slot and returns it.
func (w *slidingWindow) reserve() time.Time {
	slot, _, _ := w.reserveAt()
	return slot
}

// reserveAt books the next slot and says where it is kept, so a waiter
// that wakes late can record when it really started.
func (w *slidingWindow) reserveAt() (time.Time, int, uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	slot := w.now()
	if slot.Before(w.last) {
		slot = w.last
	}
	// The slot n reservations back must be a whole window earlier.
	if oldest := w.slots[w.next]; !oldest.IsZero() && slot.Before(oldest.Add(w.window)) {
		slot = oldest.Add(w.window)
	}
	idx := w.next
	w.count++
	w.slots[idx], w.seq[idx] = slot, w.count
	w.next = (w.next + 1) % w.n
	w.last = slot
	return slot, idx, w.count
}

// started records that the reservation seq really started at t, later
// than its slot (a busy machine wakes sleepers late): the slots booked
// after it then count from the real start, so late starts cannot bunch up
// into a burst.
func (w *slidingWindow) started(idx int, seq uint64, t time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seq[idx] == seq && t.After(w.slots[idx]) {
		w.slots[idx] = t
		if t.After(w.last) {
			w.last = t
		}
	}
}

// Wait blocks until the request may start. A request whose ctx ends while
// waiting keeps its slot unused: the window stays conservative.
func (w *slidingWindow) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.n <= 0 {
		return nil // unlimited (tests that are not about pacing)
	}
	slot, idx, seq := w.reserveAt()
	if d := slot.Sub(w.now()); d > 0 {
		if err := w.sleep(ctx, d); err != nil {
			return err
		}
	}
	w.started(idx, seq, w.now())
	return nil
}
