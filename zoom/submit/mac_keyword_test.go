package submit

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"zpadd/zoom/sandbox"
)

// devicesKeywordSpy serves the sandbox, recording each GET /phone/devices
// keyword; with bareOnly it plays a Zoom whose search matches only the bare
// form of a MAC (hyphenated keywords find nothing).
func (e *env) devicesKeywordSpy(bareOnly bool) *[]string {
	var mu sync.Mutex
	keywords := &[]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/phone/devices") {
			kw := r.URL.Query().Get("keyword")
			mu.Lock()
			*keywords = append(*keywords, r.URL.Query().Get("type")+" "+kw)
			mu.Unlock()
			if bareOnly && strings.Contains(kw, "-") {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(`{"devices":[],"next_page_token":"","page_size":300,"total_records":0}`))
				return
			}
		}
		e.sb.ServeHTTP(w, r)
	}))
	e.t.Cleanup(srv.Close)
	e.url = srv.URL
	e.c = e.newClient()
	e.svc = New(e.c, e.home, e.j, Options{RetryWait: e.svc.o.RetryWait, Store: e.store})
	return keywords
}

// The MAC keyword goes in Zoom's hyphenated form first; the bare form is
// tried only when that finds nothing, so a Zoom that matches either way is
// asked once per list, and one that matches only bare MACs still finds it.
func TestCheckMACSendsTheHyphenatedKeywordThenBare(t *testing.T) {
	t.Parallel()
	const alicePhone = "80:5E:C0:3D:EB:C4" // seeded, assigned to Alice
	for _, bareOnly := range []bool{false, true} {
		e := newEnv(t, sandbox.Options{}, Options{})
		kws := e.devicesKeywordSpy(bareOnly)
		found, err := e.svc.CheckMAC(context.Background(), alicePhone)
		if err != nil || !found {
			t.Fatalf("bare-only %v: CheckMAC = %v, %v; want found", bareOnly, found, err)
		}
		got := "," + strings.Join(*kws, ",") + ","
		if !strings.Contains(got, ",assigned 80-5e-c0-3d-eb-c4,") {
			t.Errorf("bare-only %v: keywords %s; want the hyphenated form sent", bareOnly, got)
		}
		hasBare := strings.Contains(got, ",assigned 805ec03debc4,")
		if hasBare != bareOnly {
			t.Errorf("bare-only %v: keywords %s; want the bare form only as a fallback", bareOnly, got)
		}
	}
}
