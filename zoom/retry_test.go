package zoom

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// failThen answers the first n requests with fail, then with ok.
func failThen(n int32, fail, ok http.HandlerFunc) (http.HandlerFunc, *atomic.Int32) {
	var calls atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= n {
			fail(w, r)
			return
		}
		ok(w, r)
	}, &calls
}

func throttled(retryAfter string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"code": 429, "message": "You have reached the maximum per-second rate limit for this API. Try again later."})
	}
}

// GETs are retried on a throttling 429 whatever form Retry-After takes, and
// the wait Zoom asked for is the one used.
func TestGetRetriedOn429HonouringEachRetryAfterForm(t *testing.T) {
	fixed := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name, header string
		want         time.Duration // before scaling; 0 = exponential backoff
	}{
		{"seconds", "3", 3 * time.Second},
		{"http date", fixed.Add(5 * time.Second).Format(http.TimeFormat), 5 * time.Second},
		{"iso 8601", fixed.Add(7 * time.Second).Format(time.RFC3339), 7 * time.Second},
		{"absent", "", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeZoom(t)
			h, calls := failThen(2, throttled(tc.header), plansHandler)
			f.handle("GET /v2/phone/calling_plans", h)
			c := newTestClient(t, f.config(), nil)
			c.now = func() time.Time { return fixed }
			var w waits
			c.retry.observe = w.observe
			plans, err := c.ListCallingPlans(context.Background())
			if err != nil || len(plans) != 1 {
				t.Fatalf("plans=%v err=%v", plans, err)
			}
			if calls.Load() != 3 {
				t.Errorf("calls = %d, want 3", calls.Load())
			}
			got := w.all()
			if len(got) != 2 {
				t.Fatalf("waits = %v, want 2", got)
			}
			for _, d := range got {
				if tc.want > 0 && d != c.retry.scaled(tc.want) {
					t.Errorf("wait = %v, want %v (scaled %v)", d, c.retry.scaled(tc.want), tc.want)
				}
				if tc.want == 0 && (d <= 0 || d > c.retry.scaled(c.retry.maxWait)) {
					t.Errorf("exponential wait %v out of (0, %v]", d, c.retry.scaled(c.retry.maxWait))
				}
			}
			if s := c.Stats(); s.Retries != 2 {
				t.Errorf("Stats.Retries = %d, want 2", s.Retries)
			}
		})
	}
}

// GETs are retried on 5xx (JSON, HTML or empty body) and on a dropped
// connection.
func TestGetRetriedOn5xxAndNetworkErrors(t *testing.T) {
	cases := map[string]http.HandlerFunc{
		"500 json": func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, 500, map[string]any{"code": 500, "message": "Internal error"})
		},
		"502 html": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			_, _ = w.Write([]byte("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"))
		},
		"503 empty": func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) },
		"dropped connection": func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		},
	}
	for name, fail := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFakeZoom(t)
			h, calls := failThen(1, fail, plansHandler)
			f.handle("GET /v2/phone/calling_plans", h)
			c := newTestClient(t, f.config(), nil)
			if _, err := c.ListCallingPlans(context.Background()); err != nil {
				t.Fatalf("err = %v, want success after a retry", err)
			}
			if calls.Load() != 2 {
				t.Errorf("calls = %d, want 2", calls.Load())
			}
		})
	}
}

// Retries are bounded: a server failing forever gets maxTries requests and
// the caller the last *Error.
func TestGetRetriesAreBounded(t *testing.T) {
	f := newFakeZoom(t)
	h, calls := failThen(1000, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 503, map[string]any{"code": 503, "message": "down"})
	}, plansHandler)
	f.handle("GET /v2/phone/calling_plans", h)
	c := newTestClient(t, f.config(), nil)
	_, err := c.ListCallingPlans(context.Background())
	var ze *Error
	if !errors.As(err, &ze) || ze.Status != 503 {
		t.Fatalf("err = %v, want the 503 *Error", err)
	}
	if calls.Load() != int32(c.retry.maxTries) {
		t.Errorf("calls = %d, want %d", calls.Load(), c.retry.maxTries)
	}
}

// A Retry-After longer than the retry budget is not slept: the call fails
// at once with the wait in Error.RetryAfter (e.g. a daily limit).
func TestRetryAfterBeyondBudgetReturnedNotSlept(t *testing.T) {
	f := newFakeZoom(t)
	h, calls := failThen(1000, throttled("86400"), plansHandler)
	f.handle("GET /v2/phone/calling_plans", h)
	c := newTestClient(t, f.config(), nil)
	_, err := c.ListCallingPlans(context.Background())
	var ze *Error
	if !errors.As(err, &ze) || ze.RetryAfter != 24*time.Hour {
		t.Fatalf("err = %v, want *Error with RetryAfter 24h", err)
	}
	if calls.Load() != 1 {
		t.Errorf("calls = %d, want 1", calls.Load())
	}
}

