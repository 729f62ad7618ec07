package zoom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func errorFrom(t *testing.T, status int, contentType, body string) *Error {
	t.Helper()
	rec := httptest.NewRecorder()
	rec.Header().Set(trackingHeader, "trk-1")
	if contentType != "" {
		rec.Header().Set("Content-Type", contentType)
	}
	rec.WriteHeader(status)
	_, _ = rec.WriteString(body)
	return newError(rec.Result(), []byte(body), "GET", "/v2/phone/sites", time.Now())
}

// Every kind of error body gives a readable one-line message with status,
// Zoom code and field errors.
func TestErrorMessagesReadableForEveryBody(t *testing.T) {
	cases := []struct {
		name, ctype, body string
		status            int
		want              string
	}{
		{"validation", "application/json", `{"code":300,"message":"Validation Failed.","errors":[{"field":"users[0].email","message":"User is not active."},{"field":"users[2].extension_number","message":"Extension number 1001 is already used."}]}`, 400,
			"[400/300] Validation Failed. (users[0].email: User is not active.; users[2].extension_number: Extension number 1001 is already used.)"},
		{"plain zoom", "application/json", `{"code":1001,"message":"User does not exist: a@b.com."}`, 404, "[404/1001] User does not exist: a@b.com."},
		{"string code", "application/json", `{"code":"300","message":"Validation Failed."}`, 400, "[400/300] Validation Failed."},
		{"html", "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>", 502, "[502] Bad Gateway: 502 Bad Gateway"},
		{"html no title", "text/html", "<html><body><p>Upstream &amp; friends\n failed</p></body></html>", 504, "[504] Gateway Timeout: Upstream & friends failed"},
		{"empty", "", "", 503, "[503] Service Unavailable (empty response body)"},
		{"plain text", "text/plain", "upstream connect error", 500, "[500] Internal Server Error: upstream connect error"},
		{"json without zoom fields", "application/json", `{"foo":1}`, 500, `[500] Internal Server Error: {"foo":1}`},
		{"oauth", "application/json", `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`, 401,
			"[401] Zoom refused the access token request: invalid_client: Invalid client_id or client_secret"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := errorFrom(t, tc.status, tc.ctype, tc.body)
			if got := e.Error(); got != tc.want {
				t.Errorf("Error() = %q\nwant      %q", got, tc.want)
			}
			if e.TrackingID != "trk-1" || e.Status != tc.status {
				t.Errorf("TrackingID=%q Status=%d", e.TrackingID, e.Status)
			}
		})
	}
}

// A huge HTML page is cut to a short message.
func TestErrorMessageFromLongBodyIsShort(t *testing.T) {
	e := errorFrom(t, 500, "text/plain", strings.Repeat("x", 5000))
	if n := len([]rune(e.Message)); n > maxMessage+40 {
		t.Errorf("message has %d runes", n)
	}
}

func TestIsNotFound(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&Error{Status: 404, Code: 1001}, true},
		{&Error{Status: 400, Code: 1001}, true},
		{fmt.Errorf("wrapped: %w", &Error{Status: 404, Code: 404}), true},
		{&Error{Status: 404, Code: 2001}, false}, // account does not exist
		{&Error{Status: 400, Code: 300}, false},
		{errors.New("boom"), false},
		{nil, false},
	}
	for _, tc := range cases {
		if got := IsNotFound(tc.err); got != tc.want {
			t.Errorf("IsNotFound(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestIsRateLimitTellsThrottlingFromRefusal(t *testing.T) {
	cases := []struct {
		e    Error
		want bool
	}{
		{Error{Status: 429, Code: 429, Message: "You have reached the maximum per-second rate limit for this API. Try again later."}, true},
		{Error{Status: 429, Code: 429, Message: "You have reached the maximum daily rate limit for this API."}, true},
		{Error{Status: 429, Message: "Too Many Requests (empty response body)"}, true},
		{Error{Status: 429, Message: "Too Many Requests: <html>"}, true},
		{Error{Status: 429, Code: 429, Message: "Each user can be assigned up to three desk phones."}, false},
		{Error{Status: 429, Code: 300, Message: "Validation Failed."}, false},
		{Error{Status: 429, Errors: []FieldError{{Field: "mac", Message: "bad"}}}, false},
		{Error{Status: 500, Message: "rate limit"}, false},
	}
	for _, tc := range cases {
		if got := tc.e.IsRateLimit(); got != tc.want {
			t.Errorf("%q IsRateLimit = %v, want %v", tc.e.Error(), got, tc.want)
		}
	}
}

func TestParseRetryAfterForms(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":                              0,
		"2":                             2 * time.Second,
		"0.5":                           500 * time.Millisecond,
		"-3":                            0,
		"Thu, 26 Nov 2026 12:00:10 GMT": 10 * time.Second,
		"2026-11-26T12:01:00Z":          time.Minute,
		"2026-11-26T13:00:00+01:00":     0, // same instant as now
		"2026-11-26T12:00:30":           30 * time.Second,
		"2020-05-31T00:00:00Z":          0, // past
		"soon":                          0,
	}
	for in, want := range cases {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// An API error carries status, code, message, errors[], tracking id and the
// request it answered.
func TestAPIErrorCarriesEveryField(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/sites/s1", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 400, map[string]any{"code": 300, "message": "The site does not exist.", "errors": []map[string]string{{"field": "siteId", "message": "unknown"}}})
	})
	c := newTestClient(t, f.config(), nil)
	_, err := c.GetSite(context.Background(), "s1")
	var ze *Error
	if !errors.As(err, &ze) {
		t.Fatalf("err = %T %v", err, err)
	}
	want := Error{Status: 400, Code: 300, Message: "The site does not exist.", Errors: []FieldError{{"siteId", "unknown"}}, TrackingID: "track-GET", Method: "GET", Path: "/v2/phone/sites/s1"}
	if fmt.Sprint(*ze) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", *ze, want)
	}
}

// Responses larger than the cap are refused, not read whole, and not retried.
func TestResponseBodyCapped(t *testing.T) {
	f := newFakeZoom(t)
	calls := 0
	f.handle("GET /v2/phone/calling_plans", func(w http.ResponseWriter, _ *http.Request) {
		calls++
		_, _ = w.Write([]byte(`{"calling_plans":[` + strings.Repeat(`{"name":"x","type":1},`, 200) + `{}]}`))
	})
	c := newTestClient(t, f.config(), nil)
	c.maxBody = 1024
	_, err := c.ListCallingPlans(context.Background())
	if !errors.Is(err, ErrBodyTooLarge) {
		t.Fatalf("err = %v, want ErrBodyTooLarge", err)
	}
	if calls != 1 {
		t.Errorf("calls = %d, want 1", calls)
	}
	c.maxBody = defaultMaxBody
	if _, err := c.ListCallingPlans(context.Background()); err != nil {
		t.Errorf("under the default cap: %v", err)
	}
}
