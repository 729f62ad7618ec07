package zoom

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Each call is charged to the bucket Zoom documents for it.
func TestRouteLabelsFollowZoomDocs(t *testing.T) {
	want := map[route]label{
		routeBatchAdd: phoneMedium, routeListSites: phoneMedium, routeGetSite: phoneLight,
		routeSettingTemplates: phoneLight, routeCallingPlans: phoneMedium, routeNumbers: phoneMedium,
		routeProvisionTpls: phoneMedium, routeDevices: phoneMedium, routeListPhoneUsers: phoneMedium,
		routeGetPhoneUser: phoneLight, routeGetUser: mainLight,
	}
	for r, l := range want {
		if r.label != l {
			t.Errorf("%s: label %s, want %s", r.key(), r.label, l)
		}
	}
}

// The plan sizes the windows: Pro Medium 10/s, Business+ Medium 20/s, etc.,
// each times zpadd's share of the account's quota.
func TestLimitsSizedByPlanAndShare(t *testing.T) {
	cases := []struct {
		plan  string
		share float64
		l     label
		want  int
	}{
		{"", 1, phoneMedium, 10}, {"pro", 1, phoneLight, 20}, {"pro", 1, mainLight, 30},
		{"business", 1, phoneMedium, 20}, {"Enterprise", 1, phoneLight, 40}, {"business", 1, mainLight, 80},
		{"pro", 0, phoneMedium, 8}, {"pro", 0.5, phoneMedium, 5}, {"pro", 0.5, phoneHeavy, 2},
		{"pro", 0.01, phoneHeavy, 1},
	}
	for _, tc := range cases {
		c, err := New(Config{AccountID: "a", ClientID: "b", ClientSecret: "c", Plan: tc.plan, RateShare: tc.share})
		if err != nil {
			t.Fatal(err)
		}
		if got := c.limits[tc.l].Limit(); got != tc.want {
			t.Errorf("plan %q share %v %s = %d/s, want %d", tc.plan, tc.share, tc.l, got, tc.want)
		}
	}
}

// Requests draw from their own window only: three Medium calls leave the
// Light window untouched.
func TestRequestsDrawFromTheirLabelsWindow(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	cfg := f.config()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c.ListCallingPlans(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.limits[phoneMedium].reservedSince(time.Now().Add(-time.Minute)); got != 3 {
		t.Errorf("Medium slots used = %d, want 3", got)
	}
	if got := c.limits[phoneLight].reservedSince(time.Now().Add(-time.Minute)); got != 0 {
		t.Errorf("Light slots used = %d, want 0", got)
	}
}

// reservedSince counts the slots reserved at or after t (tests).
func (w *slidingWindow) reservedSince(t time.Time) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, s := range w.slots {
		if !s.IsZero() && !s.Before(t) {
			n++
		}
	}
	return n
}

// fakeClock is a clock that moves only when a waiter sleeps or the test
// advances it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
func (c *fakeClock) sleep(_ context.Context, d time.Duration) error { c.advance(d); return nil }

