package zoom

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// parseRetryAfter reads a Retry-After header in any of the forms Zoom has
// used: delay seconds ("2"), an HTTP date, or an ISO-8601 time
// ("2020-05-31T00:00:00Z"). It returns 0 when absent, unreadable or past.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs <= 0 || math.IsNaN(secs) || math.IsInf(secs, 0) {
			return 0
		}
		return time.Duration(secs * float64(time.Second))
	}
	var at time.Time
	if t, err := http.ParseTime(v); err == nil {
		at = t
	} else if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		at = t
	} else if t, err := time.Parse("2006-01-02T15:04:05", v); err == nil {
		at = t // ISO-8601 without a zone: Zoom's timestamps are UTC
	} else {
		return 0
	}
	if d := at.Sub(now); d > 0 {
		return d
	}
	return 0
}
