package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRateLimitFaultForms(t *testing.T) {
	clock := newClock()
	cases := []struct {
		form  RetryAfterForm
		check func(string) bool
	}{
		{RetryAfterSeconds, func(v string) bool { n, err := strconv.Atoi(v); return err == nil && n == 2 }},
		{RetryAfterHTTPDate, func(v string) bool {
			d, err := http.ParseTime(v)
			return err == nil && d.Equal(clock.Now().Add(2*time.Second))
		}},
		{RetryAfterISO8601, func(v string) bool {
			d, err := time.Parse(time.RFC3339, v)
			return err == nil && d.Equal(clock.Now().Add(2*time.Second))
		}},
		{RetryAfterAbsent, func(v string) bool { return v == "" }},
	}
	for _, c := range cases {
		e := newEnv(t, Options{Now: clock.Now})
		e.sb.AddFault(Fault{Kind: RateLimited, Method: "POST", Path: "/phone/users/batch", RetryAfter: c.form, RetryAfterDelay: 2 * time.Second})
		status, h, b := e.callH("POST", "/v2/phone/users/batch", batch(goodUser(free(0), "1200")))
		if ae := decodeErr(t, b); status != 429 || ae.Code != 429 || !strings.Contains(ae.Message, "rate limit") {
			t.Errorf("form %d: %d %s", c.form, status, b)
		}
		if !c.check(h.Get("Retry-After")) {
			t.Errorf("form %d: Retry-After %q", c.form, h.Get("Retry-After"))
		}
		// The fault is consumed: the retry goes through and nothing was created before.
		if status, b := e.call("POST", "/v2/phone/users/batch", batch(goodUser(free(0), "1200"))); status != 201 {
			t.Errorf("form %d: retry %d %s", c.form, status, b)
		}
	}
}

// A 429 is not always a rate limit: its body can be a validation error.
func TestValidationAs429(t *testing.T) {
	e := newEnv(t, Options{Fail: []Fault{{Kind: ValidationAs429, Method: "POST", Path: "/phone/users/batch"}}})
	status, h, b := e.callH("POST", "/v2/phone/users/batch", batch(goodUser(free(0), "1200")))
	if ae := decodeErr(t, b); status != 429 || ae.Code != 429 || !strings.Contains(ae.Message, "three desk phones") || h.Get("Retry-After") != "" {
		t.Fatalf("%d %s", status, b)
	}
}

func TestServerErrorForms(t *testing.T) {
	e := newEnv(t, Options{})
	e.sb.AddFault(Fault{Kind: ServerError, Status: 503, Body: BodyJSON, Path: "/phone/sites"})
	e.sb.AddFault(Fault{Kind: ServerError, Status: 502, Body: BodyHTML, Path: "/phone/sites"})
	e.sb.AddFault(Fault{Kind: ServerError, Status: 500, Body: BodyEmpty, Path: "/phone/sites"})
	status, b := e.call("GET", "/v2/phone/sites", nil)
	if ae := decodeErr(t, b); status != 503 || ae.Code != 503 || ae.Message == "" {
		t.Errorf("JSON 5xx: %d %s", status, b)
	}
	status, h, b := e.callH("GET", "/v2/phone/sites", nil)
	if status != 502 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !bytes.Contains(b, []byte("<html>")) {
		t.Errorf("HTML 5xx: %d %q %s", status, h.Get("Content-Type"), b)
	}
	if status, b := e.call("GET", "/v2/phone/sites", nil); status != 500 || len(b) != 0 {
		t.Errorf("empty 5xx: %d %q", status, b)
	}
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
		t.Errorf("after the faults: %d", status)
	}
}

// Faults match by method and path prefix and are consumed in order.
func TestFaultsMatchAndOrder(t *testing.T) {
	e := newEnv(t, Options{Fail: []Fault{{Kind: ServerError, Status: 500, Method: "GET", Path: "/v2/phone/users"}, {Kind: ServerError, Status: 502, Method: "GET", Path: "/phone/users"}}})
	if status, _ := e.call("GET", "/v2/phone/sites", nil); status != 200 {
		t.Errorf("unmatched path hit a fault: %d", status)
	}
	if status, _ := e.call("POST", "/v2/phone/users/batch", batch(goodUser(free(0), "1200"))); status != 201 {
		t.Errorf("unmatched method hit a fault: %d", status)
	}
	s1, _ := e.call("GET", "/v2/phone/users", nil)
	s2, _ := e.call("GET", "/v2/phone/users/x", nil)
	if s1 != 500 || s2 != 502 {
		t.Errorf("faults in order: %d %d, want 500 502", s1, s2)
	}
}

