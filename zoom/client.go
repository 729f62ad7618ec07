package zoom

import (
	"cmp"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/time/rate"
)

// defaultMaxBody caps every response body read: Zoom's largest pages are a
// few hundred KiB, so 8 MiB only stops a misbehaving server.
const defaultMaxBody = 8 << 20

// defaultTimeout bounds one round trip when the caller gave no HTTP client;
// contexts bound whole calls.
const defaultTimeout = 60 * time.Second

// Client talks to one Zoom account. It is safe for concurrent use.
type Client struct {
	api    *url.URL
	http   *http.Client
	oauth  clientcredentials.Config
	log    *slog.Logger
	limits map[label]*rate.Limiter

	tokens     tokenState
	contention contention

	statsMu sync.Mutex
	stats   Stats

	numbers numbersChoice // which number list answers (numbers.go)

	// Test knobs, unexported so only this package's tests change them.
	retry   retryPolicy
	maxBody int64
	now     func() time.Time
}

// Stats counts what the client did, for tests and benchmarks that count
// round trips.
type Stats struct {
	// Requests counts HTTP round trips per "METHOD /path/{pattern}", retries
	// and the resend after a token renewal included.
	Requests map[string]int
	// Total is the sum of Requests.
	Total int
	// Retries counts round trips that repeated an earlier one.
	Retries int
	// TokenFetches counts requests to the OAuth token endpoint.
	TokenFetches int
}

// New checks cfg and returns a client. It sends nothing: the first call
// fetches the access token.
func New(cfg Config) (*Client, error) {
	if missing := cfg.Missing(); len(missing) > 0 {
		return nil, fmt.Errorf("zoom: missing credentials: set %s", strings.Join(missing, ", "))
	}
	cfg.APIURL = cmp.Or(cfg.APIURL, DefaultAPIURL)
	cfg.OAuthURL = cmp.Or(cfg.OAuthURL, DefaultOAuthURL)
	api, err := parseBaseURL(cfg.APIURL, envAPIURL)
	if err != nil {
		return nil, err
	}
	if _, err := parseBaseURL(cfg.OAuthURL, envOAuthURL); err != nil {
		return nil, err
	}
	plan, err := normalisePlan(cfg.Plan)
	if err != nil {
		return nil, err
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: defaultTimeout}
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	api.Path = strings.TrimRight(api.Path, "/")
	api.RawPath = ""
	retry := defaultRetryPolicy()
	if cfg.RetryWaitScale > 0 {
		retry.scale = cfg.RetryWaitScale
	}
	params := url.Values{
		"grant_type": {"account_credentials"},
		"account_id": {strings.TrimSpace(cfg.AccountID)},
	}
	if cfg.TokenIndex != "" {
		params.Set("index", cfg.TokenIndex) // zoom-api.md §11.1
	}
	return &Client{
		api:  api,
		http: withoutRedirects(hc),
		oauth: clientcredentials.Config{
			ClientID:     strings.TrimSpace(cfg.ClientID),
			ClientSecret: strings.TrimSpace(cfg.ClientSecret),
			TokenURL:     cfg.OAuthURL,
			// Zoom's Server-to-Server grant is account_credentials, not
			// client_credentials; clientcredentials lets grant_type be replaced.
			EndpointParams: params,
			AuthStyle:      oauth2.AuthStyleInHeader,
		},
		log:     logger,
		limits:  newLimiters(plan),
		retry:   retry,
		maxBody: defaultMaxBody,
		now:     time.Now,
		stats:   Stats{Requests: map[string]int{}},
		tokens:  tokenState{waitScale: cfg.RetryWaitScale},
	}, nil
}

func parseBaseURL(raw, env string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err == nil && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
		err = errors.New("it needs http:// or https:// and a host")
	}
	if err != nil {
		return nil, fmt.Errorf("zoom: %s %q is not a usable URL: %v", env, raw, err)
	}
	return u, nil
}

// Stats returns a copy of the request counts so far.
func (c *Client) Stats() Stats {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	s := c.stats
	s.Requests = maps.Clone(c.stats.Requests)
	return s
}

func (c *Client) count(key string, retry bool) {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	c.stats.Requests[key]++
	c.stats.Total++
	if retry {
		c.stats.Retries++
	}
}

func (c *Client) countToken() {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	c.stats.TokenFetches++
}

// String names the client's API base only: the struct holds the client
// secret, which %v must never print.
func (c *Client) String() string { return "zoom.Client{" + c.api.String() + "}" }

// GoString redacts under %#v too.
func (c *Client) GoString() string { return c.String() }
