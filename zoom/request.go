package zoom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v5"
	"golang.org/x/oauth2"
)

// route is one Zoom operation: its method, its path pattern (the key of
// Stats and of log lines) and its rate-limit label.
type route struct {
	method  string
	pattern string
	label   label
}

func (r route) key() string { return r.method + " " + r.pattern }

// call is one request: a route, the concrete path segments after the API
// base, the query and the JSON body.
type call struct {
	route
	segments []string // unescaped path segments, e.g. {"phone", "users", "a@b.com"}
	query    url.Values
	body     any
}

// do runs c and decodes a 2xx JSON answer into out (when out is not nil).
// Reads are retried on 429 throttling, 5xx and network errors; writes never.
func (c *Client) do(ctx context.Context, cl call, out any) error {
	var payload []byte
	if cl.body != nil {
		b, err := json.Marshal(cl.body)
		if err != nil {
			return &NotSentError{Err: fmt.Errorf("zoom: %s: encoding request: %w", cl.key(), err)}
		}
		payload = b
	}
	u := c.url(cl.segments, cl.query)
	if cl.method != http.MethodGet {
		body, err := c.attempt(ctx, cl, u, payload, false)
		if err != nil {
			return err
		}
		return decode(cl, body, out)
	}
	tries := 0
	b := c.retry.backOff()
	body, err := backoff.Retry(ctx, func() ([]byte, error) {
		tries++
		body, err := c.attempt(ctx, cl, u, payload, tries > 1)
		if err == nil {
			return body, nil
		}
		if ra, ok := shouldRetry(ctx, err); ok {
			return nil, c.retry.retryable(err, ra)
		}
		return nil, backoff.Permanent(err)
	}, c.retry.options(b)...)
	if err != nil {
		return unwrapRetry(err)
	}
	return decode(cl, body, out)
}

// shouldRetry decides whether a failed read is worth another try and how
// long Zoom asked to wait.
func shouldRetry(ctx context.Context, err error) (time.Duration, bool) {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return 0, false
	}
	var redirect *RedirectError
	if errors.As(err, &redirect) {
		return 0, false // a redirect is no network hiccup: never re-send
	}
	var ze *Error
	if errors.As(err, &ze) {
		switch {
		case ze.OAuth != "" || ze.Status == http.StatusUnauthorized:
			return 0, false // credentials do not heal by waiting
		case ze.IsRateLimit():
			return ze.RetryAfter, true
		case ze.Status >= 500:
			return ze.RetryAfter, true
		}
		return 0, false
	}
	var ns *NotSentError
	if errors.As(err, &ns) {
		return 0, isTokenNetworkError(ns.Err)
	}
	if errors.Is(err, ErrBodyTooLarge) {
		return 0, false
	}
	var te *transportError
	return 0, errors.As(err, &te) || isTokenNetworkError(err)
}

// transportError is a failure to get a whole response: a refused or dropped
// connection, a timeout, a body cut short.
type transportError struct {
	op  string
	err error
}

