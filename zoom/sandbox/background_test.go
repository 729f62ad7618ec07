package sandbox

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// A sandbox built in the background knows its account at once (the same
// as the built one's), and a request sent before the build is done waits
// for it and is answered; a cancelled one gives up.
func TestBackgroundSandboxAnswersOnceBuilt(t *testing.T) {
	o, err := ParseBehaviours("latency=1ms")
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenInBackground(o)
	if err != nil {
		t.Fatal(err)
	}
	built := New(Options{})
	bid, bcid, bsec := b.Credentials()
	id, cid, sec := built.Credentials()
	if bid != id || bcid != cid || bsec != sec || b.AccountName() != built.AccountName() {
		t.Fatalf("background account %q/%q differs from the built one's %q/%q", bid, b.AccountName(), id, built.AccountName())
	}

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(cancelled, http.MethodGet, "https://api.zoom.us/v2/phone/sites", nil)
	if _, err := b.Transport().RoundTrip(req); err == nil {
		t.Error("a cancelled request was answered")
	}

	form := url.Values{"grant_type": {"account_credentials"}, "account_id": {id}}
	req, _ = http.NewRequestWithContext(context.Background(), http.MethodPost, "https://zoom.us/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(cid, sec)
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := b.Transport().RoundTrip(req)
		if err != nil {
			t.Errorf("token request: %v", err)
			return
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("token request: %d", resp.StatusCode)
		}
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the request never got an answer")
	}
	sb, err := b.Wait()
	if err != nil || sb == nil || len(sb.Requests()) != 1 {
		t.Fatalf("built sandbox %v, err %v: want the one token request in its log", sb, err)
	}
}

// Counts the seed cannot hold are refused by OpenInBackground itself, so
// zpadd says so at start instead of failing every request later.
func TestBackgroundSandboxRefusesALargeAccountAtOnce(t *testing.T) {
	o, err := ParseBehaviours("numbers=100,phone-users=200")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenInBackground(o); err == nil || !strings.Contains(err.Error(), "large account") {
		t.Fatalf("err = %v, want the large account refused", err)
	}
}
