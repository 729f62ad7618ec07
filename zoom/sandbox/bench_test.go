package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
)

// BenchmarkNew measures loading the standard seed (numbers cached after the
// first load).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		New(Options{})
	}
}

// BenchmarkGenerateNumbersUncached measures validating the seed's numbers
// with libphonenumber, paid once per process.
func BenchmarkGenerateNumbersUncached(b *testing.B) {
	r := numberRange{Prefix: "+1646820", Digits: 4, Start: 1000, Count: 1100}
	for b.Loop() {
		if _, err := r.generateUncached("US"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchTenInProcess measures a 10-user batch POST (validation and
// commit) through the in-process transport, on a fresh sandbox each time.
func BenchmarkBatchTenInProcess(b *testing.B) {
	var users []map[string]any
	for i := range 10 {
		u := goodUser(free(i%len(freeEmails)), fmt.Sprint(1200+i))
		u["phone_numbers"] = []string{fmt.Sprintf("+1646820%d", 1000+i)}
		u["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": fmt.Sprintf("805ec00001%02x", i)}}
		users = append(users, u)
	}
	body, _ := json.Marshal(batch(users...))
	for b.Loop() {
		b.StopTimer()
		sb := New(Options{})
		client := &http.Client{Transport: sb.Transport()}
		token := benchToken(b, sb, client)
		b.StartTimer()
		req, _ := http.NewRequest("POST", "https://api.zoom.us/v2/phone/users/batch", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil || resp.StatusCode != 201 {
			b.Fatalf("%v %v", resp, err)
		}
		resp.Body.Close()
	}
}

// BenchmarkNumbersPage measures one page of 100 unassigned numbers.
func BenchmarkNumbersPage(b *testing.B) {
	sb := New(Options{})
	client := &http.Client{Transport: sb.Transport()}
	token := benchToken(b, sb, client)
	for b.Loop() {
		req, _ := http.NewRequest("GET", "https://api.zoom.us/v2/phone/numbers?type=unassigned&page_size=100", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("%v %v", resp, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func benchToken(b *testing.B, sb *Sandbox, client *http.Client) string {
	acct, id, secret := sb.Credentials()
	req, _ := http.NewRequest("POST", "https://zoom.us/oauth/token?grant_type=account_credentials&account_id="+acct, nil)
	req.SetBasicAuth(id, secret)
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var tok tokenResponse
	_ = json.NewDecoder(resp.Body).Decode(&tok)
	return tok.AccessToken
}
