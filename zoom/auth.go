package zoom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/sync/singleflight"
)

// tokenMargin is how long before expiry a cached token is renewed, as Zoom's
// own SDK does: a request must not start with a token about to die.
const tokenMargin = 60 * time.Second

// tokenFetchTimeout bounds one token request. The fetch runs detached from
// the caller that started it, since other requests wait on the same fetch.
const tokenFetchTimeout = 30 * time.Second

// tokenState is the client's one access token and the one fetch in flight.
// Zoom invalidates an S2S token as soon as a new one is issued for the same
// app (zoom-api.md §11.1), so every extra fetch kills a token someone else
// is using: the client never fetches unless a request needs one, and all
// requests that need one at the same moment share a single fetch.
type tokenState struct {
	mu  sync.Mutex
	tok *oauth2.Token
	at  time.Time // when tok was fetched
	gen uint64    // bumped on every fetched token; 0 means none yet
	// refused is the newest generation Zoom refused: no request sends it
	// again, each asks for a newer one.
	refused uint64
	sf      singleflight.Group
	// waitScale multiplies the backoff between renewals (tests shrink it).
	waitScale float64
}

// heldToken is a token together with its generation, so a request that got
// 401 on it can ask for one strictly newer.
type heldToken struct {
	*oauth2.Token
	gen uint64
	at  time.Time // when it was fetched
}

// token returns the cached access token, fetching one when there is none or
// it is about to expire.
func (c *Client) token(ctx context.Context) (heldToken, error) {
	return c.tokenNewerThan(ctx, 0)
}

// tokenNewerThan returns a usable token of a generation above stale: the
// cached one when another request already renewed it, else the result of
// the one fetch in flight (started here if there is none). stale 0 accepts
// any fresh cached token.
func (c *Client) tokenNewerThan(ctx context.Context, stale uint64) (heldToken, error) {
	t := &c.tokens
	for {
		if held, ok := c.cachedNewerThan(stale); ok {
			return held, nil
		}
		ch := t.sf.DoChan("token", func() (any, error) {
			// Another flight may have landed between the check above and
			// this one starting: use its token rather than kill it.
			if held, ok := c.cachedNewerThan(stale); ok {
				return held, nil
			}
			// Detached: the caller that started the fetch may give up, while
			// others still wait on it.
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), tokenFetchTimeout)
			defer cancel()
			tok, err := c.fetchToken(fctx)
			if err != nil {
				return nil, err
			}
			t.mu.Lock()
			t.tok, t.at = tok, time.Now()
			t.gen++
			held := heldToken{tok, t.gen, t.at}
			t.mu.Unlock()
			return held, nil
		})
		var r singleflight.Result
		select {
		case <-ctx.Done():
			return heldToken{}, ctx.Err()
		case r = <-ch:
		}
		if r.Err != nil {
			return heldToken{}, r.Err
		}
		if held := r.Val.(heldToken); held.gen > stale {
			return held, nil
		}
		// We joined a flight started for an older token than ours, which
		// answered with the very token we were refused: ask again.
	}
}

// cachedNewerThan returns the cached token when it is of a generation above
// stale and not about to expire.
func (c *Client) cachedNewerThan(stale uint64) (heldToken, bool) {
	t := &c.tokens
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tok != nil && t.gen > max(stale, t.refused) && c.fresh(t.tok) {
		return heldToken{t.tok, t.gen, t.at}, true
	}
	return heldToken{}, false
}

// markRefused records that Zoom refused the token of generation gen.
func (c *Client) markRefused(gen uint64) {
	c.tokens.mu.Lock()
	defer c.tokens.mu.Unlock()
	c.tokens.refused = max(c.tokens.refused, gen)
}

// GrantedScopes returns the scopes of the token the client holds, and false
// when it holds none yet or the token listed none (nothing can be judged
// then). It never fetches one: asking Zoom for a token just to look would
// invalidate the one another program is using.
func (c *Client) GrantedScopes() ([]string, bool) {
	c.tokens.mu.Lock()
	defer c.tokens.mu.Unlock()
	if c.tokens.tok == nil {
		return nil, false
	}
	scopes := TokenScopes(c.tokens.tok)
	return scopes, len(scopes) > 0
}

// FetchToken makes sure the client holds a token, fetching one only when it
// has none usable, and returns its scopes. zpadd doctor and login use it.
func (c *Client) FetchToken(ctx context.Context) ([]string, error) {
	held, err := c.token(ctx)
	if err != nil {
		return nil, err
	}
	return TokenScopes(held.Token), nil
}

// TokenScopes splits the token response's space-separated "scope" field
// (zoom-api.md §2.2).
func TokenScopes(tok *oauth2.Token) []string {
	if tok == nil {
		return nil
	}
	s, _ := tok.Extra("scope").(string)
	return strings.Fields(s)
}

// fresh reports whether tok outlives the renewal margin; short-lived tokens
// (tests, the sandbox) use half their lifetime as the margin.
func (c *Client) fresh(tok *oauth2.Token) bool {
	if tok.Expiry.IsZero() {
		return true
	}
	margin := tokenMargin
	if life := time.Duration(tok.ExpiresIn) * time.Second; life > 0 && life/2 < margin {
		margin = life / 2
	}
	return c.now().Add(margin).Before(tok.Expiry)
}

// fetchToken asks Zoom's token endpoint for a new access token. A refusal
// becomes an *Error naming Zoom's OAuth error; the secret and token never
// reach the error or the log.
func (c *Client) fetchToken(ctx context.Context) (*oauth2.Token, error) {
	c.countToken()
	start := time.Now()
	tok, err := c.oauth.Token(context.WithValue(ctx, oauth2.HTTPClient, c.http))
	if err == nil && tok.AccessToken == "" {
		err = errors.New("zoom: the token endpoint answered without an access_token")
	}
	if rd := (*RedirectError)(nil); errors.As(err, &rd) {
		// url.Error's text would repeat the Location with its query.
		err = fmt.Errorf("zoom: access token request: %w", rd)
	}
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) && re.Response != nil {
			ze := newError(re.Response, re.Body, http.MethodPost, c.oauth.TokenURL, c.now())
			if ze.OAuth == "" && ze.Status < 500 {
				ze.OAuth = re.ErrorCode
			}
			if ze.OAuth == "" {
				ze.Message = "access token request failed: " + ze.Message
			}
			c.log.LogAttrs(ctx, slog.LevelWarn, "zoom token refused",
				slog.Int("status", ze.Status), slog.Int("code", ze.Code), slog.String("error", ze.OAuth),
				slog.String("tracking_id", ze.TrackingID), slog.Duration("duration", time.Since(start)))
			return nil, ze
		}
		c.log.LogAttrs(ctx, slog.LevelWarn, "zoom token request failed",
			slog.String("error", err.Error()), slog.Duration("duration", time.Since(start)))
		return nil, err
	}
	c.log.LogAttrs(ctx, slog.LevelDebug, "zoom token fetched",
		slog.Int64("expires_in", tok.ExpiresIn), slog.Int("scopes", len(TokenScopes(tok))),
		slog.Duration("duration", time.Since(start)))
	return tok, nil
}
