package zoom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// tokenMargin is how long before expiry a cached token is renewed, as Zoom's
// own SDK does: a request must not start with a token about to die.
const tokenMargin = 60 * time.Second

// token returns the cached access token, fetching a new one when there is
// none or it is about to expire. The lock makes concurrent callers share one
// fetch instead of each asking Zoom.
func (c *Client) token(ctx context.Context) (*oauth2.Token, error) {
	c.tokMu.Lock()
	defer c.tokMu.Unlock()
	if c.tok != nil && c.fresh(c.tok) {
		return c.tok, nil
	}
	tok, err := c.fetchToken(ctx)
	if err != nil {
		return nil, err
	}
	c.tok = tok
	return tok, nil
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

// dropToken forgets tok after Zoom said it is invalid (401, code 124), unless
// another request already replaced it.
func (c *Client) dropToken(tok *oauth2.Token) {
	c.tokMu.Lock()
	defer c.tokMu.Unlock()
	if c.tok == tok {
		c.tok = nil
	}
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
		slog.Int64("expires_in", tok.ExpiresIn), slog.Duration("duration", time.Since(start)))
	return tok, nil
}
