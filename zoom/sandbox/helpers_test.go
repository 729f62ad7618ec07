package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a settable clock for Options.Now.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// env is a sandbox behind an httptest server with a valid token.
type env struct {
	t     *testing.T
	sb    *Sandbox
	srv   *httptest.Server
	token string
}

func newEnv(t *testing.T, o Options) *env {
	t.Helper()
	return newEnvWith(t, New(o))
}

func newEnvWith(t *testing.T, sb *Sandbox) *env {
	t.Helper()
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	e := &env{t: t, sb: sb, srv: srv}
	e.token = e.fetchToken()
	return e
}

func (e *env) fetchToken() string {
	e.t.Helper()
	acct, id, secret := e.sb.Credentials()
	req, _ := http.NewRequest("POST", e.srv.URL+"/oauth/token?grant_type=account_credentials&account_id="+url.QueryEscape(acct), nil)
	req.SetBasicAuth(id, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != 200 || tok.AccessToken == "" {
		e.t.Fatalf("token: status %d err %v", resp.StatusCode, err)
	}
	return tok.AccessToken
}

// call sends a request with the env's token and returns status and body.
func (e *env) call(method, path string, body any) (int, []byte) {
	e.t.Helper()
	status, _, b := e.callH(method, path, body)
	return status, b
}

func (e *env) callH(method, path string, body any) (int, http.Header, []byte) {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, rd)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// getJSON GETs path, wants 200, and decodes into v.
func (e *env) getJSON(path string, v any) {
	e.t.Helper()
	status, b := e.call("GET", path, nil)
	if status != 200 {
		e.t.Fatalf("GET %s: status %d: %s", path, status, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		e.t.Fatalf("GET %s: %v: %s", path, err, b)
	}
}

func decodeErr(t *testing.T, b []byte) apiError {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("error body %q: %v", b, err)
	}
	return e
}

// goodUser is a batch user that the standard seed accepts at Main Site.
func goodUser(email, ext string) map[string]any {
	return map[string]any{"email": email, "extension_number": ext, "calling_plans": []string{"US/CA Unlimited"}, "site_name": "Main Site"}
}

func batch(users ...map[string]any) map[string]any {
	list := make([]any, len(users))
	for i, u := range users {
		list[i] = u
	}
	return map[string]any{"users": list}
}

var freeEmails = []string{"grace.wilson", "henry.moore", "isabel.taylor", "jack.anderson", "jose.nunez", "zoe.clarke",
	"lukasz.kowalski", "taro.yamada", "hanako.sato", "siobhan.obrien", "francois.dupont", "mei.chen"}

func free(i int) string { return freeEmails[i] + "@example.com" }
