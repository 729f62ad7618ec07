package zoom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// A list read whose later pages stay throttled past the retry budget keeps
// the pages it read, and its error says how many items are missing.
func TestListInterruptedBy429sKeepsItsPages(t *testing.T) {
	f := newFakeZoom(t)
	p := &pager{key: "users", items: items(350, func(i int) map[string]any {
		return map[string]any{"id": strconv.Itoa(i), "email": "u" + strconv.Itoa(i) + "@example.com"}
	})}
	var served atomic.Int32
	f.handle("GET /v2/phone/users", func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1) > 2 { // pages 1 and 2 answered, then only 429s
			throttled("1")(w, r)
			return
		}
		p.ServeHTTP(w, r)
	})
	c := newTestClient(t, f.config(), nil)
	c.retry.maxElapsed = 100 * time.Millisecond // then give up
	got, err := c.ListPhoneUsers(context.Background(), PhoneUserQuery{})
	if len(got) != 200 {
		t.Errorf("kept %d phone users, want the 200 of the two pages read", len(got))
	}
	var pe *PartialListError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want *PartialListError", err)
	}
	if pe.Got != 200 || pe.Total != 350 || pe.Missing() != 150 || pe.Pages != 2 {
		t.Errorf("partial = %+v (missing %d), want 200 of 350 in 2 pages, 150 missing", *pe, pe.Missing())
	}
	var ze *Error
	if !errors.As(err, &ze) || !ze.IsRateLimit() {
		t.Errorf("cause = %v, want the 429 reachable with errors.As", err)
	}
}

// A list whose first page fails is no partial list: nothing was read.
func TestListFailingAtFirstPageIsNotPartial(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/users", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 400, map[string]any{"code": 300, "message": "bad"})
	})
	c := newTestClient(t, f.config(), nil)
	_, err := c.ListPhoneUsers(context.Background(), PhoneUserQuery{})
	var pe *PartialListError
	if err == nil || errors.As(err, &pe) {
		t.Fatalf("err = %v, want a plain error", err)
	}
}

// ListDevicesIfFew reads a list whole only while Zoom's count on its first
// page says it fits in the pages allowed; past that, or with no count, it
// stops after that one page and says the list is incomplete.
func TestListIfFewReadsOnOnlyWhenTheCountFits(t *testing.T) {
	for _, tc := range []struct {
		name               string
		devices, maxPages  int
		hideTotal          bool
		wantGot, wantPages int
		wantComplete       bool
	}{
		{name: "one page", devices: 120, maxPages: 2, wantGot: 120, wantPages: 1, wantComplete: true},
		{name: "fits in the pages allowed", devices: 700, maxPages: 3, wantGot: 700, wantPages: 3, wantComplete: true},
		{name: "more pages than allowed", devices: 700, maxPages: 2, wantGot: 300, wantPages: 1},
		{name: "no count", devices: 700, maxPages: 5, hideTotal: true, wantGot: 300, wantPages: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeZoom(t)
			p := &pager{key: "devices", items: items(tc.devices, func(i int) map[string]any {
				return map[string]any{"id": strconv.Itoa(i), "mac_address": fmt.Sprintf("805ec0%06x", i)}
			})}
			f.handle("GET /v2/phone/devices", func(w http.ResponseWriter, r *http.Request) {
				if !tc.hideTotal {
					p.ServeHTTP(w, r)
					return
				}
				rec := httptest.NewRecorder()
				p.ServeHTTP(rec, r)
				var body map[string]any
				_ = json.Unmarshal(rec.Body.Bytes(), &body)
				delete(body, "total_records")
				writeJSON(w, http.StatusOK, body)
			})
			c := newTestClient(t, f.config(), nil)
			got, complete, err := c.ListDevicesIfFew(context.Background(), DeviceQuery{Type: "unassigned"}, tc.maxPages)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.wantGot || complete != tc.wantComplete || len(p.queries) != tc.wantPages {
				t.Errorf("got %d devices (complete %v) in %d pages, want %d (complete %v) in %d",
					len(got), complete, len(p.queries), tc.wantGot, tc.wantComplete, tc.wantPages)
			}
		})
	}
}
