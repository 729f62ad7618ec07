package zoom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Renewal after Zoom refuses a token (zoom-api.md §11.1). The first refusal
// is usually an expiry or one other program's fetch: renew at once. Further
// refusals mean someone keeps fetching tokens for the same app; back off
// with jitter so the two programs stop renewing in step, and give up after
// a few tries (a few seconds in all) with a message that says so.
const (
	maxTokenRefusals  = 6
	renewalFirstWait  = 250 * time.Millisecond
	renewalMaxWait    = 2 * time.Second
	renewalJitterFrac = 0.5
	// contentionCalm is how long requests stay one at a time after the last
	// sign that another program is taking the app's tokens.
	contentionCalm = 30 * time.Second
	// youngToken: a token refused this soon after it was fetched did not
	// expire; another program fetched a newer one.
	youngToken = 5 * time.Minute
)

// TokenContentionError says Zoom kept refusing freshly issued tokens: the
// app's credentials are almost certainly in use by another program.
type TokenContentionError struct {
	Refused int
	Last    *Error // the last 401
}

func (e *TokenContentionError) Error() string {
	return fmt.Sprintf("Zoom refused %d access tokens in a row (%d/%d %s): another program is probably using "+
		"the same Server-to-Server app's credentials, and every token it fetches invalidates zpadd's. "+
		"Give each tool its own Server-to-Server app on the Zoom Marketplace, or ask Zoom to raise the "+
		"account's token index tolerance and give each tool its own ZOOM_TOKEN_INDEX",
		e.Refused, e.Last.Status, e.Last.Code, e.Last.Message)
}

// Unwrap keeps the 401 reachable, so IsAuth still holds.
func (e *TokenContentionError) Unwrap() error { return e.Last }

// IsTokenContention reports whether err is a give-up after repeated token
// refusals.
func IsTokenContention(err error) bool {
	var e *TokenContentionError
	return errors.As(err, &e)
}

// tokenRefused returns the 401 when Zoom would not take the token. Zoom did
// not act on such a request, so it may be sent again, writes included.
func tokenRefused(err error) (*Error, bool) {
	var ze *Error
	if errors.As(err, &ze) && ze.Status == http.StatusUnauthorized && ze.OAuth == "" {
		return ze, true
	}
	return nil, false
}

// beforeRenewal runs after the refused-th refusal of tok for cl: it waits
// (from the second refusal on) or gives up. The error it returns is a
// *NotSentError: Zoom acted on none of the refused requests.
func (c *Client) beforeRenewal(ctx context.Context, cl call, tok heldToken, refused int, last *Error) error {
	if time.Since(tok.at) < youngToken {
		c.contention.noted(time.Now())
	}
	if refused >= maxTokenRefusals {
		err := &TokenContentionError{Refused: refused, Last: last}
		c.log.LogAttrs(ctx, slog.LevelWarn, "zoom token contention: giving up",
			slog.String("route", cl.key()), slog.Int("refused", refused))
		return &NotSentError{Err: err}
	}
	if refused < 2 {
		return nil
	}
	wait := c.renewalWait(refused)
	c.log.LogAttrs(ctx, slog.LevelWarn, "zoom refused a fresh token: another program may share the app",
		slog.String("route", cl.key()), slog.Int("refused", refused), slog.Duration("wait", wait))
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return &NotSentError{Err: fmt.Errorf("zoom: %s: cancelled while waiting to renew the access token: %w", cl.key(), ctx.Err())}
	}
}

// contention is the client's answer to another program taking the app's
// token every few requests: while it lasts, requests go one at a time, so
// each new token serves as many requests as the other program allows
// before it takes the next one, instead of a burst of concurrent requests
// dying on it together and some of them starving.
type contention struct {
	mu    sync.Mutex
	until time.Time
	gate  chan struct{} // capacity 1; made on first use
}

// noted records a sign of contention (a young token refused).
func (k *contention) noted(now time.Time) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.until = now.Add(contentionCalm)
	if k.gate == nil {
		k.gate = make(chan struct{}, 1)
	}
}

// enter waits for this request's turn while contention lasts, and returns
// the function that ends the turn (a no-op when there is no contention).
func (k *contention) enter(ctx context.Context, now time.Time) (func(), error) {
	k.mu.Lock()
	gate := k.gate
	calm := now.After(k.until)
	k.mu.Unlock()
	if gate == nil || calm {
		return func() {}, nil
	}
	select {
	case gate <- struct{}{}:
		return func() { <-gate }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// renewalWait doubles from renewalFirstWait at the second refusal, capped
// at renewalMaxWait, with ±50% jitter.
func (c *Client) renewalWait(refused int) time.Duration {
	d := renewalFirstWait << (refused - 2)
	if d > renewalMaxWait || d <= 0 {
		d = renewalMaxWait
	}
	jitter := 1 + renewalJitterFrac*(2*rand.Float64()-1)
	d = time.Duration(float64(d) * jitter)
	if s := c.tokens.waitScale; s > 0 {
		d = time.Duration(float64(d) * s)
	}
	return d
}
