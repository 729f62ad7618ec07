package zoom

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
)

// Nothing secret reaches the log: not the client secret, not an access
// token, not an Authorization header, through token fetch, success,
// renewal after 401/124, an API error and an OAuth refusal.
func TestLogsNeverContainSecretsOrTokens(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	f.handle("GET /v2/phone/sites/bad", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, map[string]any{"code": 300, "message": "bad site"})
	})
	var buf bytes.Buffer
	c := newTestClient(t, f.config(), &buf)
	ctx := context.Background()
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	f.revokeAll()
	if _, err := c.ListCallingPlans(ctx); err != nil {
		t.Fatal(err)
	}
	_, _ = c.GetSite(ctx, "bad")

	cfg := f.config()
	cfg.ClientSecret = fakeSecret + "-wrong"
	bad := newTestClient(t, cfg, &buf)
	if _, err := bad.ListCallingPlans(ctx); err == nil || strings.Contains(err.Error(), fakeSecret) {
		t.Errorf("refusal error = %v", err)
	}

	log := buf.String()
	if !strings.Contains(log, "GET") || !strings.Contains(log, "/v2/phone/calling_plans") || !strings.Contains(log, "track-GET") || !strings.Contains(log, "status=200") {
		t.Fatalf("log lacks method/path/status/tracking id:\n%s", log)
	}
	for _, secret := range []string{fakeSecret, tokenPrefix, "Bearer", "Basic ", "Authorization"} {
		if strings.Contains(log, secret) {
			t.Errorf("log contains %q:\n%s", secret, log)
		}
	}
}
