package submit

import (
	"context"
	"testing"
	"time"

	"zpadd/zoom/sandbox"
)

// Phones that never come online: Watch polls less and less often while
// nothing changes, reads only the batch's phones (by MAC), and stops by
// itself after WatchFor with a "stopped" Done event.
func TestWatchBacksOffAndStopsByItself(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{DeviceOnlineAfter: -1, Size: sandbox.LargeSize(2000)},
		Options{WatchInterval: 20 * time.Millisecond, WatchMaxInterval: 80 * time.Millisecond, WatchFor: 600 * time.Millisecond})
	d := largeFreeDraft(t, e, 2)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := len(e.sb.Requests())
	rec := &recorder{}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.svc.Watch(ctx, sub, d, rec.add); err != nil {
		t.Fatalf("Watch: %v", err)
	}
	done := rec.kinds(Done)
	if len(done) != 1 || done[0].Status != "stopped" {
		t.Fatalf("Done events %+v, want one with status stopped", done)
	}
	var polls []time.Time
	for _, r := range e.sb.Requests()[before:] {
		if r.Path != "/v2/phone/devices" {
			t.Errorf("watch read %s", r.Path)
			continue
		}
		if r.Query == "type=assigned" {
			t.Errorf("watch listed every assigned phone instead of the batch's")
		}
		polls = append(polls, r.Time)
	}
	// Two phones, one keyword read each per poll. At a steady 20 ms for
	// 600 ms that would be ~60 reads; backing off to 80 ms gives far fewer.
	if n := len(polls); n < 4 || n > 30 {
		t.Errorf("%d device reads in 600 ms, want a backed-off handful (4–30)", n)
	}
	if n := len(polls); n >= 4 {
		first, lastGap := polls[2].Sub(polls[0]), polls[n-1].Sub(polls[n-3])
		if lastGap <= first {
			t.Errorf("polls did not space out: first gap %v, last gap %v", first, lastGap)
		}
	}
}

// Once every phone is online Watch returns and polls no more.
func TestWatchStopsWhenEveryPhoneIsOnline(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{DeviceOnlineAfter: 50 * time.Millisecond}, Options{WatchInterval: 20 * time.Millisecond})
	d := mainSiteDraft(t, e.refresh(), 2)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	if err := e.svc.Watch(context.Background(), sub, d, rec.add); err != nil {
		t.Fatalf("Watch: %v", err)
	}
	if done := rec.kinds(Done); len(done) != 1 || done[0].Status != "online" {
		t.Fatalf("Done events %+v, want one with status online", done)
	}
	n := e.sb.CountRequests("GET", "/phone/devices")
	time.Sleep(100 * time.Millisecond)
	if m := e.sb.CountRequests("GET", "/phone/devices"); m != n {
		t.Errorf("%d device reads after Watch returned", m-n)
	}
}

func TestNextWatchInterval(t *testing.T) {
	base, ceiling := 5*time.Second, time.Minute
	if got := nextWatchInterval(40*time.Second, true, base, ceiling); got != base {
		t.Errorf("after a change: %v, want %v", got, base)
	}
	if got := nextWatchInterval(base, false, base, ceiling); got != 7500*time.Millisecond {
		t.Errorf("no change: %v, want 7.5s", got)
	}
	if got := nextWatchInterval(50*time.Second, false, base, ceiling); got != ceiling {
		t.Errorf("capped: %v, want %v", got, ceiling)
	}
}
