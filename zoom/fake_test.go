package zoom

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// Credentials of the fake Zoom; the secret and token prefix are distinctive
// so redaction tests can search logs for them.
const (
	fakeAccount = "acct-123"
	fakeClient  = "client-abc"
	fakeSecret  = "s3cr3t-VALUE-never-logged"
	tokenPrefix = "tok-SECRET-"
)

// fakeZoom is a tiny Zoom: a token endpoint checking Basic auth and the
// account_credentials grant, and per-test API handlers under /v2.
type fakeZoom struct {
	srv *httptest.Server

	mu          sync.Mutex
	tokenForms  []url.Values
	tokenAuth   []string
	issued      int
	valid       map[string]bool
	expiresIn   int
	refuseToken func(w http.ResponseWriter) bool
	tokenDelay  chan struct{} // when set, token answers wait until it is closed
	routes      map[string]http.HandlerFunc
	seen        []*http.Request
}

func newFakeZoom(t testing.TB) *fakeZoom {
	t.Helper()
	f := &fakeZoom{valid: map[string]bool{}, expiresIn: 3599, routes: map[string]http.HandlerFunc{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// handle registers h for "METHOD /v2/path" (the exact escaped path).
func (f *fakeZoom) handle(key string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.routes[key] = h
}

// revokeAll makes every issued token invalid, as an early expiry would.
func (f *fakeZoom) revokeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.valid = map[string]bool{}
}

func (f *fakeZoom) tokensIssued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.issued
}

func (f *fakeZoom) requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.seen...)
}

func (f *fakeZoom) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/oauth/token" {
		f.serveToken(w, r)
		return
	}
	f.mu.Lock()
	f.seen = append(f.seen, r)
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	ok := f.valid[tok]
	h := f.routes[r.Method+" "+r.URL.EscapedPath()]
	f.mu.Unlock()
	w.Header().Set(trackingHeader, "track-"+r.Method)
	if !ok {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"code": 124, "message": "Invalid access token."})
		return
	}
	if h == nil {
		writeJSON(w, http.StatusNotFound, map[string]any{"code": 404, "message": "no fake route " + r.Method + " " + r.URL.EscapedPath()})
		return
	}
	h(w, r)
}

func (f *fakeZoom) serveToken(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	f.mu.Lock()
	delay := f.tokenDelay
	f.mu.Unlock()
	if delay != nil {
		<-delay
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tokenForms = append(f.tokenForms, r.Form)
	f.tokenAuth = append(f.tokenAuth, r.Header.Get("Authorization"))
	if f.refuseToken != nil && f.refuseToken(w) {
		return
	}
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(fakeClient+":"+fakeSecret))
	if r.Header.Get("Authorization") != want {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"reason": "Invalid client_id or client_secret", "error": "invalid_client"})
		return
	}
	if r.Form.Get("grant_type") != "account_credentials" || r.Form.Get("account_id") != fakeAccount {
		writeJSON(w, http.StatusBadRequest, map[string]any{"reason": "unsupported grant type", "error": "unsupported_grant_type"})
		return
	}
	f.issued++
	tok := fmt.Sprintf("%s%d", tokenPrefix, f.issued)
	f.valid[tok] = true
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "token_type": "bearer", "expires_in": f.expiresIn, "scope": "phone:read:admin"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// config points a client at the fake.
func (f *fakeZoom) config() Config {
	return Config{
		AccountID: fakeAccount, ClientID: fakeClient, ClientSecret: fakeSecret,
		APIURL: f.srv.URL + "/v2", OAuthURL: f.srv.URL + "/oauth/token",
		HTTPClient: f.srv.Client(),
	}
}

// newTestClient returns a client on cfg with fast retries, unthrottled
// limiters (tests of throttling use their own) and a debug log in buf.
func newTestClient(t testing.TB, cfg Config, buf *bytes.Buffer) *Client {
	t.Helper()
	if buf != nil {
		cfg.Logger = slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	c.retry.scale = 0.001 // 1 s of Retry-After becomes 1 ms
	c.tokens.waitScale = 0.001
	for l := range c.limits {
		c.limits[l] = rate.NewLimiter(rate.Inf, 1)
	}
	return c
}

// waits records the waits the retry loop chose.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) observe(d time.Duration, _ error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
}

func (w *waits) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}
