package sandbox

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// oauthError is the body of Zoom's token endpoint errors, which differ from
// the REST API's {"code","message"}.
type oauthError struct {
	Reason string `json:"reason"`
	Error  string `json:"error"`
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	APIURL      string `json:"api_url,omitempty"`
}

// handleToken is POST /oauth/token with Server-to-Server OAuth: Basic
// client credentials, grant_type=account_credentials and account_id, in the
// query string or a form body (both are in use).
func (s *Sandbox) handleToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Invalid request body", Error: "invalid_request"})
		return
	}
	id, secret, _ := r.BasicAuth()
	acct := s.w.acct
	if !equalSecret(id, acct.ClientID) || !equalSecret(secret, acct.ClientSecret) {
		writeJSON(w, http.StatusUnauthorized, oauthError{Reason: "Invalid client_id or client_secret", Error: "invalid_client"})
		return
	}
	switch grant := r.Form.Get("grant_type"); grant {
	case "account_credentials":
	case "":
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Missing grant type", Error: "invalid_request"})
		return
	default:
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Unsupported grant type", Error: "unsupported_grant_type"})
		return
	}
	if r.Form.Get("account_id") != acct.ID {
		writeJSON(w, http.StatusBadRequest, oauthError{Reason: "Invalid account_id", Error: "invalid_request"})
		return
	}
	s.mu.Lock()
	ttl := s.opts.tokenTTL()
	token, scope := s.issueTokenLocked(r.Form.Get("index"))
	withAPIURL := s.opts.APIURL
	s.mu.Unlock()

	resp := tokenResponse{AccessToken: token, TokenType: "bearer", ExpiresIn: int(ttl.Seconds()), Scope: scope}
	if withAPIURL {
		resp.APIURL = origin(r)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, resp)
}

// authorised wraps a REST handler with Zoom's bearer-token check and the
// "Zoom Phone not set up" switch.
func (s *Sandbox) authorised(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("access_token") {
			writeError(w, http.StatusUnauthorized, 124, "Access token is not supported as a query parameter string.")
			return
		}
		auth := r.Header.Get("Authorization")
		scheme, token, _ := strings.Cut(auth, " ")
		if !strings.EqualFold(scheme, "Bearer") || token == "" {
			writeError(w, http.StatusUnauthorized, 124, msgInvalidToken)
			return
		}
		s.mu.Lock()
		issued, known := s.tokens[token]
		now := s.opts.now()
		notSetUp := s.opts.PhoneNotSetUp
		if known && !now.Before(issued.expiry) {
			delete(s.tokens, token)
			known = false
		}
		var missing string
		if known {
			missing = issued.lacks(r.Pattern)
			s.countForThiefLocked()
		}
		s.mu.Unlock()
		if !known {
			writeError(w, http.StatusUnauthorized, 124, msgInvalidToken)
			return
		}
		if missing != "" {
			// zoom-api.md §11.2: granular-scope apps get 400/104 naming the scope.
			writeError(w, http.StatusBadRequest, 104, "Invalid access token, does not contain scopes:["+missing+"].")
			return
		}
		if notSetUp && strings.HasPrefix(r.URL.Path, "/v2/phone/") {
			writeError(w, http.StatusForbidden, 403, msgPhoneNotSetUp)
			return
		}
		h(w, r)
	}
}

func equalSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// origin is the scheme and host the request reached, for api_url.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
