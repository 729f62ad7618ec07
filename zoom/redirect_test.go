package zoom

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// elsewhere is where a hostile redirect points: it records every request
// and any credential that reached it.
type elsewhere struct {
	srv         *httptest.Server
	mu          sync.Mutex
	hits        int
	credentials []string
}

func newElsewhere(t *testing.T) *elsewhere {
	e := &elsewhere{}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.hits++
		if a := r.Header.Get("Authorization"); a != "" {
			e.credentials = append(e.credentials, a)
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(e.srv.Close)
	return e
}

func redirectTo(target string, count *int, mu *sync.Mutex) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		*count++
		mu.Unlock()
		http.Redirect(w, r, target+r.URL.Path+"?token=leak", http.StatusTemporaryRedirect)
	}
}

// A 307 on the batch POST (which would re-POST the users' data) and on a
// read is refused: the target gets nothing, no bearer token, the origin
// is asked once (no retry), and the error names the Location.
func TestAPIRedirectIsRefusedAndNothingResent(t *testing.T) {
	target := newElsewhere(t)
	f := newFakeZoom(t)
	var mu sync.Mutex
	origin := 0
	f.handle("POST /v2/phone/users/batch", redirectTo(target.srv.URL, &origin, &mu))
	f.handle("GET /v2/phone/calling_plans", redirectTo(target.srv.URL, &origin, &mu))
	c := newTestClient(t, f.config(), nil)

	_, err := c.BatchAddUsers(context.Background(), []BatchUser{{Email: "a@example.com", CallingPlans: []string{"US/CA Unlimited"}}})
	checkRedirectError(t, err, target.srv.URL+"/v2/phone/users/batch")
	_, err = c.ListCallingPlans(context.Background())
	checkRedirectError(t, err, target.srv.URL+"/v2/phone/calling_plans")

	if origin != 2 {
		t.Errorf("the origin was asked %d times, want 2 (once per call, no retry)", origin)
	}
	if target.hits != 0 || len(target.credentials) != 0 {
		t.Errorf("the redirect target got %d requests, credentials %q", target.hits, target.credentials)
	}
}

// A redirect on the token endpoint is refused before the Basic client
// credentials reach the target, and not retried.
func TestTokenRedirectIsRefusedAndNoCredentialLeaves(t *testing.T) {
	target := newElsewhere(t)
	f := newFakeZoom(t)
	var mu sync.Mutex
	tokenHits := 0
	cfg := f.config()
	tokenSrv := httptest.NewServer(redirectTo(target.srv.URL, &tokenHits, &mu))
	t.Cleanup(tokenSrv.Close)
	cfg.OAuthURL = tokenSrv.URL + "/oauth/token"
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	c := newTestClient(t, cfg, nil)

	_, err := c.ListCallingPlans(context.Background())
	checkRedirectError(t, err, target.srv.URL+"/oauth/token")
	if tokenHits != 1 {
		t.Errorf("the token endpoint was asked %d times, want 1", tokenHits)
	}
	if target.hits != 0 || len(target.credentials) != 0 {
		t.Errorf("the redirect target got %d requests, credentials %q", target.hits, target.credentials)
	}
	if len(f.seen) != 0 {
		t.Errorf("the API was called without a token: %d requests", len(f.seen))
	}
}

func checkRedirectError(t *testing.T, err error, location string) {
	t.Helper()
	var re *RedirectError
	if !errors.As(err, &re) {
		t.Fatalf("want a RedirectError, got %v", err)
	}
	if re.Location != location || re.Status != http.StatusTemporaryRedirect {
		t.Errorf("redirect = %d %q, want 307 %q", re.Status, re.Location, location)
	}
	if msg := err.Error(); !strings.Contains(msg, location) || strings.Contains(msg, "leak") {
		t.Errorf("the message must name the Location without its query: %s", msg)
	}
}
