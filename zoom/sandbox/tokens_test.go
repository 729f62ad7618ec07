package sandbox

import (
	"strings"
	"testing"
)

// With one-token (Zoom's rule, zoom-api.md §11.1) a new token kills the
// app's earlier one: 401/124 on a token that has not expired.
func TestNewTokenInvalidatesEarlierOne(t *testing.T) {
	e := newEnv(t, Options{OneTokenPerApp: true})
	old := e.token
	e.token = e.fetchToken()
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
		t.Fatalf("new token: status %d", status)
	}
	e.token = old
	status, body := e.call("GET", "/v2/phone/sites", nil)
	if status != 401 || !strings.Contains(string(body), `"code":124`) {
		t.Errorf("old token: %d %s, want 401/124", status, body)
	}
}

// Without the behaviour, tokens coexist (the earlier sandbox default).
func TestTokensCoexistByDefault(t *testing.T) {
	e := newEnv(t, Options{})
	old := e.token
	_ = e.fetchToken()
	e.token = old
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
		t.Errorf("old token after a second fetch: %d, want 200", status)
	}
}

// A missing granular scope: the token's scope field lacks it, and a call
// needing it answers 400/104 naming it (zoom-api.md §11.2); others work.
func TestMissingScopeRefusedWith104(t *testing.T) {
	e := newEnv(t, Options{MissingScopes: []string{"phone:read:list_users:admin"}})
	status, body := e.call("GET", "/v2/phone/users", nil)
	if status != 400 || !strings.Contains(string(body), `"code":104`) ||
		!strings.Contains(string(body), "does not contain scopes:[phone:read:list_users:admin]") {
		t.Errorf("GET /phone/users: %d %s, want 400/104 naming the scope", status, body)
	}
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
		t.Errorf("GET /phone/sites: %d, want 200", status)
	}
	acct, id, secret := e.sb.Credentials()
	_, m := tokenRequest(t, e, "?grant_type=account_credentials&account_id="+acct, nil, id, secret)
	scope, _ := m["scope"].(string)
	if strings.Contains(scope, "phone:read:list_users:admin") || !strings.Contains(scope, "phone:write:batch_users:admin") {
		t.Errorf("scope field %q: want the batch scope and not the missing one", scope)
	}
}

// Classic apps hold classic scopes, each covering its routes.
func TestClassicScopesCoverGranularRoutes(t *testing.T) {
	e := newEnv(t, Options{ClassicScopes: true, MissingScopes: []string{"user:read:admin"}})
	if status, _ := e.call("GET", "/v2/phone/users", nil); status != 200 {
		t.Errorf("GET /phone/users with phone:read:admin: %d", status)
	}
	status, body := e.call("GET", "/v2/users/someone@example.com", nil)
	if status != 400 || !strings.Contains(string(body), "user:read:admin") {
		t.Errorf("GET /users without user:read:admin: %d %s", status, body)
	}
}

// The token thief takes the app's token after every N authorised requests.
func TestTokenThiefStealsEveryNRequests(t *testing.T) {
	e := newEnv(t, Options{TokenThief: 3})
	for i := 1; i <= 3; i++ {
		if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
			t.Fatalf("request %d: %d", i, status)
		}
	}
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 401 {
		t.Errorf("request 4: %d, want 401 (stolen after 3)", status)
	}
	if issued, stolen := e.sb.TokenCounts(); issued != 1 || stolen != 1 {
		t.Errorf("TokenCounts = %d issued, %d stolen; want 1, 1", issued, stolen)
	}
}

// Tokens of different indexes coexist under one-token (Zoom's index
// tolerance, zoom-api.md §11.1); a new token kills only its own index's.
func TestTokenIndexesCoexist(t *testing.T) {
	e := newEnv(t, Options{OneTokenPerApp: true})
	acct, id, secret := e.sb.Credentials()
	_, m := tokenRequest(t, e, "?grant_type=account_credentials&index=1&account_id="+acct, nil, id, secret)
	indexed, _ := m["access_token"].(string)
	_ = e.fetchToken() // index 0 again: kills only the first index-0 token
	e.token = indexed
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
		t.Errorf("index-1 token after an index-0 fetch: %d, want 200", status)
	}
}
