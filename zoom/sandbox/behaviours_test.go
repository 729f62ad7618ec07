package sandbox

import (
	"strings"
	"testing"
	"time"
)

func TestParseBehaviours(t *testing.T) {
	o, err := ParseBehaviours("all-or-nothing, refuse-ten,latency=50ms,post-delay=2s,token-ttl=30s,device-online-after=never,seed=standard," +
		"fail=429-date,fail=503-html@GET:/phone/sites,fail=drop,empty-plans-refused,long-plan-names,auto-extension,single-site," +
		"bare-profile-numbers,full-extensions,api-url,phone-not-set-up")
	if err != nil {
		t.Fatal(err)
	}
	if o.Outcome != AllOrNothing || !o.RefuseTen || o.Latency != 50*time.Millisecond || o.PostDelay != 2*time.Second ||
		o.TokenTTL != 30*time.Second || o.DeviceOnlineAfter >= 0 || o.Seed != "standard" {
		t.Errorf("options %+v", o)
	}
	if !o.EmptyPlansRefused || !o.LongPlanNames || !o.AutoExtension || !o.SingleSite || !o.BareProfileNumbers || !o.FullExtensions || !o.APIURL || !o.PhoneNotSetUp {
		t.Errorf("switches %+v", o)
	}
	if len(o.Fail) != 3 {
		t.Fatalf("faults %+v", o.Fail)
	}
	if f := o.Fail[0]; f.Kind != RateLimited || f.RetryAfter != RetryAfterHTTPDate || f.Method != "POST" || f.Path != "/phone/users/batch" {
		t.Errorf("fault 0 %+v", f)
	}
	if f := o.Fail[1]; f.Kind != ServerError || f.Status != 503 || f.Body != BodyHTML || f.Method != "GET" || f.Path != "/phone/sites" {
		t.Errorf("fault 1 %+v", f)
	}
	if o.Fail[2].Kind != CommitThenDrop {
		t.Errorf("fault 2 %+v", o.Fail[2])
	}
	if o, _ := ParseBehaviours(""); o.Outcome != PerUser || len(o.Fail) != 0 {
		t.Errorf("empty spec %+v", o)
	}
}

// Bad behaviour lists say which item is wrong and why.
func TestParseBehavioursErrors(t *testing.T) {
	for spec, want := range map[string]string{
		"refuse-tem":         `behaviour 1 "refuse-tem"`,
		"per-user,latency=x": `"x" is not a duration`,
		"seed=nope":          "known: standard",
		"fail=418":           "unknown fault",
		"fail=503-xml":       "body form",
		"fail=429@sites":     "METHOD:/path",
		"refuse-ten=1":       "takes no value",
	} {
		if _, err := ParseBehaviours(spec); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to mention %q", spec, err, want)
		}
	}
}

func TestOptionsFromEnv(t *testing.T) {
	t.Setenv(EnvBehaviours, "all-or-nothing")
	if o, err := OptionsFromEnv(); err != nil || o.Outcome != AllOrNothing {
		t.Fatalf("%+v %v", o, err)
	}
	t.Setenv(EnvBehaviours, "bogus")
	if _, err := OptionsFromEnv(); err == nil || !strings.Contains(err.Error(), EnvBehaviours) {
		t.Fatalf("bad env: %v", err)
	}
}

// SetOptions switches behaviour at run time and keeps the account state.
func TestSetOptionsKeepsState(t *testing.T) {
	e := newEnv(t, Options{})
	if status, _ := e.call("POST", "/v2/phone/users/batch", batch(goodUser(free(0), "1200"))); status != 201 {
		t.Fatal("first add failed")
	}
	e.sb.SetOptions(Options{RefuseTen: true, Outcome: AllOrNothing})
	if o := e.sb.Options(); !o.RefuseTen || o.Outcome != AllOrNothing {
		t.Errorf("options after SetOptions %+v", o)
	}
	if status, _ := e.call("GET", "/v2/phone/users/"+free(0), nil); status != 200 {
		t.Error("state lost on SetOptions")
	}
	if status, _ := e.call("POST", "/v2/phone/users/batch", batch(tenUsers(10)...)); status != 400 {
		t.Errorf("RefuseTen not in force: %d", status)
	}
	if n := e.sb.CountRequests("POST", "/phone/users/batch"); n != 2 {
		t.Errorf("CountRequests POST batch = %d, want 2", n)
	}
}

// The behaviours of real Zoom (zoom-api.md §11) switch on by name.
func TestParseRealZoomBehaviours(t *testing.T) {
	o, err := ParseBehaviours("terse-errors,overstated-200,old-numbers-gone,new-numbers-refused,pending-numbers,pending-users," +
		"billing-subscriptions,poly-edge,site-codes")
	if err != nil {
		t.Fatal(err)
	}
	if !o.TerseErrors || !o.OverstatedSuccess || !o.OldNumbersGone || !o.NewNumbersRefused || !o.PendingNumbers ||
		!o.PendingUsers || !o.BillingSubscriptions || !o.PolyEdgeDevices || !o.FullExtensions {
		t.Errorf("switches %+v", o)
	}
}
