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
// it, with one exception: a request marked urgent (the next page of a list
// being read, see withUrgency) takes over the earliest slot booked by a
// request still waiting that is not urgent, which gets the urgent one's
// slot instead. A list's pages go one after another, so behind a fan-out
// of single reads each page would wait out a whole window; the swap keeps
// the set of booked slots as it was, so the rule holds all the same.
type slidingWindow struct {
	n      int
	window time.Duration
	now    func() time.Time
	sleep  sleeper

	mu      sync.Mutex
	slots   []time.Time // the last n reserved slots, a ring; oldest at next
	next    int
	last    time.Time  // the latest slot reserved, so slots never go back in time
	waiting []*booking // booked, not started yet
}

// booking is one request's reserved slot and where the ring keeps it.
type booking struct {
	slot   time.Time
	idx    int
	urgent bool
}

func newSlidingWindow(n int, window time.Duration, now func() time.Time, sleep sleeper) *slidingWindow {
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepCtx
	}
	return &slidingWindow{n: n, window: window, now: now, sleep: sleep, slots: make([]time.Time, max(n, 0))}
}

// Limit is how many requests the window lets through per window.
func (w *slidingWindow) Limit() int { return w.n }

// reserve books the next slot and returns it (a booking that is never
// waited on: it only holds its place).
func (w *slidingWindow) reserve() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bookLocked(false).slot
}

// bookLocked reserves the next slot; an urgent booking then swaps with the
// earliest earlier one of a waiting request that is not urgent.
func (w *slidingWindow) bookLocked(urgent bool) *booking {
	slot := w.now()
	if slot.Before(w.last) {
		slot = w.last
	}
	// The slot n reservations back must be a whole window earlier.
	if oldest := w.slots[w.next]; !oldest.IsZero() && slot.Before(oldest.Add(w.window)) {
		slot = oldest.Add(w.window)
	}
	b := &booking{slot: slot, idx: w.next, urgent: urgent}
	w.slots[b.idx] = slot
	w.next = (w.next + 1) % w.n
	w.last = slot
	if urgent {
		var earliest *booking
		for _, o := range w.waiting {
			if !o.urgent && o.slot.Before(b.slot) && (earliest == nil || o.slot.Before(earliest.slot)) {
				earliest = o
			}
		}
		if earliest != nil {
			b.slot, earliest.slot = earliest.slot, b.slot
			b.idx, earliest.idx = earliest.idx, b.idx
		}
	}
	return b
}

// startLocked records that b started at t and is no longer waiting. A
// request that starts later than its slot (a busy machine wakes sleepers
// late) moves its slot to when it really started, so the slots booked
// after it count from there and late starts cannot bunch up into a burst.
func (w *slidingWindow) startLocked(b *booking, t time.Time) {
	w.dropLocked(b)
	if t.After(b.slot) && w.slots[b.idx].Equal(b.slot) {
		w.slots[b.idx] = t
		if t.After(w.last) {
			w.last = t
		}
	}
}

func (w *slidingWindow) dropLocked(b *booking) {
	for i, o := range w.waiting {
		if o == b {
			w.waiting = append(w.waiting[:i], w.waiting[i+1:]...)
			return
		}
	}
}

// Wait blocks until the request may start. A request whose ctx ends while
// waiting keeps its slot unused: the window stays conservative. Its slot
// is read again at each wake-up, as an urgent request may have moved it
// later.
func (w *slidingWindow) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.n <= 0 {
		return nil // unlimited (tests that are not about pacing)
	}
	w.mu.Lock()
	b := w.bookLocked(isUrgent(ctx))
	w.waiting = append(w.waiting, b)
	for {
		now := w.now()
		if !b.slot.After(now) {
			w.startLocked(b, now)
			w.mu.Unlock()
			return nil
		}
		d := b.slot.Sub(now)
		w.mu.Unlock()
		err := w.sleep(ctx, d)
		w.mu.Lock()
		if err != nil {
			w.dropLocked(b)
			w.mu.Unlock()
			return err
		}
	}
}

type urgencyKey struct{}

// withUrgency marks the requests made with ctx as urgent for the rate
// limiter: the next page of a list already being read, which everything
// waiting on the list waits on.
func withUrgency(ctx context.Context) context.Context {
	return context.WithValue(ctx, urgencyKey{}, true)
}

func isUrgent(ctx context.Context) bool {
	u, _ := ctx.Value(urgencyKey{}).(bool)
	return u
}
