package sandbox

import (
	"net/http"
	"testing"
	"time"
)

// With zoom-limits the sandbox refuses the 11th Medium request inside one
// sliding second with Zoom's 429, while Light calls keep their own quota,
// and a second later the quota is back.
func TestZoomLimitsCountEachLabelOverASlidingSecond(t *testing.T) {
	clk := newClock()
	o, err := ParseBehaviours("zoom-limits")
	if err != nil {
		t.Fatal(err)
	}
	o.Now = clk.Now
	e := newEnv(t, o)
	type answer struct {
		Code int
		h    http.Header
	}
	get := func(path string) answer {
		status, h, _ := e.callH("GET", path, nil)
		return answer{status, h}
	}
	for i := range 10 {
		if w := get("/v2/phone/calling_plans"); w.Code != http.StatusOK {
			t.Fatalf("Medium request %d: status %d, want 200", i+1, w.Code)
		}
		clk.Advance(50 * time.Millisecond) // 10 requests within 0.5 s
	}
	w := get("/v2/phone/calling_plans")
	if w.Code != http.StatusTooManyRequests || w.h.Get("Retry-After") != "1" {
		t.Fatalf("11th Medium request in a second: status %d Retry-After %q, want 429 and 1", w.Code, w.h.Get("Retry-After"))
	}
	if w := get("/v2/phone/users/someone@example.com"); w.Code == http.StatusTooManyRequests {
		t.Errorf("a Light call was throttled by the Medium quota")
	}
	clk.Advance(551 * time.Millisecond) // the first two requests are now over a second old
	for i := range 2 {
		if w := get("/v2/phone/calling_plans"); w.Code != http.StatusOK {
			t.Errorf("after two requests left the window, request %d: status %d, want 200", i+1, w.Code)
		}
	}
	if w := get("/v2/phone/calling_plans"); w.Code != http.StatusTooManyRequests {
		t.Errorf("window full again: status %d, want 429", w.Code)
	}
}

func TestRouteLabelsFollowZoomDocs(t *testing.T) {
	cases := map[string]string{
		"POST /v2/phone/users/batch":        "phone-medium",
		"GET /v2/phone/users":               "phone-medium",
		"GET /v2/phone/users/a@b.c":         "phone-light",
		"GET /v2/phone/numbers":             "phone-medium",
		"GET /v2/number_management/numbers": "phone-light",
		"GET /v2/phone/setting_templates":   "phone-light",
		"GET /v2/phone/sites/abc":           "phone-light",
		"GET /v2/users/a@b.c":               "main-light",
		"POST /oauth/token":                 "",
		"POST /v2/phone/devices/abc/reboot": "phone-heavy",
		"POST /v2/phone/devices/sync":       "phone-heavy",
	}
	for k, want := range cases {
		var m, p string
		for i := range k {
			if k[i] == ' ' {
				m, p = k[:i], k[i+1:]
				break
			}
		}
		if got := routeLabel(m, p); got != want {
			t.Errorf("%s: label %q, want %q", k, got, want)
		}
	}
}
