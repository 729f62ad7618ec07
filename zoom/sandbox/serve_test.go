package sandbox

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Serve prints the export lines first, then serves a working API.
func TestServePrintsExportsThenServes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", Options{}, pw); pw.Close() }()

	env := map[string]string{}
	sc := bufio.NewScanner(pr)
	names := []string{"ZOOM_API_URL", "ZOOM_OAUTH_URL", "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"}
	for _, want := range names {
		if !sc.Scan() {
			t.Fatalf("output ended before %s", want)
		}
		name, value, ok := strings.Cut(strings.TrimPrefix(sc.Text(), "export "), "=")
		if !strings.HasPrefix(sc.Text(), "export ") || !ok || name != want || value == "" {
			t.Fatalf("line %q, want export %s=...", sc.Text(), want)
		}
		env[name] = value
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if !strings.HasPrefix(env["ZOOM_API_URL"], "http://127.0.0.1:") || !strings.HasSuffix(env["ZOOM_API_URL"], "/v2") {
		t.Fatalf("ZOOM_API_URL %s", env["ZOOM_API_URL"])
	}

	// curl -u id:secret -X POST "$ZOOM_OAUTH_URL?grant_type=account_credentials&account_id=$ZOOM_ACCOUNT_ID"
	req, _ := http.NewRequest("POST", env["ZOOM_OAUTH_URL"]+"?grant_type=account_credentials&account_id="+env["ZOOM_ACCOUNT_ID"], nil)
	req.SetBasicAuth(env["ZOOM_CLIENT_ID"], env["ZOOM_CLIENT_SECRET"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var tok tokenResponse
	_ = json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()

	// curl -H "Authorization: Bearer $TOKEN" "$ZOOM_API_URL/phone/sites"
	req, _ = http.NewRequest("GET", env["ZOOM_API_URL"]+"/phone/sites", nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var sites struct {
		Sites []siteJSON `json:"sites"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&sites)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(sites.Sites) != 4 {
		t.Fatalf("GET sites: %d %v", resp.StatusCode, sites)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve returned %v after ctx ended, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not stop when ctx ended")
	}
}

func TestServeReportsBadAddress(t *testing.T) {
	err := Serve(context.Background(), "256.0.0.1:http", Options{}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "256.0.0.1") {
		t.Fatalf("bad address: %v", err)
	}
}