// maxInAnyWindow is the most start times found inside any half-open
// stretch [t, t+window) of the sorted times: the count a server keeping a
// sliding second sees at its worst moment.
func maxInAnyWindow(starts []time.Time, window time.Duration) int {
	best, lo := 0, 0
	for hi := range starts {
		for starts[hi].Sub(starts[lo]) >= window {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}

// The limiter never lets more than its allowance start inside any sliding
// second, whatever the pattern of calls (bursts, pauses, steady streams);
// the old token bucket with a one-second burst let twice the quota in.
func TestSlidingWindowNeverExceedsQuotaInAnySecond(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, quota := range []int{1, 5, 8, 10, 20} {
		clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
		w := newSlidingWindow(quota, time.Second, clk.now, clk.sleep)
		var starts []time.Time
		for i := range 2000 {
			switch rng.IntN(4) {
			case 0: // a pause of up to 1.5 s lets the window empty
				clk.advance(time.Duration(rng.IntN(1500)) * time.Millisecond)
			case 1:
				clk.advance(time.Duration(rng.IntN(50)) * time.Millisecond)
			} // otherwise a burst: the next call comes at once
			if err := w.Wait(context.Background()); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
			starts = append(starts, clk.now())
		}
		if got := maxInAnyWindow(starts, time.Second); got > quota {
			t.Errorf("quota %d: %d requests started within one sliding second", quota, got)
		}
		// It is not overly strict either: a burst gets the whole quota at once.
		clk.advance(2 * time.Second)
		t0 := clk.now()
		for range quota {
			_ = w.Wait(context.Background())
		}
		if !clk.now().Equal(t0) {
			t.Errorf("quota %d: a burst of %d after a quiet spell waited %v", quota, quota, clk.now().Sub(t0))
		}
	}
}

// Concurrent callers get slots in the order they asked, and the slots keep
// the rule too.
func TestSlidingWindowConcurrentReservations(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	w := newSlidingWindow(8, time.Second, clk.now, clk.sleep)
	var (
		mu    sync.Mutex
		slots []time.Time
		wg    sync.WaitGroup
	)
	for range 100 {
		wg.Go(func() {
			s := w.reserve()
			mu.Lock()
			slots = append(slots, s)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.SortFunc(slots, func(a, b time.Time) int { return a.Compare(b) })
	if got := maxInAnyWindow(slots, time.Second); got > 8 {
		t.Errorf("%d slots within one second, want at most 8", got)
	}
	if span := slots[len(slots)-1].Sub(slots[0]); span != 12*time.Second {
		t.Errorf("100 slots at 8/s span %v, want 12s (as tight as the rule allows)", span)
	}
}

// A caller whose context ends while queued returns at once with its error.
func TestSlidingWindowWaitHonoursContext(t *testing.T) {
	w := newSlidingWindow(1, time.Hour, nil, nil)
	_ = w.Wait(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := w.Wait(ctx); err == nil {
		t.Fatal("Wait = nil, want the context's error after the only slot of the hour was taken")
	}
}

// A share outside (0, 1] is refused by name, not silently replaced.
func TestRateShareOutOfRangeRefused(t *testing.T) {
	for _, share := range []float64{-1, 1.5} {
		_, err := New(Config{AccountID: "a", ClientID: "b", ClientSecret: "c", RateShare: share})
		if err == nil || !strings.Contains(err.Error(), "ZPADD_RATE_SHARE") {
			t.Errorf("share %v: err = %v, want a refusal naming ZPADD_RATE_SHARE", share, err)
		}
	}
	t.Setenv("ZPADD_RATE_SHARE", "50%")
	if got := ConfigFromEnv(false).RateShare; got != 0.5 {
		t.Errorf("ZPADD_RATE_SHARE=50%% read as %v, want 0.5", got)
	}
}

// A waiter that wakes late (a busy machine) is counted from when it really
// started, so the ones after it cannot bunch up with it into a burst.
func TestSlidingWindowCountsLateStartsAsTheyHappen(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	oversleep := func(_ context.Context, d time.Duration) error {
		clk.advance(d + time.Duration(rng.IntN(400))*time.Millisecond)
		return nil
	}
	w := newSlidingWindow(8, time.Second, clk.now, oversleep)
	var starts []time.Time
	for range 500 {
		if rng.IntN(3) == 0 {
			clk.advance(time.Duration(rng.IntN(300)) * time.Millisecond)
		}
		_ = w.Wait(context.Background())
		starts = append(starts, clk.now())
	}
	if got := maxInAnyWindow(starts, time.Second); got > 8 {
		t.Errorf("%d requests really started within one second, want at most 8", got)
	}
}

// manualClock moves only when the test sets it; sleepers block until then.
type manualClock struct {
	mu   sync.Mutex
	cond *sync.Cond
	t    time.Time
}

func newManualClock(t time.Time) *manualClock {
	c := &manualClock{t: t}
	c.cond = sync.NewCond(&c.mu)
	return c
}
func (c *manualClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *manualClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.cond.Broadcast()
	c.mu.Unlock()
}
func (c *manualClock) sleep(_ context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for end := c.t.Add(d); c.t.Before(end); {
		c.cond.Wait()
	}
	return nil
}

// The next page of a list (urgent) does not wait behind single reads that
// asked before it: it takes the earliest slot one of them booked, that one
// gets the page's later slot, and no sliding second holds more than the
// allowance.
func TestUrgentRequestTakesTheEarliestWaitingSlot(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	clk := newManualClock(t0)
	w := newSlidingWindow(2, time.Second, clk.now, clk.sleep)
	type start struct {
		who string
		at  time.Time
	}
	started := make(chan start, 5)
	wait := func(who string, ctx context.Context) {
		if err := w.Wait(ctx); err != nil {
			t.Error(err)
		}
		started <- start{who, clk.now()}
	}
	waitingIs := func(n int) {
		deadline := time.Now().Add(5 * time.Second)
		for {
			w.mu.Lock()
			got := len(w.waiting)
			w.mu.Unlock()
			if got == n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d requests waiting, want %d", got, n)
			}
			time.Sleep(time.Millisecond)
		}
	}
	wait("single 1", context.Background()) // the first second's two slots
	wait("single 2", context.Background())
	go wait("single 3", context.Background()) // booked for t0+1s
	waitingIs(1)
	go wait("single 4", context.Background()) // booked for t0+1s
	waitingIs(2)
	go wait("page 2", withUrgency(context.Background())) // would be t0+2s
	waitingIs(3)

	var got []start
	for range 2 {
		got = append(got, <-started)
	}
	clk.set(t0.Add(time.Second))
	for range 2 {
		got = append(got, <-started)
	}
	waitingIs(1)
	clk.set(t0.Add(2 * time.Second))
	got = append(got, <-started)

	at := map[string]time.Time{}
	var starts []time.Time
	for _, s := range got {
		at[s.who] = s.at
		starts = append(starts, s.at)
	}
	if !at["page 2"].Equal(t0.Add(time.Second)) {
		t.Errorf("the urgent page started at t0+%v, want t0+1s (ahead of a single read that asked before it)", at["page 2"].Sub(t0))
	}
	if a, b := at["single 3"], at["single 4"]; !(a.Equal(t0.Add(2*time.Second)) != b.Equal(t0.Add(2*time.Second))) {
		t.Errorf("singles 3 and 4 started at t0+%v and t0+%v, want one of them moved to t0+2s", a.Sub(t0), b.Sub(t0))
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	if n := maxInAnyWindow(starts, time.Second); n > 2 {
		t.Errorf("%d requests within one sliding second, want at most 2", n)
	}
}
