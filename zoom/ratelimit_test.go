package zoom

import (
	"context"
	"testing"
)

// Each call is charged to the bucket Zoom documents for it.
func TestRouteLabelsFollowZoomDocs(t *testing.T) {
	want := map[route]label{
		routeBatchAdd: phoneMedium, routeListSites: phoneMedium, routeGetSite: phoneLight,
		routeSettingTemplates: phoneLight, routeCallingPlans: phoneMedium, routeNumbers: phoneMedium,
		routeProvisionTpls: phoneMedium, routeDevices: phoneMedium, routeListPhoneUsers: phoneMedium,
		routeGetPhoneUser: phoneLight, routeGetUser: mainLight,
	}
	for r, l := range want {
		if r.label != l {
			t.Errorf("%s: label %s, want %s", r.key(), r.label, l)
		}
	}
}

// The plan sizes the buckets: Pro Medium 10/s, Business+ Medium 20/s, etc.
func TestLimitsSizedByPlan(t *testing.T) {
	cases := []struct {
		plan string
		l    label
		want float64
	}{
		{"", phoneMedium, 10}, {"pro", phoneLight, 20}, {"pro", mainLight, 30},
		{"business", phoneMedium, 20}, {"Enterprise", phoneLight, 40}, {"business", mainLight, 80},
	}
	for _, tc := range cases {
		c, err := New(Config{AccountID: "a", ClientID: "b", ClientSecret: "c", Plan: tc.plan})
		if err != nil {
			t.Fatal(err)
		}
		if got := float64(c.limits[tc.l].Limit()); got != tc.want {
			t.Errorf("plan %q %s = %v/s, want %v", tc.plan, tc.l, got, tc.want)
		}
	}
}

// Requests draw from their own bucket only: three Medium calls leave the
// Light bucket full.
func TestRequestsDrawFromTheirLabelsBucket(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/calling_plans", plansHandler)
	cfg := f.config()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c.ListCallingPlans(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.limits[phoneMedium].Tokens(); got > 7.9 {
		t.Errorf("Medium tokens = %.2f, want about 7 after 3 calls", got)
	}
	if got := c.limits[phoneLight].Tokens(); got < 20 {
		t.Errorf("Light tokens = %.2f, want 20 (untouched)", got)
	}
}
