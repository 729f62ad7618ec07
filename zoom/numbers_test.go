package zoom

import (
	"context"
	"slices"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

func numberSet(ns []PhoneNumber) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.Number+"@"+n.Site.ID)
	}
	slices.Sort(out)
	return out
}

// Numbers are read from GET /number_management/numbers first; when it is
// refused (no scope) the deprecated GET /phone/numbers is used instead, and
// both give the same catalog. The operator is told once which one is used.
func TestNumbersPreferTheNewEndpointAndFallBack(t *testing.T) {
	ctx := context.Background()
	c, sb := sandboxClient(t, sandbox.Options{})
	site := mainSite(t, c)
	fromNew, err := c.ListUnassignedNumbers(ctx, site.ID)
	if err != nil {
		t.Fatalf("ListUnassignedNumbers: %v", err)
	}
	if got := c.NumbersEndpointInUse(); got != NumbersManagement {
		t.Errorf("endpoint in use = %q, want %q", got, NumbersManagement)
	}
	if n := sb.CountRequests("GET", "/phone/numbers"); n != 0 {
		t.Errorf("%d reads of the deprecated /phone/numbers; want none while the new one answers", n)
	}
	if notice := c.NumbersNotice(); !strings.Contains(notice, "number_management") {
		t.Errorf("notice = %q; want it to name the new endpoint", notice)
	}
	if again := c.NumbersNotice(); again != "" {
		t.Errorf("second notice = %q; want the operator told once", again)
	}

	c2, _ := sandboxClient(t, sandbox.Options{NewNumbersRefused: true})
	fromOld, err := c2.ListUnassignedNumbers(ctx, site.ID)
	if err != nil {
		t.Fatalf("ListUnassignedNumbers with the new endpoint refused: %v", err)
	}
	if got := c2.NumbersEndpointInUse(); got != NumbersPhone {
		t.Errorf("endpoint in use = %q, want the fallback %q", got, NumbersPhone)
	}
	if notice := c2.NumbersNotice(); !strings.Contains(notice, "deprecated") || !strings.Contains(notice, "refused") {
		t.Errorf("notice = %q; want it to say the old one is used because the new one was refused", notice)
	}
	if a, b := numberSet(fromNew), numberSet(fromOld); !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("the two endpoints give different catalogs: %d vs %d numbers", len(a), len(b))
	}
}

// The other way round: a client that fell back to /phone/numbers goes back
// to the new endpoint once the old one is gone (404), and says so again.
func TestNumbersFallBackTheOtherWayRound(t *testing.T) {
	ctx := context.Background()
	c, sb := sandboxClient(t, sandbox.Options{NewNumbersRefused: true})
	site := mainSite(t, c)
	if _, err := c.ListUnassignedNumbers(ctx, site.ID); err != nil {
		t.Fatal(err)
	}
	_ = c.NumbersNotice()
	sb.SetOptions(sandbox.Options{OldNumbersGone: true})
	got, err := c.ListUnassignedNumbers(ctx, site.ID)
	if err != nil || len(got) == 0 {
		t.Fatalf("ListUnassignedNumbers after the old endpoint went: %d numbers, %v", len(got), err)
	}
	if c.NumbersEndpointInUse() != NumbersManagement {
		t.Errorf("endpoint in use = %q, want %q", c.NumbersEndpointInUse(), NumbersManagement)
	}
	if notice := c.NumbersNotice(); !strings.Contains(notice, "number_management") {
		t.Errorf("notice after the switch = %q; want the operator told of the new endpoint", notice)
	}
}

// Numbers being ported are pending in both endpoints' spellings
// ("pending", "Pending"), and their site comes from site.site_id.
func TestNumbersPendingInBothEndpoints(t *testing.T) {
	ctx := context.Background()
	for _, o := range []sandbox.Options{{PendingNumbers: true}, {PendingNumbers: true, NewNumbersRefused: true}} {
		c, _ := sandboxClient(t, o)
		site := mainSite(t, c)
		ns, err := c.ListUnassignedNumbers(ctx, site.ID)
		if err != nil {
			t.Fatal(err)
		}
		pending := 0
		for _, n := range ns {
			if n.Pending() {
				pending++
			}
			if n.Site == nil || n.Site.ID != site.ID {
				t.Fatalf("%s: number %s has site %+v, want %s", c.NumbersEndpointInUse(), n.Number, n.Site, site.ID)
			}
		}
		if pending == 0 || pending == len(ns) {
			t.Errorf("%s: %d of %d numbers pending; want some", c.NumbersEndpointInUse(), pending, len(ns))
		}
	}
}

// A refusal that is not about the endpoint (a bad site) is the answer: no
// fallback hides it.
func TestNumbersBadSiteIsNotAFallback(t *testing.T) {
	c, _ := sandboxClient(t, sandbox.Options{})
	if _, err := c.ListUnassignedNumbers(context.Background(), "no-such-site"); err == nil {
		t.Fatal("a bad site id answered; want Zoom's error")
	}
	if c.NumbersEndpointInUse() != "" {
		t.Errorf("endpoint in use = %q after a refusal about the site; want none decided", c.NumbersEndpointInUse())
	}
}

// zpadd doctor finds the numbers feature working when the app may read
// either number list, and says which.
func TestDoctorNumbersProbeAcceptsEitherList(t *testing.T) {
	for _, missing := range []string{"number_management:read:list_numbers:admin", "phone:read:list_numbers:admin"} {
		c, _ := sandboxClient(t, sandbox.Options{MissingScopes: []string{missing}})
		for _, p := range c.ProbeReads(context.Background()) {
			if p.Need.Feature == "numbers" && (!p.OK() || p.Note == "") {
				t.Errorf("without %s: numbers probe = %+v; want it working, saying which list", missing, p)
			}
		}
	}
}
