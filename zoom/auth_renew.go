package zoom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
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
		"account's token index tolerance so tokens can coexist",
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

// beforeRenewal runs after the refused-th refusal of a token for cl: it
// waits (from the second refusal on) or gives up. The error it returns is a
// *NotSentError: Zoom acted on none of the refused requests.
func (c *Client) beforeRenewal(ctx context.Context, cl call, refused int, last *Error) error {
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
