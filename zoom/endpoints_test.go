package zoom

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"testing"
)

// pager serves items in pages of the requested size with an opaque cursor,
// and records every query it got, so tests can check page_size and that
// the other parameters were kept between pages.
type pager struct {
	key     string
	items   []map[string]any
	queries []url.Values
}

func (p *pager) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p.queries = append(p.queries, q)
	size, _ := strconv.Atoi(q.Get("page_size"))
	if size <= 0 {
		size = 30
	}
	start := 0
	if t := q.Get("next_page_token"); t != "" {
		fmt.Sscanf(t, "cursor-%d", &start)
	}
	end := min(start+size, len(p.items))
	next := ""
	if end < len(p.items) {
		next = fmt.Sprintf("cursor-%d", end)
	}
	writeJSON(w, http.StatusOK, map[string]any{p.key: p.items[start:end], "next_page_token": next, "page_size": size, "total_records": len(p.items)})
}

func items(n int, f func(i int) map[string]any) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

// Every list follows next_page_token to the end with the endpoint's largest
// page size and the same filters on every page.
func TestListsReadEveryPageKeepingFilters(t *testing.T) {
	type lister func(c *Client) (int, error)
	cases := []struct {
		name, path, key string
		n, pageSize     int
		filters         url.Values
		list            lister
	}{
		{"sites", "/v2/phone/sites", "sites", 650, 300, url.Values{}, func(c *Client) (int, error) {
			s, err := c.ListSites(context.Background())
			return len(s), err
		}},
		{"templates", "/v2/phone/setting_templates", "templates", 301, 300, url.Values{"site_id": {"s1"}}, func(c *Client) (int, error) {
			s, err := c.ListSettingTemplates(context.Background(), "s1")
			return len(s), err
		}},
		{"numbers", "/v2/phone/numbers", "phone_numbers", 2050, 100, url.Values{"type": {"unassigned"}, "site_id": {"s2"}}, func(c *Client) (int, error) {
			s, err := c.ListUnassignedNumbers(context.Background(), "s2")
			return len(s), err
		}},
		{"managed numbers", "/v2/number_management/numbers", "numbers", 450, 200, url.Values{"assigned_to_type": {"PhoneUnassigned"}, "site_id": {"s2"}}, func(c *Client) (int, error) {
			s, err := c.ListUnassignedNumbers(context.Background(), "s2")
			return len(s), err
		}},
		{"provision templates", "/v2/phone/provision_templates", "provision_templates", 5, 300, url.Values{}, func(c *Client) (int, error) {
			s, err := c.ListProvisionTemplates(context.Background())
			return len(s), err
		}},
		{"devices", "/v2/phone/devices", "devices", 700, 300, url.Values{"type": {"assigned"}, "keyword": {"805ec03debc4"}, "site_id": {"s3"}}, func(c *Client) (int, error) {
			s, err := c.ListDevices(context.Background(), DeviceQuery{Type: "assigned", Keyword: "805ec03debc4", SiteID: "s3"})
			return len(s), err
		}},
		{"phone users", "/v2/phone/users", "users", 250, 100, url.Values{"site_id": {"s1"}, "keyword": {"Zoë"}}, func(c *Client) (int, error) {
			s, err := c.ListPhoneUsers(context.Background(), PhoneUserQuery{SiteID: "s1", Keyword: "Zoë"})
			return len(s), err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeZoom(t)
			p := &pager{key: tc.key, items: items(tc.n, func(i int) map[string]any { return map[string]any{"id": fmt.Sprint(i)} })}
			f.handle("GET "+tc.path, p.ServeHTTP)
			c := newTestClient(t, f.config(), nil)
			got, err := tc.list(c)
			if err != nil || got != tc.n {
				t.Fatalf("got %d items, err %v; want %d", got, err, tc.n)
			}
			wantPages := (tc.n + tc.pageSize - 1) / tc.pageSize
			if len(p.queries) != wantPages {
				t.Errorf("pages read = %d, want %d", len(p.queries), wantPages)
			}
			for i, q := range p.queries {
				if q.Get("page_size") != strconv.Itoa(tc.pageSize) {
					t.Errorf("page %d page_size = %q, want %d", i, q.Get("page_size"), tc.pageSize)
				}
				for k := range tc.filters {
					if q.Get(k) != tc.filters.Get(k) {
						t.Errorf("page %d %s = %q, want %q", i, k, q.Get(k), tc.filters.Get(k))
					}
				}
				if (i == 0) != (q.Get("next_page_token") == "") {
					t.Errorf("page %d next_page_token = %q", i, q.Get("next_page_token"))
				}
			}
		})
	}
}

