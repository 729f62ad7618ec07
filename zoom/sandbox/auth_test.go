package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func tokenRequest(t *testing.T, e *env, query string, form url.Values, id, secret string) (int, map[string]any) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest("POST", e.srv.URL+"/oauth/token"+query, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if id != "" || secret != "" {
		req.SetBasicAuth(id, secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}

// Both ways of sending the grant (query string and form body) get a token.
func TestTokenAcceptsQueryAndFormGrant(t *testing.T) {
	e := newEnv(t, Options{})
	acct, id, secret := e.sb.Credentials()
	status, m := tokenRequest(t, e, "?grant_type=account_credentials&account_id="+acct, nil, id, secret)
	if status != 200 || m["token_type"] != "bearer" || m["expires_in"] != float64(3599) || m["scope"] == "" {
		t.Fatalf("query grant: %d %v", status, m)
	}
	if _, has := m["api_url"]; has {
		t.Error("api_url present without the api-url behaviour")
	}
	status, m = tokenRequest(t, e, "", url.Values{"grant_type": {"account_credentials"}, "account_id": {acct}}, id, secret)
	if status != 200 || m["access_token"] == "" {
		t.Fatalf("form grant: %d %v", status, m)
	}
}

func TestTokenRefusesBadRequests(t *testing.T) {
	e := newEnv(t, Options{})
	acct, id, secret := e.sb.Credentials()
	grant := "?grant_type=account_credentials&account_id=" + acct
	cases := []struct {
		name, query, id, secret string
		status                  int
		errCode                 string
	}{
		{"wrong secret", grant, id, "wrong", 401, "invalid_client"},
		{"wrong client id", grant, "nobody", secret, 401, "invalid_client"},
		{"no basic auth", grant, "", "", 401, "invalid_client"},
		{"client_credentials grant", "?grant_type=client_credentials&account_id=" + acct, id, secret, 400, "unsupported_grant_type"},
		{"no grant", "?account_id=" + acct, id, secret, 400, "invalid_request"},
		{"wrong account", "?grant_type=account_credentials&account_id=other", id, secret, 400, "invalid_request"},
	}
	for _, c := range cases {
		status, m := tokenRequest(t, e, c.query, nil, c.id, c.secret)
		if status != c.status || m["error"] != c.errCode || m["reason"] == "" {
			t.Errorf("%s: %d %v, want %d %s with a reason", c.name, status, m, c.status, c.errCode)
		}
	}
	if _, m := tokenRequest(t, e, grant, nil, id, "wrong"); m["reason"] != "Invalid client_id or client_secret" {
		t.Errorf("bad secret reason %v", m["reason"])
	}
}

// REST calls need a valid bearer token in the header: 401 code 124 otherwise.
func TestRESTNeedsBearerToken(t *testing.T) {
	e := newEnv(t, Options{})
	for name, set := range map[string]func(*http.Request){
		"missing": func(*http.Request) {},
		"unknown": func(r *http.Request) { r.Header.Set("Authorization", "Bearer made-up") },
		"basic":   func(r *http.Request) { r.SetBasicAuth("a", "b") },
	} {
		req, _ := http.NewRequest("GET", e.srv.URL+"/v2/phone/sites", nil)
		set(req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if ae := decodeErr(t, b); resp.StatusCode != 401 || ae.Code != 124 || ae.Message != msgInvalidToken {
			t.Errorf("%s token: %d %s", name, resp.StatusCode, b)
		}
	}
	status, b := e.call("GET", "/v2/phone/sites?access_token="+e.token, nil)
	if ae := decodeErr(t, b); status != 401 || ae.Code != 124 || !strings.Contains(ae.Message, "query parameter") {
		t.Errorf("token in query: %d %s", status, b)
	}
	for _, r := range e.sb.Requests() {
		if strings.Contains(r.Query, e.token) {
			t.Error("request log holds the access token")
		}
	}
}

// A short TokenTTL makes a token expire before the client expects it.
func TestTokenExpiresEarly(t *testing.T) {
	clock := newClock()
	e := newEnv(t, Options{TokenTTL: 30 * time.Second, Now: clock.Now})
	if status, _ := e.call("GET", "/v2/phone/calling_plans", nil); status != 200 {
		t.Fatalf("fresh token refused: %d", status)
	}
	clock.Advance(31 * time.Second)
	status, b := e.call("GET", "/v2/phone/calling_plans", nil)
	if ae := decodeErr(t, b); status != 401 || ae.Code != 124 || ae.Message != "Invalid access token." {
		t.Fatalf("expired token: %d %s", status, b)
	}
	e.token = e.fetchToken()
	if status, _ := e.call("GET", "/v2/phone/calling_plans", nil); status != 200 {
		t.Fatalf("new token refused: %d", status)
	}
}

func TestDefaultTokenLivesAnHour(t *testing.T) {
	clock := newClock()
	e := newEnv(t, Options{Now: clock.Now})
	clock.Advance(59 * time.Minute)
	if status, _ := e.call("GET", "/v2/phone/calling_plans", nil); status != 200 {
		t.Fatalf("token refused after 59 minutes: %d", status)
	}
	clock.Advance(time.Minute)
	if status, _ := e.call("GET", "/v2/phone/calling_plans", nil); status != 401 {
		t.Fatalf("token accepted after 60 minutes: %d", status)
	}
}

func TestAPIURLBehaviour(t *testing.T) {
	e := newEnv(t, Options{APIURL: true})
	acct, id, secret := e.sb.Credentials()
	_, m := tokenRequest(t, e, "?grant_type=account_credentials&account_id="+acct, nil, id, secret)
	if m["api_url"] != e.srv.URL {
		t.Fatalf("api_url %v, want %s", m["api_url"], e.srv.URL)
	}
}

// Every response, errors included, carries Zoom's tracking id.
func TestEveryResponseHasTrackingID(t *testing.T) {
	e := newEnv(t, Options{})
	for _, p := range []string{"/v2/phone/sites", "/v2/phone/users/nobody@example.com", "/v2/nowhere"} {
		_, h, _ := e.callH("GET", p, nil)
		if h.Get("x-zm-trackingid") == "" {
			t.Errorf("GET %s: no x-zm-trackingid", p)
		}
	}
}

func TestPhoneNotSetUpAnswers403(t *testing.T) {
	e := newEnv(t, Options{PhoneNotSetUp: true})
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 403 {
		t.Errorf("phone call: %d, want 403", status)
	}
	if status, _ := e.call("GET", "/v2/users/grace.wilson@example.com", nil); status != 200 {
		t.Errorf("users call: %d, want 200", status)
	}
}
