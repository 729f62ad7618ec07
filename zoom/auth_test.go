package zoom

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func plansHandler(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"calling_plans": []map[string]any{{"name": "US/CA Unlimited Calling Plan", "type": 200, "subscribed": 5, "assigned": 2, "available": 3}}})
}

// The token request must be Zoom's S2S form: Basic client_id:client_secret
// in the header, grant_type=account_credentials and account_id as params.
func TestTokenRequestUsesBasicAuthAndAccountCredentials(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	c := newTestClient(t, f.config(), nil)
	if _, err := c.ListCallingPlans(context.Background()); err != nil {
		t.Fatalf("ListCallingPlans: %v", err)
	}
	if len(f.tokenAuth) != 1 {
		t.Fatalf("token requests = %d, want 1", len(f.tokenAuth))
	}
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(fakeClient+":"+fakeSecret))
	if f.tokenAuth[0] != want {
		t.Errorf("Authorization = %q, want %q", f.tokenAuth[0], want)
	}
	form := f.tokenForms[0]
	if form.Get("grant_type") != "account_credentials" || form.Get("account_id") != fakeAccount {
		t.Errorf("token params = %v, want grant_type=account_credentials account_id=%s", form, fakeAccount)
	}
	if form.Get("client_secret") != "" {
		t.Errorf("client secret sent as a parameter: %v", form)
	}
}

// A token is fetched once and reused, even by concurrent callers.
func TestTokenCachedAndSharedByConcurrentCalls(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	c := newTestClient(t, f.config(), nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.ListCallingPlans(context.Background()); err != nil {
				t.Errorf("ListCallingPlans: %v", err)
			}
		})
	}
	wg.Wait()
	if got := f.tokensIssued(); got != 1 {
		t.Errorf("tokens issued = %d, want 1", got)
	}
	if s := c.Stats(); s.TokenFetches != 1 || s.Requests["GET /phone/calling_plans"] != 8 {
		t.Errorf("stats = %+v, want 1 token fetch and 8 plan requests", s)
	}
}

// A token close to expiry is renewed before use rather than sent to die.
func TestTokenRenewedBeforeExpiry(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	c := newTestClient(t, f.config(), nil)
	now := time.Now()
	c.now = func() time.Time { return now }
	ctx := context.Background()
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	now = now.Add(3599*time.Second - 30*time.Second) // inside the 60 s margin
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	if got := f.tokensIssued(); got != 2 {
		t.Errorf("tokens issued = %d, want 2 (renewed inside the margin)", got)
	}
}

// A 401 with code 124 mid-run drops the token and resends once with a new one.
func TestExpiredTokenRenewedAndRequestResentOnce(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	c := newTestClient(t, f.config(), nil)
	ctx := context.Background()
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	f.revokeAll()
	plans, err := c.ListCallingPlans(ctx)
	if err != nil {
		t.Fatalf("after revocation: %v", err)
	}
	if len(plans) != 1 {
		t.Errorf("plans = %v", plans)
	}
	if got := f.tokensIssued(); got != 2 {
		t.Errorf("tokens issued = %d, want 2", got)
	}
	if got := c.Stats().Requests["GET /phone/calling_plans"]; got != 3 {
		t.Errorf("plan requests = %d, want 3 (ok, 401, resend)", got)
	}
}