// A server that repeats its cursor does not loop forever.
func TestPaginationStopsOnRepeatedCursor(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/sites", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, map[string]any{"sites": []map[string]any{{"id": "x"}}, "next_page_token": "same"})
	})
	c := newTestClient(t, f.config(), nil)
	if _, err := c.ListSites(context.Background()); err == nil {
		t.Fatal("err = nil, want a repeated-cursor error")
	}
}

// Wire fields decode as Zoom sends them: site_code and extension_number
// integers (or numeric strings), nested site/country/assignee objects.
func TestEndpointsDecodeZoomFields(t *testing.T) {
	f := newFakeZoom(t)
	f.handle("GET /v2/phone/sites/s1", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"s1","name":"Main Site","site_code":1,"country":{"code":"US","name":"United States"},"short_extension":{"length":4},"main_auto_receptionist":{"id":"ar","extension_number":1000}}`))
	})
	f.handle("GET /v2/phone/sites", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"sites":[{"id":"s2","name":"London","site_code":"2","country":{"code":"GB"}}],"next_page_token":""}`))
	})
	f.handle("GET /v2/phone/setting_templates", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"templates":[{"id":"t1","name":"Default user","type":"user","description":"d"}]}`))
	})
	f.handle("GET /v2/phone/calling_plans", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"calling_plans":[{"name":"US/CA Unlimited Calling Plan","type":200,"subscribed":10,"assigned":4,"available":6}]}`))
	})
	f.handle("GET /v2/phone/numbers", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"phone_numbers":[{"id":"n1","number":"+12015550123","status":"available","number_type":"toll","capability":["incoming","outgoing"],"site":{"id":"s1","name":"Main Site"}}]}`))
	})
	f.handle("GET /v2/phone/provision_templates", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"provision_templates":[{"id":"p1","name":"HQ Yealink","bound_device_count":3}]}`))
	})
	f.handle("GET /v2/phone/devices", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"devices":[{"id":"d1","display_name":"Desk","device_type":"Yealinkt46s","mac_address":"805ec03debc4","status":"online","site":{"id":"s1"},"assignee":{"id":"u1","name":"Zoë","extension_number":1001,"extension_type":"user"}}]}`))
	})
	f.handle("GET /v2/phone/users/jos%C3%A9@example.com", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"u1","email":"josé@example.com","extension_number":"01001","site_id":"s1","status":"activate","calling_plans":[{"type":200}],"phone_numbers":[{"id":"n1","number":"12015550123"}]}`))
	})
	f.handle("GET /v2/users/pending@example.com", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"p1","created_at":"2026-01-01T00:00:00Z"}`))
	})
	f.handle("GET /v2/users/a@example.com", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"a1","email":"a@example.com","first_name":"Łukasz","last_name":"Nowak","status":"active","type":1}`))
	})
	c := newTestClient(t, f.config(), nil)
	ctx := context.Background()

	site, err := c.GetSite(ctx, "s1")
	if err != nil || site.SiteCode != 1 || site.Country.Code != "US" || site.ExtensionLength() != 4 || site.MainAutoReceptionist.ExtensionNumber != 1000 {
		t.Errorf("GetSite = %+v, %v", site, err)
	}
	sites, err := c.ListSites(ctx)
	if err != nil || len(sites) != 1 || sites[0].SiteCode != 2 || sites[0].ExtensionLength() != 0 {
		t.Errorf("ListSites = %+v, %v", sites, err)
	}
	tpls, err := c.ListSettingTemplates(ctx, "s1")
	if err != nil || !reflect.DeepEqual(tpls, []SettingTemplate{{ID: "t1", Name: "Default user", Type: "user", Description: "d"}}) {
		t.Errorf("ListSettingTemplates = %+v, %v", tpls, err)
	}
	plans, err := c.ListCallingPlans(ctx)
	if err != nil || !reflect.DeepEqual(plans, []CallingPlan{{Name: "US/CA Unlimited Calling Plan", Type: 200, Subscribed: 10, Assigned: 4, Available: 6}}) {
		t.Errorf("ListCallingPlans = %+v, %v", plans, err)
	}
	nums, err := c.ListUnassignedNumbers(ctx, "s1")
	if err != nil || len(nums) != 1 || nums[0].Number != "+12015550123" || nums[0].Site.ID != "s1" || len(nums[0].Capability) != 2 {
		t.Errorf("ListUnassignedNumbers = %+v, %v", nums, err)
	}
	pts, err := c.ListProvisionTemplates(ctx)
	if err != nil || !reflect.DeepEqual(pts, []ProvisionTemplate{{ID: "p1", Name: "HQ Yealink", BoundDeviceCount: 3}}) {
		t.Errorf("ListProvisionTemplates = %+v, %v", pts, err)
	}
	devs, err := c.ListDevices(ctx, DeviceQuery{Type: "unassigned"})
	if err != nil || len(devs) != 1 || devs[0].MACAddress != "805ec03debc4" || devs[0].Status != "online" || devs[0].Assignee.ExtensionNumber != 1001 {
		t.Errorf("ListDevices = %+v, %v", devs, err)
	}
	pu, err := c.GetPhoneUser(ctx, "josé@example.com")
	if err != nil || pu.ExtensionNumber != 1001 || pu.SiteRefID() != "s1" || pu.CallingPlans[0].Type != 200 || pu.PhoneNumbers[0].Number != "12015550123" {
		t.Errorf("GetPhoneUser = %+v, %v", pu, err)
	}
	pending, err := c.GetUser(ctx, "pending@example.com")
	if err != nil || pending.ID != "p1" || pending.Active() {
		t.Errorf("GetUser(pending) = %+v, %v; want not active", pending, err)
	}
	active, err := c.GetUser(ctx, "a@example.com")
	if err != nil || !active.Active() || active.FirstName != "Łukasz" {
		t.Errorf("GetUser(active) = %+v, %v", active, err)
	}
	// 11: the numbers were read from /phone/numbers after the new list
	// answered 404 (this fake server does not serve it).
	if s := c.Stats(); s.Requests["GET /phone/users/{userId}"] != 1 || s.Requests["GET /users/{userId}"] != 2 || s.Total != 11 {
		t.Errorf("Stats = %+v", s)
	}
}

