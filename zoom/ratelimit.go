package zoom

import (
	"golang.org/x/time/rate"
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

// newLimiters builds one token bucket per label. The burst is one second's
// quota: Zoom counts requests per second, so a burst that size lets parallel
// reads go out together while the sustained rate stays within the quota.
func newLimiters(plan string) map[label]*rate.Limiter {
	out := make(map[label]*rate.Limiter, len(perSecond[plan]))
	for l, n := range perSecond[plan] {
		out[l] = rate.NewLimiter(rate.Limit(n), n)
	}
	return out
}
