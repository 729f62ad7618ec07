package state

import "sync"

// phoneMemo remembers recent NormalizePhone results. Parsing with
// libphonenumber costs tens of microseconds, and Validate re-checks the same
// few numbers on every edit; the answer for a (text, region) pair never
// changes, so a bounded cache is safe.
var phoneMemo = &memo{m: map[string]phoneResult{}}

const phoneMemoMax = 4096

type phoneResult struct {
	e164     string
	repaired bool
	err      error
}

type memo struct {
	mu sync.Mutex
	m  map[string]phoneResult
}

func (c *memo) get(key string) (phoneResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[key]
	return r, ok
}

func (c *memo) put(key string, r phoneResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= phoneMemoMax {
		// Dropping everything is crude but bounded, and refills in one pass.
		clear(c.m)
	}
	c.m[key] = r
}
