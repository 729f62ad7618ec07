package sandbox

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Zoom's per-second quotas per plan and label (zoom-api.md §8.1): Phone
// Light/Medium/Heavy and the main API's Light/Medium/Heavy.
var zoomQuotas = map[string]map[string]int{
	"pro":      {"phone-light": 20, "phone-medium": 10, "phone-heavy": 5, "main-light": 30, "main-medium": 20, "main-heavy": 10},
	"business": {"phone-light": 40, "phone-medium": 20, "phone-heavy": 10, "main-light": 80, "main-medium": 60, "main-heavy": 40},
}

// routeLabel is the rate-limit label Zoom documents for an endpoint the
// sandbox serves (zoom-api.md §5, §6, §8.1); "" for the token endpoint,
// which the per-second table does not cover.
func routeLabel(method, path string) string {
	p := strings.TrimPrefix(path, "/v2")
	if !strings.HasPrefix(path, "/v2/") {
		return ""
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case parts[0] == "users": // GET /users/{userId}: main API, Light
		return "main-light"
	case parts[0] == "number_management": // listPhoneNumbers: LIGHT
		return "phone-light"
	case parts[0] != "phone":
		return "main-medium"
	case len(parts) == 2 && parts[1] == "setting_templates":
		return "phone-light"
	case len(parts) == 2: // the lists: sites, numbers, devices, users, plans, provision templates
		return "phone-medium"
	case len(parts) == 3 && parts[1] == "users" && parts[2] == "batch" && method == http.MethodPost:
		return "phone-medium"
	case parts[1] == "devices" && method == http.MethodPost: // reboot, sync
		return "phone-heavy"
	}
	return "phone-light" // one item by id: GET /phone/sites/{id}, /phone/users/{id}
}

// rateLimiter plays Zoom's per-label quotas, counted over a sliding second
// as requests arrive. A request over the quota is answered 429 and, like a
// refused call, not counted.
type rateLimiter struct {
	quota map[string]int
	mu    sync.Mutex
	seen  map[string][]time.Time // per label, arrivals within the last second, oldest first
}

func newRateLimiter(plan string) *rateLimiter {
	q := zoomQuotas[plan]
	if q == nil {
		return nil
	}
	return &rateLimiter{quota: q, seen: map[string][]time.Time{}}
}

// admit records a request arriving at now and reports whether it is within
// its label's quota.
func (l *rateLimiter) admit(method, path string, now time.Time) bool {
	if l == nil {
		return true
	}
	lbl := routeLabel(method, path)
	if lbl == "" {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	times := l.seen[lbl]
	cut := 0
	for cut < len(times) && now.Sub(times[cut]) >= time.Second {
		cut++
	}
	times = times[cut:]
	if len(times) >= l.quota[lbl] {
		l.seen[lbl] = times
		return false
	}
	l.seen[lbl] = append(times, now)
	return true
}

// writeRateLimitedPerSecond is Zoom's per-second 429 (zoom-api.md §8.2).
func writeRateLimitedPerSecond(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
}
