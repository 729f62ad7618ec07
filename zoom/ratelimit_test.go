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
