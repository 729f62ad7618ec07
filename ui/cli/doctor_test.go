package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// doctor on a healthy account: exit 0, every feature ok, one read per
// endpoint with page_size 1 where it pages, one token, and no write.
func TestDoctorHealthyAccountReadsEachEndpointOnceAndNeverWrites(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	if code := Doctor(context.Background(), te.Env, true); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, te.stdout, te.stderr)
	}
	var r DoctorReport
	if err := json.Unmarshal(te.stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if !r.OK || len(r.Missing) != 0 || len(r.Features) != 9 || r.ClockSkew == nil {
		t.Errorf("report: ok %v, missing %v, %d features, skew %v", r.OK, r.Missing, len(r.Features), r.ClockSkew)
	}
	if n := te.sb.CountRequests("POST", "/v2/phone"); n != 0 {
		t.Errorf("doctor sent %d POSTs", n)
	}
	for _, req := range te.sb.Requests() {
		if strings.HasPrefix(req.Path, "/v2/phone/") && strings.Contains(req.Query, "page_size") && !strings.Contains(req.Query, "page_size=1") {
			t.Errorf("%s %s?%s: want page_size=1", req.Method, req.Path, req.Query)
		}
	}
	if s := te.client.Stats(); s.TokenFetches != 1 || s.Requests["GET /phone/sites"] != 1 || s.Requests["GET /users/{userId}"] != 1 {
		t.Errorf("stats %+v: want one token and one read per endpoint", s)
	}
}

// doctor on an app missing two scopes: exit 1, both named with the
// Marketplace step, the batch one from the token's scope field only.
func TestDoctorNamesEachMissingScope(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{MissingScopes: []string{"phone:read:list_users:admin", "phone:write:batch_users:admin"}})
	if code := Doctor(context.Background(), te.Env, false); code != ExitOther {
		t.Fatalf("exit %d, want %d", code, ExitOther)
	}
	out := te.stdout.String()
	for _, want := range []string{"2 scope(s) missing", "phone:read:list_users:admin", "phone:write:batch_users:admin", "+ Add Scopes", "FAIL batch add", "FAIL phone users"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if n := te.sb.CountRequests("POST", "/v2/phone"); n != 0 {
		t.Errorf("doctor sent %d POSTs", n)
	}
}

// A classic-scope app passes, and a clock off by minutes is reported.
func TestDoctorClassicAppAndClockSkew(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{ClassicScopes: true, ClockSkew: 5 * 60e9})
	if code := Doctor(context.Background(), te.Env, false); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, te.stdout)
	}
	if out := te.stdout.String(); !strings.Contains(out, "classic scopes") || !strings.Contains(out, "5m0s behind Zoom: set the clock") {
		t.Errorf("report:\n%s", out)
	}
}
