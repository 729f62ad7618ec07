package zoom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"zpadd/state"
)

// BenchmarkListUnassignedNumbers2000 reads 2,000 numbers (20 pages of 100)
// from a local server: the client's cost per page (request, token reuse,
// decode) without Zoom's latency. Reports pages per op.
func BenchmarkListUnassignedNumbers2000(b *testing.B) {
	f := newFakeZoom(b)
	p := &pager{key: "phone_numbers", items: items(2000, func(i int) map[string]any {
		return map[string]any{"id": fmt.Sprint(i), "number": fmt.Sprintf("+1201555%04d", i), "status": "available", "site": map[string]any{"id": "s1", "name": "Main Site"}}
	})}
	f.handle("GET /v2/phone/numbers", func(w http.ResponseWriter, r *http.Request) {
		p.queries = p.queries[:0]
		p.ServeHTTP(w, r)
	})
	c := newTestClient(b, f.config(), nil)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		nums, err := c.ListUnassignedNumbers(ctx, "s1")
		if err != nil || len(nums) != 2000 {
			b.Fatalf("%d numbers, %v", len(nums), err)
		}
	}
	b.ReportMetric(float64(c.Stats().Requests["GET /phone/numbers"])/float64(b.N), "pages/op")
}

// BenchmarkGetPhoneUser is one light read: the client's overhead per round
// trip on a local server.
func BenchmarkGetPhoneUser(b *testing.B) {
	f := newFakeZoom(b)
	f.handle("GET /v2/phone/users/a@example.com", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, map[string]any{"id": "u1", "email": "a@example.com", "extension_number": 1001})
	})
	c := newTestClient(b, f.config(), nil)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetPhoneUser(ctx, "a@example.com"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchBody10 builds and encodes the body of a full 10-user batch.
func BenchmarkBatchBody10(b *testing.B) {
	users := make([]state.User, state.MaxUsers)
	for i := range users {
		users[i] = fullUser()
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(BatchRequest{Users: BatchUsers(users)}); err != nil {
			b.Fatal(err)
		}
	}
}
