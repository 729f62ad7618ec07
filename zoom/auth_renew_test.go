package zoom

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// When Zoom invalidates the token under many requests at once (another
// program fetched one), all of them share ONE new token: each extra fetch
// would kill a token someone else uses (zoom-api.md §11.1).
func TestConcurrentRefusalsShareOneRenewal(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	c := newTestClient(t, f.config(), nil)
	ctx := context.Background()
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	f.revokeAll()
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if _, err := c.ListCallingPlans(ctx); err != nil {
				t.Errorf("ListCallingPlans: %v", err)
			}
		})
	}
	wg.Wait()
	if got := f.tokensIssued(); got != 2 {
		t.Errorf("tokens issued = %d, want 2 (the first, and one renewal shared by 16 refused requests)", got)
	}
}

// A request refused on an old token takes the newer one another request
// already fetched instead of fetching again.
func TestRefusedOldTokenUsesNewerCachedOne(t *testing.T) {
	f := newFakeZoom(t)
	c := newTestClient(t, f.config(), nil)
	ctx := context.Background()
	first, err := c.token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.tokenNewerThan(ctx, first.gen)
	if err != nil || second.gen <= first.gen {
		t.Fatalf("renewal = gen %d, %v; want newer than %d", second.gen, err, first.gen)
	}
	again, err := c.tokenNewerThan(ctx, first.gen)
	if err != nil || again.AccessToken != second.AccessToken {
		t.Fatalf("a second caller refused on the old token got %v, %v; want the cached renewal", again.gen, err)
	}
	if got := f.tokensIssued(); got != 2 {
		t.Errorf("tokens issued = %d, want 2", got)
	}
}

// A client that needs no request fetches no token: building one and asking
// which scopes it holds sends nothing.
func TestNoTokenFetchedWithoutARequest(t *testing.T) {
	f := newFakeZoom(t)
	c := newTestClient(t, f.config(), nil)
	if _, ok := c.GrantedScopes(); ok {
		t.Error("GrantedScopes reported a token before any request")
	}
	if got := f.tokensIssued(); got != 0 {
		t.Errorf("tokens issued = %d, want 0", got)
	}
}

// A caller that gives up while the shared fetch runs does not fail the
// others waiting on it, and the fetch still lands in the cache.
func TestCancelledStarterDoesNotFailSharedFetch(t *testing.T) {
	f := newFakeZoom(t)
	release := make(chan struct{})
	f.tokenDelay = release
	c := newTestClient(t, f.config(), nil)
	cctx, cancel := context.WithCancel(context.Background())
	started := make(chan error, 1)
	go func() { _, err := c.token(cctx); started <- err }()
	time.Sleep(20 * time.Millisecond) // let the first caller start the flight
	other := make(chan error, 1)
	go func() { _, err := c.token(context.Background()); other <- err }()
	cancel()
	if err := <-started; err == nil {
		t.Error("the cancelled caller got a token, want its context error")
	}
	close(release)
	if err := <-other; err != nil {
		t.Errorf("the other waiter: %v", err)
	}
	if got := f.tokensIssued(); got != 1 {
		t.Errorf("tokens issued = %d, want 1", got)
	}
}

// A batch POST refused with 401 was not acted on by Zoom (zoom-api.md
// §11.1): the client renews the token and sends it again, once.
func TestBatchPostRefused401IsResentWithNewToken(t *testing.T) {
	f := newFakeZoom(t)
	refusedOnce := false
	f.handle("POST /v2/phone/users/batch", func(w http.ResponseWriter, _ *http.Request) {
		if !refusedOnce {
			refusedOnce = true
			f.revokeAll() // another program took the token
			writeJSON(w, http.StatusUnauthorized, map[string]any{"code": 124, "message": "Invalid access token."})
			return
		}
		writeJSON(w, http.StatusCreated, []map[string]any{{"id": "u1", "email": "a@example.com"}})
	})
	c := newTestClient(t, f.config(), nil)
	res, err := c.BatchAddUsers(context.Background(), []BatchUser{{Email: "a@example.com", ExtensionNumber: "100", CallingPlans: []string{}}})
	if err != nil || len(res) != 1 {
		t.Fatalf("BatchAddUsers = %v, %v; want the user created after one renewal", res, err)
	}
	if got := c.Stats().Requests["POST /phone/users/batch"]; got != 2 {
		t.Errorf("POSTs = %d, want 2", got)
	}
	if got := f.tokensIssued(); got != 2 {
		t.Errorf("tokens issued = %d, want 2", got)
	}
}

// ZOOM_TOKEN_INDEX reaches the token request as "index", so tools given
// different indexes by Zoom stop killing each other's tokens.
func TestTokenIndexSentWithTheTokenRequest(t *testing.T) {
	f := newFakeZoom(t)
	cfg := f.config()
	cfg.TokenIndex = "2"
	c := newTestClient(t, cfg, nil)
	if _, err := c.FetchToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := f.tokenForms[0].Get("index"); got != "2" {
		t.Errorf("index = %q, want 2", got)
	}
}