// Ids and emails are path-escaped: a "/" cannot reach another endpoint.
func TestPathSegmentsEscaped(t *testing.T) {
	f := newFakeZoom(t)
	hit := ""
	f.handle("GET /v2/phone/users/a%2Fb@example.com", func(w http.ResponseWriter, r *http.Request) {
		hit = r.URL.EscapedPath()
		writeJSON(w, 200, map[string]any{"id": "x"})
	})
	c := newTestClient(t, f.config(), nil)
	if _, err := c.GetPhoneUser(context.Background(), "a/b@example.com"); err != nil {
		t.Fatal(err)
	}
	if hit == "" {
		t.Error("escaped route not hit")
	}
}

// Bad input is refused before anything is sent, with a clear message.
func TestBadInputRefusedBeforeSending(t *testing.T) {
	f := newFakeZoom(t)
	c := newTestClient(t, f.config(), nil)
	ctx := context.Background()
	checks := map[string]error{}
	_, checks["devices without type"] = c.ListDevices(ctx, DeviceQuery{Keyword: "x"})
	_, checks["devices bad type"] = c.ListDevices(ctx, DeviceQuery{Type: "all"})
	_, checks["site id empty"] = c.GetSite(ctx, " ")
	_, checks["phone user empty"] = c.GetPhoneUser(ctx, "")
	_, checks["user empty"] = c.GetUser(ctx, "")
	_, checks["no users"] = c.BatchAddUsers(ctx, nil)
	_, checks["eleven users"] = c.BatchAddUsers(ctx, make([]BatchUser, 11))
	for name, err := range checks {
		if err == nil || !IsNotSent(err) {
			t.Errorf("%s: err = %v, want a not-sent error", name, err)
		}
	}
	if n := len(f.requests()); n != 0 || f.tokensIssued() != 0 {
		t.Errorf("requests sent = %d, tokens = %d, want none", n, f.tokensIssued())
	}
}
