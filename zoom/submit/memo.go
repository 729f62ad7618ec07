package submit

import "sync"

// memo runs each keyed read at most once per run and shares the answer with
// every goroutine that asks, so an email given twice in a draft is read
// from Zoom once.
type memo[T any] struct {
	mu sync.Mutex
	m  map[string]*memoEntry[T]
}

type memoEntry[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (m *memo[T]) get(key string, read func() (T, error)) (T, error) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[string]*memoEntry[T]{}
	}
	e, ok := m.m[key]
	if !ok {
		e = &memoEntry[T]{}
		m.m[key] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.v, e.err = read() })
	return e.v, e.err
}

// peek returns a finished read without starting one.
func (m *memo[T]) peek(key string) (T, error, bool) {
	m.mu.Lock()
	e, ok := m.m[key]
	m.mu.Unlock()
	var zero T
	if !ok {
		return zero, nil, false
	}
	done := false
	e.once.Do(func() { done = true }) // marks an unstarted entry as done (empty)
	if done {
		return zero, nil, false
	}
	return e.v, e.err, true
}