// A token that keeps being refused ends, after a bounded number of renewals
// with backoff between them, in an error saying another program probably
// shares the app's credentials; it is a not-sent error (Zoom acted on none).
func TestPersistent401GivesUpWithContentionMessage(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("POST /v2/phone/users/batch", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"code": 124, "message": "Invalid access token."})
	})
	c := newTestClient(t, f.config(), nil)
	_, err := c.BatchAddUsers(context.Background(), []BatchUser{{Email: "a@example.com", ExtensionNumber: "100", CallingPlans: []string{}}})
	var ze *Error
	if !errors.As(err, &ze) || ze.Status != 401 || ze.Code != 124 {
		t.Fatalf("err = %v, want the 401/124 *Error inside", err)
	}
	if !IsTokenContention(err) || !IsNotSent(err) || !IsAuth(err) {
		t.Errorf("IsTokenContention=%v IsNotSent=%v IsAuth=%v, want all true", IsTokenContention(err), IsNotSent(err), IsAuth(err))
	}
	for _, want := range []string{"another program", "its own Server-to-Server app", "token index"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if got := c.Stats().Requests["POST /phone/users/batch"]; got != maxTokenRefusals {
		t.Errorf("POSTs = %d, want %d (bounded renewals)", got, maxTokenRefusals)
	}
	if got := f.tokensIssued(); got != maxTokenRefusals {
		t.Errorf("tokens issued = %d, want %d (one per refusal)", got, maxTokenRefusals)
	}
}

// A refused token names Zoom's OAuth error, reason and code.
func TestOAuthRefusalNamesZoomError(t *testing.T) {
	f := newFakeZoom(t)
	f.refuseToken = func(w http.ResponseWriter) bool {
		w.Header().Set(trackingHeader, "oauth-track")
		writeJSON(w, http.StatusUnauthorized, map[string]any{"reason": "Invalid client_id or client_secret", "error": "invalid_client", "code": 4702})
		return true
	}
	c := newTestClient(t, f.config(), nil)
	_, err := c.ListSites(context.Background())
	var ze *Error
	if !errors.As(err, &ze) {
		t.Fatalf("err = %T %v, want *Error", err, err)
	}
	msg := err.Error()
	for _, want := range []string{"invalid_client", "Invalid client_id or client_secret", "4702", "401"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if ze.OAuth != "invalid_client" || ze.TrackingID != "oauth-track" {
		t.Errorf("OAuth=%q TrackingID=%q", ze.OAuth, ze.TrackingID)
	}
	if !IsAuth(err) || !IsNotSent(err) {
		t.Errorf("IsAuth=%v IsNotSent=%v, want both true", IsAuth(err), IsNotSent(err))
	}
	if got := len(f.tokenForms); got != 1 {
		t.Errorf("token attempts = %d, want 1 (a refusal is not retried)", got)
	}
	if strings.Contains(msg, fakeSecret) {
		t.Errorf("message leaks the secret: %q", msg)
	}
}

// Wrong credentials against the fake's real check give invalid_client too.
func TestWrongSecretRefused(t *testing.T) {
	f := newFakeZoom(t)
	cfg := f.config()
	cfg.ClientSecret = "wrong"
	c := newTestClient(t, cfg, nil)
	_, err := c.GetUser(context.Background(), "a@example.com")
	if err == nil || !strings.Contains(err.Error(), "invalid_client") {
		t.Fatalf("err = %v, want invalid_client", err)
	}
}

// A token endpoint failing without an OAuth error says it was the token
// request, and a read retries it.
func TestTokenEndpoint5xxNamedAndRetried(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	fails := 1
	f.refuseToken = func(w http.ResponseWriter) bool {
		if fails == 0 {
			return false
		}
		fails--
		w.WriteHeader(http.StatusBadGateway)
		return true
	}
	c := newTestClient(t, f.config(), nil)
	if _, err := c.ListCallingPlans(context.Background()); err != nil {
		t.Fatalf("err = %v, want success after the token request is retried", err)
	}
	fails = 1000
	forgetToken(c)
	_, err := c.ListCallingPlans(context.Background())
	if err == nil || !strings.Contains(err.Error(), "[502] access token request failed: Bad Gateway") {
		t.Fatalf("err = %v, want the token failure named", err)
	}
}

// forgetToken drops the client's cached token, as if it had never fetched.
func forgetToken(c *Client) {
	c.tokens.mu.Lock()
	defer c.tokens.mu.Unlock()
	c.tokens.tok = nil
}