// Commit then drop: the users exist, the client got a connection error.
func TestCommitThenDropOverHTTP(t *testing.T) {
	e := newEnv(t, Options{Fail: []Fault{{Kind: CommitThenDrop, Method: "POST", Path: "/phone/users/batch"}}})
	body, _ := json.Marshal(batch(goodUser(free(0), "1200")))
	req, _ := http.NewRequest("POST", e.srv.URL+"/v2/phone/users/batch", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.token)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("client got a response %d, want a connection error", resp.StatusCode)
	}
	if status, _ := e.call("GET", "/v2/phone/users/"+free(0), nil); status != 200 {
		t.Fatalf("user of the dropped batch: %d, want it created", status)
	}
	for _, r := range e.sb.Requests() {
		if r.Method == "POST" && r.Path == "/v2/phone/users/batch" && r.Status != 0 {
			t.Errorf("dropped request logged as %+v, want status 0", r)
		}
	}
	if n := e.sb.CountRequests("POST", "/phone/users/batch"); n != 1 {
		t.Errorf("%d batch POSTs logged, want 1", n)
	}
}

func TestCommitThenDropInProcess(t *testing.T) {
	sb := New(Options{Fail: []Fault{{Kind: CommitThenDrop, Path: "/v2/phone/users/batch"}}})
	client := &http.Client{Transport: sb.Transport()}
	token := inProcessToken(t, sb, client)
	body, _ := json.Marshal(batch(goodUser(free(0), "1200")))
	req, _ := http.NewRequest("POST", "https://api.zoom.us/v2/phone/users/batch", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	_, err := client.Do(req)
	if !errors.Is(err, ErrDropped) || !errors.Is(err, io.EOF) {
		t.Fatalf("error %v, want ErrDropped", err)
	}
	if sb.w.phoneByUserID[sb.w.userByEmail[free(0)].ID] == nil {
		t.Fatal("dropped batch did not commit")
	}
}

func inProcessToken(t *testing.T, sb *Sandbox, client *http.Client) string {
	t.Helper()
	acct, id, secret := sb.Credentials()
	req, _ := http.NewRequest("POST", "https://zoom.us/oauth/token?grant_type=account_credentials&account_id="+acct, nil)
	req.SetBasicAuth(id, secret)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("in-process token: %d %v", resp.StatusCode, err)
	}
	return tok.AccessToken
}

// A slow POST the client abandons before the commit creates nothing.
func TestSlowPostCancelledCreatesNothing(t *testing.T) {
	for _, name := range []string{"http", "in-process"} {
		t.Run(name, func(t *testing.T) {
			sb := New(Options{PostDelay: 300 * time.Millisecond})
			var client *http.Client
			base := "https://api.zoom.us"
			var token string
			if name == "http" {
				e := newEnvWith(t, sb)
				client, base, token = http.DefaultClient, e.srv.URL, e.token
			} else {
				client = &http.Client{Transport: sb.Transport()}
				token = inProcessToken(t, sb, client)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			body, _ := json.Marshal(batch(goodUser(free(0), "1200")))
			req, _ := http.NewRequestWithContext(ctx, "POST", base+"/v2/phone/users/batch", bytes.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+token)
			if resp, err := client.Do(req); err == nil {
				resp.Body.Close()
				t.Fatalf("got %d, want the client's timeout", resp.StatusCode)
			}
			// Wait past the delay: the abandoned request must still not commit.
			time.Sleep(450 * time.Millisecond)
			sb.mu.Lock()
			n := len(sb.w.phoneUsers)
			sb.mu.Unlock()
			if n != 14 {
				t.Fatalf("%d phone users after an abandoned POST, want the 14 seeded", n)
			}
		})
	}
}

func TestLatencyApplies(t *testing.T) {
	e := newEnv(t, Options{Latency: 80 * time.Millisecond})
	start := time.Now()
	e.call("GET", "/v2/phone/calling_plans", nil)
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Fatalf("request took %v, want at least the 80ms latency", d)
	}
}