// The batch POST is never retried, whatever the failure.
func TestBatchPostNeverRetried(t *testing.T) {
	cases := map[string]http.HandlerFunc{
		"500": func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, 500, map[string]any{"code": 500, "message": "oops"})
		},
		"503 empty": func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) },
		"429":       throttled("1"),
		"dropped": func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		},
	}
	for name, fail := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFakeZoom(t)
			h, calls := failThen(1, fail, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 201, []any{}) })
			f.handle("POST /v2/phone/users/batch", h)
			c := newTestClient(t, f.config(), nil)
			_, err := c.BatchAddUsers(context.Background(), []BatchUser{{Email: "a@example.com", ExtensionNumber: "1001", CallingPlans: []string{"US/CA Unlimited"}}})
			if err == nil {
				t.Fatal("err = nil, want the first failure")
			}
			if IsNotSent(err) {
				t.Errorf("IsNotSent(%v) = true for a request that reached Zoom", err)
			}
			if calls.Load() != 1 {
				t.Errorf("POSTs = %d, want exactly 1", calls.Load())
			}
		})
	}
}

// A 429 whose body is a validation error is a refusal: returned as such,
// not retried, and not reported as throttling.
func Test429ValidationBodyIsARefusal(t *testing.T) {
	f := newFakeZoom(t)
	refuse := func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 429, map[string]any{"code": 429, "message": "Each user can be assigned up to three desk phones."})
	}
	hp, posts := failThen(1000, refuse, nil)
	hg, gets := failThen(1000, refuse, nil)
	f.handle("POST /v2/phone/users/batch", hp)
	f.handle("GET /v2/phone/calling_plans", hg)
	c := newTestClient(t, f.config(), nil)
	_, err := c.BatchAddUsers(context.Background(), []BatchUser{{Email: "a@example.com", ExtensionNumber: "1001", CallingPlans: []string{}}})
	var ze *Error
	if !errors.As(err, &ze) || ze.Status != 429 || ze.IsRateLimit() || !strings.Contains(ze.Message, "three desk phones") {
		t.Fatalf("err = %v (rate limit=%v), want the validation refusal", err, ze != nil && ze.IsRateLimit())
	}
	if _, err := c.ListCallingPlans(context.Background()); err == nil {
		t.Fatal("GET: err = nil")
	}
	if posts.Load() != 1 || gets.Load() != 1 {
		t.Errorf("posts=%d gets=%d, want 1 each (no retry)", posts.Load(), gets.Load())
	}
}

// Cancelling the context stops the retries at once.
func TestRetriesStopWhenContextCancelled(t *testing.T) {
	f := newFakeZoom(t)
	ctx, cancel := context.WithCancel(context.Background())
	h, calls := failThen(1000, func(w http.ResponseWriter, r *http.Request) {
		cancel()
		writeJSON(w, 503, map[string]any{"code": 503, "message": "down"})
	}, plansHandler)
	f.handle("GET /v2/phone/calling_plans", h)
	c := newTestClient(t, f.config(), nil)
	_, err := c.ListCallingPlans(ctx)
	if err == nil {
		t.Fatal("err = nil")
	}
	if calls.Load() != 1 {
		t.Errorf("calls = %d, want 1", calls.Load())
	}
}

// Throttling is not a failure: a read throttled many more times than
// maxTries keeps trying within the time budget and succeeds, where five
// quick 429s used to lose it.
func TestThrottledReadKeepsTryingWithinBudget(t *testing.T) {
	f := newFakeZoom(t)
	h, calls := failThen(12, throttled("1"), plansHandler)
	f.handle("GET /v2/phone/calling_plans", h)
	c := newTestClient(t, f.config(), nil)
	if _, err := c.ListCallingPlans(context.Background()); err != nil {
		t.Fatalf("err = %v, want success after 12 throttled tries", err)
	}
	if calls.Load() != 13 {
		t.Errorf("calls = %d, want 13", calls.Load())
	}
}

// The time budget still ends a read that is throttled for ever.
func TestThrottledReadStopsAtBudget(t *testing.T) {
	f := newFakeZoom(t)
	h, _ := failThen(1<<30, throttled("1"), plansHandler)
	f.handle("GET /v2/phone/calling_plans", h)
	c := newTestClient(t, f.config(), nil)
	c.retry.maxElapsed = 200 * time.Millisecond
	_, err := c.ListCallingPlans(context.Background())
	var ze *Error
	if !errors.As(err, &ze) || !ze.IsRateLimit() {
		t.Fatalf("err = %v, want the last 429", err)
	}
}
