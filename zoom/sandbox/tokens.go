package sandbox

import (
	"crypto/rand"
	"encoding/base64"
	"slices"
	"strings"
	"time"
)

// routeScopes are the granular scopes Zoom's OpenAPI names for each route
// the sandbox serves (zoom-api.md §2.4, §11.2). A route missing here needs
// no scope in the sandbox.
var routeScopes = map[string]string{
	"GET /v2/phone/sites":                         "phone:read:list_sites:admin",
	"GET /v2/phone/sites/{siteId}":                "phone:read:site:admin",
	"GET /v2/phone/setting_templates":             "phone:read:list_setting_templates:admin",
	"GET /v2/phone/calling_plans":                 "phone:read:list_calling_plans:admin",
	"GET /v2/phone/numbers":                       "phone:read:list_numbers:admin",
	"GET /v2/number_management/numbers":           "number_management:read:list_numbers:admin",
	"GET /v2/phone/provision_templates":           "phone:read:list_provision_templates:admin",
	"GET /v2/phone/devices":                       "phone:read:list_devices:admin",
	"GET /v2/phone/users":                         "phone:read:list_users:admin",
	"GET /v2/phone/users/{userId}":                "phone:read:user:admin",
	"POST /v2/phone/users/batch":                  "phone:write:batch_users:admin",
	"GET /v2/users/{userId}":                      "user:read:user:admin",
	"GET /v2/phone/emergency_addresses":           "phone:read:list_emergency_addresses:admin",
	"PATCH /v2/phone/users/{userId}":              "phone:update:user:admin",
	"GET /v2/phone/devices/{deviceId}":            "phone:read:device:admin",
	"POST /v2/phone/emergency_addresses":          "phone:write:emergency_address:admin",
	"PUT /v2/phone/users/batch":                   "phone:update:batch_users:admin",
	"GET /v2/users":                               "user:read:list_users:admin",
	"POST /v2/phone/users/{userId}/calling_plans": "phone:write:calling_plan:admin",
}

// classicScope is the classic scope that covers a granular one: classic
// apps hold phone:read:admin for every phone:read:...:admin call.
func classicScope(granular string) string {
	if strings.HasPrefix(granular, "number_management:read:") {
		return "number_management_numbers:read:admin"
	}
	parts := strings.SplitN(granular, ":", 3)
	if len(parts) < 2 {
		return granular
	}
	verb := parts[1]
	if verb == "update" {
		verb = "write" // classic apps have no update scope
	}
	return parts[0] + ":" + verb + ":admin"
}

// issuedToken is one access token the sandbox gave out.
type issuedToken struct {
	expiry time.Time
	index  string          // Zoom's token index (§11.1): tokens of other indexes coexist
	scopes map[string]bool // what the token carries
	// classic tokens carry classic scopes, each covering many routes.
	classic bool
}

// lacks names the scope the route pattern needs that the token does not
// carry, or "" when it may call it.
func (t issuedToken) lacks(pattern string) string {
	need, ok := routeScopes[pattern]
	if !ok {
		return ""
	}
	if t.classic {
		if t.scopes[classicScope(need)] {
			return ""
		}
		return classicScope(need)
	}
	if t.scopes[need] {
		return ""
	}
	return need
}

// tokenStats counts what the token endpoint and the token thief did.
type tokenStats struct {
	issuedTokens int
	stolenTokens int
	sinceStolen  int // authorised requests since the thief last struck
}

// TokenCounts returns how many tokens the token endpoint issued to clients
// and how many times the simulated other program took the app's token.
func (s *Sandbox) TokenCounts() (issued, stolen int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issuedTokens, s.stolenTokens
}

// grantedScopes lists what a new token carries: every granular scope of
// routeScopes (or the classic ones), less the behaviours' missing scopes.
func (o Options) grantedScopes() []string {
	set := map[string]bool{}
	for _, g := range routeScopes {
		if o.ClassicScopes {
			g = classicScope(g)
		}
		set[g] = true
	}
	for _, m := range o.MissingScopes {
		delete(set, m)
	}
	out := make([]string, 0, len(set))
	for g := range set {
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

// issueTokenLocked makes a token for the app. When one token per app is
// played (Zoom's real behaviour, zoom-api.md §11.1), it invalidates every
// earlier token of the same index.
func (s *Sandbox) issueTokenLocked(index string) (token, scope string) {
	var b [32]byte
	_, _ = rand.Read(b[:])
	token = "sbx." + base64.RawURLEncoding.EncodeToString(b[:])
	if s.opts.oneTokenPerApp() {
		s.revokeIndexLocked(index)
	}
	granted := s.opts.grantedScopes()
	set := make(map[string]bool, len(granted))
	for _, g := range granted {
		set[g] = true
	}
	s.tokens[token] = issuedToken{expiry: s.opts.now().Add(s.opts.tokenTTL()), index: index, scopes: set, classic: s.opts.ClassicScopes}
	s.issuedTokens++
	return token, strings.Join(granted, " ")
}

func (s *Sandbox) revokeIndexLocked(index string) {
	for tok, it := range s.tokens {
		if it.index == index {
			delete(s.tokens, tok)
		}
	}
}

// countForThiefLocked counts one authorised request; every TokenThief-th,
// another program on the same app fetches a token, which kills ours.
func (s *Sandbox) countForThiefLocked() {
	if s.opts.TokenThief <= 0 {
		return
	}
	s.sinceStolen++
	if s.sinceStolen >= s.opts.TokenThief {
		s.sinceStolen = 0
		s.stolenTokens++
		s.revokeIndexLocked("")
	}
}