func (e *transportError) Error() string { return "zoom: " + e.op + ": " + e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// attempt sends one request (waiting for the rate limiter and a token
// first) and returns the body of a 2xx answer or an error. A refused token
// (401) is replaced by a newer one, shared with every request refused at the
// same time, and the request sent again: Zoom did not act on a request it
// could not authenticate (zoom-api.md §11.1). Repeated refusals back off and
// end in a *TokenContentionError.
func (c *Client) attempt(ctx context.Context, cl call, u string, payload []byte, isRetry bool) ([]byte, error) {
	var stale uint64
	for refused := 0; ; {
		leave, err := c.contention.enter(ctx, time.Now())
		if err != nil {
			return nil, &NotSentError{Err: fmt.Errorf("zoom: %s: %w", cl.key(), err)}
		}
		body, tok, err := c.authorisedTrip(ctx, cl, u, payload, stale, isRetry || refused > 0)
		leave()
		last, ok := tokenRefused(err)
		if !ok {
			return body, err
		}
		refused++
		stale = tok.gen
		c.markRefused(tok.gen)
		if err := c.beforeRenewal(ctx, cl, tok, refused, last); err != nil {
			return nil, err
		}
	}
}

// authorisedTrip waits for the rate limiter, takes a token newer than stale
// and sends the request once.
func (c *Client) authorisedTrip(ctx context.Context, cl call, u string, payload []byte, stale uint64, isRetry bool) ([]byte, heldToken, error) {
	if err := c.limits[cl.label].Wait(ctx); err != nil {
		return nil, heldToken{}, &NotSentError{Err: fmt.Errorf("zoom: %s: waiting for the %s rate limit: %w", cl.key(), cl.label, err)}
	}
	tok, err := c.tokenNewerThan(ctx, stale)
	if err != nil {
		return nil, heldToken{}, &NotSentError{Err: err}
	}
	body, err := c.roundTrip(ctx, cl, u, payload, tok.Token, isRetry)
	return body, tok, err
}

// roundTrip performs one HTTP exchange and logs it without any secret.
func (c *Client) roundTrip(ctx context.Context, cl call, u string, payload []byte, tok *oauth2.Token, isRetry bool) ([]byte, error) {
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, u, rd)
	if err != nil {
		return nil, &NotSentError{Err: fmt.Errorf("zoom: %s: building request: %w", cl.key(), err)}
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	path := req.URL.EscapedPath()
	c.count(cl.key(), isRetry)
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		c.logExchange(ctx, cl, path, 0, "", start, err)
		return nil, &transportError{op: cl.method + " " + path, err: stripURL(err)}
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, c.maxBody)
	tracking := resp.Header.Get(trackingHeader)
	if err != nil {
		c.logExchange(ctx, cl, path, resp.StatusCode, tracking, start, err)
		if errors.Is(err, ErrBodyTooLarge) {
			return nil, fmt.Errorf("zoom: %s %s: %w (more than %d bytes)", cl.method, path, err, c.maxBody)
		}
		return nil, &transportError{op: cl.method + " " + path + ": reading response", err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		ze := newError(resp, body, cl.method, path, c.now())
		c.logExchange(ctx, cl, path, resp.StatusCode, tracking, start, ze)
		return nil, ze
	}
	c.logExchange(ctx, cl, path, resp.StatusCode, tracking, start, nil)
	return body, nil
}

// stripURL drops the *url.Error wrapper (whose text repeats the URL, query
// included) and keeps the cause.
func stripURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func readCapped(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, ErrBodyTooLarge
	}
	return b, nil
}

func (c *Client) logExchange(ctx context.Context, cl call, path string, status int, tracking string, start time.Time, err error) {
	level := slog.LevelDebug
	attrs := []slog.Attr{
		slog.String("method", cl.method),
		slog.String("path", path),
		slog.String("route", cl.pattern),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
		slog.String("tracking_id", tracking),
	}
	if err != nil {
		level = slog.LevelWarn
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.log.LogAttrs(ctx, level, "zoom request", attrs...)
}

// url joins the API base and the escaped segments; ids and emails are
// escaped so a "/" in one cannot change the path.
func (c *Client) url(segments []string, q url.Values) string {
	u := *c.api
	raw := make([]string, len(segments))
	for i, s := range segments {
		raw[i] = url.PathEscape(s)
	}
	u.Path = c.api.Path + "/" + strings.Join(segments, "/")
	u.RawPath = c.api.EscapedPath() + "/" + strings.Join(raw, "/")
	u.RawQuery = q.Encode()
	return u.String()
}

func decode(cl call, body []byte, out any) error {
	if out == nil || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("zoom: %s: unreadable response: %w", cl.key(), err)
	}
	return nil
}

// isTokenNetworkError reports a token request that failed in transport
// (not a refusal): worth retrying for reads.
func isTokenNetworkError(err error) bool {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		return false
	}
	var ue *url.Error
	return errors.As(err, &ue)
}
