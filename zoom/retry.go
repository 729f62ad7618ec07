package zoom

import (
	"time"

	"github.com/cenkalti/backoff/v5"
)

// retryPolicy bounds the retries of idempotent reads. Failures (5xx, a
// dropped connection) are counted: a server that keeps failing is reported
// after maxTries attempts. Throttling is not counted: a 429 says only
// "not now" (zoom-api.md §8.2), and other apps on the account can hold the
// quota for a while, so a read keeps trying until the time budget is spent
// rather than losing a half-read list after five quick 429s.
type retryPolicy struct {
	base       time.Duration // first exponential wait when Zoom gave no Retry-After
	maxWait    time.Duration // longest single exponential wait
	maxTries   uint          // attempts that failed (not throttled) in all, the first included
	maxElapsed time.Duration // give up when the next wait would pass this
	// scale multiplies every wait; tests shrink it so they need not sleep
	// for the seconds a Retry-After asks.
	scale float64
	// observe, when set, sees each wait before it is slept (tests).
	observe func(wait time.Duration, err error)
}

func defaultRetryPolicy() retryPolicy {
	return retryPolicy{base: 500 * time.Millisecond, maxWait: 8 * time.Second, maxTries: 5, maxElapsed: 2 * time.Minute, scale: 1}
}

func (p retryPolicy) backOff() backoff.BackOff {
	b := backoff.NewExponentialBackOff()
	b.InitialInterval = p.scaled(p.base)
	b.MaxInterval = p.scaled(p.maxWait)
	b.RandomizationFactor = 0.5 // jitter, so parallel readers do not retry in step
	b.Multiplier = 2
	return b
}

func (p retryPolicy) scaled(d time.Duration) time.Duration {
	if p.scale == 1 || p.scale <= 0 {
		return d
	}
	return time.Duration(float64(d) * p.scale)
}

func (p retryPolicy) options(b backoff.BackOff) []backoff.RetryOption {
	opts := []backoff.RetryOption{
		backoff.WithBackOff(b),
		backoff.WithMaxTries(0),                  // failures are counted by the caller (do), throttling is not
		backoff.WithMaxElapsedTime(p.maxElapsed), // real time: a slow test machine must not exhaust it
	}
	if p.observe != nil {
		opts = append(opts, backoff.WithNotify(func(err error, d time.Duration) { p.observe(d, err) }))
	}
	return opts
}

// waitThen carries an error that Zoom asked us to retry after a given time:
// backoff finds the *RetryAfterError in it, and the caller unwraps the
// *Error again when retries run out.
type waitThen struct {
	err  error
	wait *backoff.RetryAfterError
}

func (w *waitThen) Error() string   { return w.err.Error() }
func (w *waitThen) Unwrap() []error { return []error{w.err, w.wait} }

// retryable marks err as worth another try, honouring Retry-After if any.
func (p retryPolicy) retryable(err error, retryAfter time.Duration) error {
	if retryAfter > 0 {
		return &waitThen{err: err, wait: &backoff.RetryAfterError{Duration: p.scaled(retryAfter)}}
	}
	return err
}

// unwrapRetry strips the retry wrappers so callers see the *Error (or the
// transport error) of the last attempt.
func unwrapRetry(err error) error {
	if w, ok := err.(*waitThen); ok {
		return w.err
	}
	return err
}
