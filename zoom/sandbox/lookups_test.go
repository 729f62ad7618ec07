package sandbox

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// rawList decodes a list response keeping items as raw JSON objects, so
// tests see the wire types Zoom's schema fixes (integers stay numbers).
type rawList map[string]json.RawMessage

func (r rawList) items(t *testing.T, key string) []map[string]any {
	t.Helper()
	var xs []map[string]any
	if err := json.Unmarshal(r[key], &xs); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return xs
}

func (r rawList) next() string {
	var s string
	_ = json.Unmarshal(r["next_page_token"], &s)
	return s
}

func TestSitesShape(t *testing.T) {
	e := newEnv(t, Options{})
	var l rawList
	e.getJSON("/v2/phone/sites", &l)
	sites := l.items(t, "sites")
	if len(sites) != 4 {
		t.Fatalf("%d sites", len(sites))
	}
	main := sites[0]
	if main["name"] != "Main Site" || main["site_code"] != float64(1) {
		t.Errorf("first site %v, want Main Site with integer site_code 1", main)
	}
	if c := main["country"].(map[string]any); c["code"] != "US" {
		t.Errorf("country %v", c)
	}
	if ar := main["main_auto_receptionist"].(map[string]any); ar["extension_number"] != float64(1000) {
		t.Errorf("auto receptionist %v", ar)
	}
	var one map[string]any
	e.getJSON("/v2/phone/sites/"+main["id"].(string), &one)
	if se := one["short_extension"].(map[string]any); se["length"] != float64(4) {
		t.Errorf("short_extension %v", se)
	}
	var filtered rawList
	e.getJSON("/v2/phone/sites?site_name=lond", &filtered)
	if got := filtered.items(t, "sites"); len(got) != 1 || got[0]["name"] != "London" {
		t.Errorf("site_name filter: %v", got)
	}
	status, b := e.call("GET", "/v2/phone/sites/nope", nil)
	if ae := decodeErr(t, b); status != 400 || ae.Message != "The site does not exist." {
		t.Errorf("unknown site: %d %s", status, b)
	}
}

func TestSettingTemplatesPerSite(t *testing.T) {
	e := newEnv(t, Options{})
	siteID := e.sb.w.siteByName("London").ID
	var l rawList
	e.getJSON("/v2/phone/setting_templates?site_id="+siteID, &l)
	tpls := l.items(t, "templates")
	types := map[string]bool{}
	for _, tp := range tpls {
		types[tp["type"].(string)] = true
		if !strings.HasPrefix(tp["name"].(string), "London") {
			t.Errorf("London list holds %v", tp["name"])
		}
	}
	if !types["user"] || !types["group"] {
		t.Errorf("London templates %v, want user and group", tpls)
	}
	var acct rawList
	e.getJSON("/v2/phone/setting_templates", &acct)
	for _, tp := range acct.items(t, "templates") {
		if !strings.HasPrefix(tp["name"].(string), "Account") {
			t.Errorf("account-level list holds %v", tp["name"])
		}
	}
}

func TestCallingPlansShape(t *testing.T) {
	e := newEnv(t, Options{})
	var l rawList
	e.getJSON("/v2/phone/calling_plans", &l)
	plans := l.items(t, "calling_plans")
	byType := map[float64]map[string]any{}
	for _, p := range plans {
		byType[p["type"].(float64)] = p
		if p["available"].(float64) != p["subscribed"].(float64)-p["assigned"].(float64) {
			t.Errorf("plan %v: available is not subscribed-assigned", p)
		}
	}
	if p := byType[200]; p == nil || p["name"] != "US/CA Unlimited Calling Plan" {
		t.Errorf("type 200: %v", p)
	}
	if _, paged := l["next_page_token"]; paged {
		t.Error("calling plans are not paginated at Zoom")
	}
}

// Walking every page of unassigned numbers returns each exactly once.
func TestNumbersPaginateCompletely(t *testing.T) {
	e := newEnv(t, Options{})
	seen := map[string]bool{}
	token, pages, total := "", 0, 0
	for {
		var l rawList
		e.getJSON("/v2/phone/numbers?type=unassigned&page_size=1000&next_page_token="+token, &l)
		var size int
		_ = json.Unmarshal(l["page_size"], &size)
		_ = json.Unmarshal(l["total_records"], &total)
		if size != 100 {
			t.Fatalf("page_size %d, want the max 100", size)
		}
		for _, n := range l.items(t, "phone_numbers") {
			num := n["number"].(string)
			if seen[num] {
				t.Fatalf("number %s on two pages", num)
			}
			if _, assigned := n["assignee"]; assigned {
				t.Fatalf("unassigned list holds assigned %s", num)
			}
			seen[num] = true
		}
		pages++
		if token = l.next(); token == "" {
			break
		}
	}
	if len(seen) != total || total < 2000 || pages != (total+99)/100 {
		t.Fatalf("walked %d numbers in %d pages, total_records %d", len(seen), pages, total)
	}
}

func TestNumbersFilters(t *testing.T) {
	e := newEnv(t, Options{})
	tokyo := e.sb.w.siteByName("Tokyo").ID
	var l rawList
	e.getJSON("/v2/phone/numbers?type=unassigned&site_id="+tokyo+"&page_size=100", &l)
	for _, n := range l.items(t, "phone_numbers") {
		if !strings.HasPrefix(n["number"].(string), "+81") || n["site"].(map[string]any)["id"] != tokyo {
			t.Fatalf("Tokyo list holds %v", n)
		}
	}
	var assigned rawList
	e.getJSON("/v2/phone/numbers?type=assigned&phone_number=%2B16468200101", &assigned)
	got := assigned.items(t, "phone_numbers")
	if len(got) != 1 || got[0]["assignee"].(map[string]any)["extension_number"] != float64(1001) {
		t.Fatalf("assigned lookup %v", got)
	}
}

func TestPageTokenRules(t *testing.T) {
	clock := newClock()
	e := newEnv(t, Options{Now: clock.Now})
	var l rawList
	e.getJSON("/v2/phone/numbers?type=unassigned&page_size=10", &l)
	tok := l.next()
	if status, _ := e.call("GET", "/v2/phone/numbers?type=unassigned&page_size=10&next_page_token="+tok, nil); status != 200 {
		t.Fatalf("valid token refused: %d", status)
	}
	if status, _ := e.call("GET", "/v2/phone/numbers?type=assigned&next_page_token="+tok, nil); status != 400 {
		t.Errorf("token reused with other filters: %d, want 400", status)
	}
	if status, _ := e.call("GET", "/v2/phone/numbers?type=unassigned&next_page_token=garbage", nil); status != 400 {
		t.Errorf("garbage token: %d, want 400", status)
	}
	clock.Advance(16 * time.Minute)
	status, b := e.call("GET", "/v2/phone/numbers?type=unassigned&page_size=10&next_page_token="+tok, nil)
	if status != 400 || !strings.Contains(decodeErr(t, b).Message, "expired") {
		t.Errorf("15-minute-old token: %d %s", status, b)
	}
	if status, _ := e.call("GET", "/v2/phone/sites?page_size=ten", nil); status != 400 {
		t.Errorf("non-numeric page_size: %d, want 400", status)
	}
}

var macShape = regexp.MustCompile(`^[0-9a-f]{12}$`)

func TestDevicesShapeAndSearch(t *testing.T) {
	e := newEnv(t, Options{})
	var l rawList
	e.getJSON("/v2/phone/devices?type=assigned", &l)
	devs := l.items(t, "devices")
	if len(devs) == 0 {
		t.Fatal("no assigned devices")
	}
	for _, d := range devs {
		if !macShape.MatchString(d["mac_address"].(string)) {
			t.Errorf("mac_address %v", d["mac_address"])
		}
		if _, ok := d["assignee"].(map[string]any)["extension_number"].(float64); !ok {
			t.Errorf("assignee extension_number not a number: %v", d["assignee"])
		}
	}
	var found rawList
	e.getJSON("/v2/phone/devices?type=assigned&keyword=80-5E-C0-3D-EB-C4", &found)
	if got := found.items(t, "devices"); len(got) != 1 || got[0]["mac_address"] != "805ec03debc4" {
		t.Errorf("MAC keyword search: %v", got)
	}
	var none rawList
	e.getJSON("/v2/phone/devices?type=unassigned&keyword=805ec03debc4", &none)
	if got := none.items(t, "devices"); len(got) != 0 {
		t.Errorf("assigned MAC listed as unassigned: %v", got)
	}
	var poly rawList
	e.getJSON("/v2/phone/devices?type=unassigned&device_type=poly", &poly)
	for _, d := range poly.items(t, "devices") {
		if !strings.HasPrefix(d["device_type"].(string), "Polycom") {
			t.Errorf("poly filter gave %v", d["device_type"])
		}
	}
	if status, _ := e.call("GET", "/v2/phone/devices", nil); status != 400 {
		t.Errorf("devices without type: %d, want 400", status)
	}
}

func TestPhoneUsersListAndProfile(t *testing.T) {
	e := newEnv(t, Options{})
	var l rawList
	e.getJSON("/v2/phone/users?page_size=500", &l)
	var size int
	_ = json.Unmarshal(l["page_size"], &size)
	if size != 100 {
		t.Errorf("page_size clamped to %d, want 100", size)
	}
	var alice rawList
	e.getJSON("/v2/phone/users?keyword=alice", &alice)
	got := alice.items(t, "users")
	if len(got) != 1 || got[0]["extension_number"] != float64(1001) || got[0]["email"] != "alice.johnson@example.com" {
		t.Fatalf("keyword alice: %v", got)
	}
	var p map[string]any
	e.getJSON("/v2/phone/users/ALICE.JOHNSON@example.com", &p)
	if p["extension_number"] != float64(1001) || p["site_id"] != e.sb.w.siteByName("Main Site").ID {
		t.Errorf("profile %v", p)
	}
	nums := p["phone_numbers"].([]any)
	if len(nums) != 1 || nums[0].(map[string]any)["number"] != "+16468200101" {
		t.Errorf("profile numbers %v", nums)
	}
	status, b := e.call("GET", "/v2/phone/users/grace.wilson@example.com", nil)
	if ae := decodeErr(t, b); status != 404 || ae.Code != 1001 {
		t.Errorf("not a phone user: %d %s", status, b)
	}
}

func TestBareProfileNumbersAndFullExtensions(t *testing.T) {
	e := newEnv(t, Options{BareProfileNumbers: true, FullExtensions: true})
	var p map[string]any
	e.getJSON("/v2/phone/users/alice.johnson@example.com", &p)
	if n := p["phone_numbers"].([]any)[0].(map[string]any)["number"]; n != "16468200101" {
		t.Errorf("bare number %v", n)
	}
	if p["extension_number"] != float64(11001) {
		t.Errorf("full extension %v, want 11001", p["extension_number"])
	}
}

func TestUsersAPI(t *testing.T) {
	e := newEnv(t, Options{})
	var u map[string]any
	e.getJSON("/v2/users/jose.nunez@example.com", &u)
	if u["status"] != "active" || u["first_name"] != "José" || u["last_name"] != "Núñez" {
		t.Errorf("active user %v", u)
	}
	var pending map[string]any
	e.getJSON("/v2/users/nina.pending@example.com", &pending)
	if len(pending) != 2 || pending["id"] == nil || pending["created_at"] == nil {
		t.Errorf("pending user %v, want only id and created_at", pending)
	}
	var inactive map[string]any
	e.getJSON("/v2/users/paul.inactive@example.com", &inactive)
	if inactive["status"] != "inactive" {
		t.Errorf("inactive user %v", inactive)
	}
	status, b := e.call("GET", "/v2/users/ghost@example.com", nil)
	if ae := decodeErr(t, b); status != 404 || ae.Code != 1001 {
		t.Errorf("unknown user: %d %s", status, b)
	}
}

func TestProvisionTemplates(t *testing.T) {
	e := newEnv(t, Options{})
	var l rawList
	e.getJSON("/v2/phone/provision_templates?page_size=2", &l)
	if got := l.items(t, "provision_templates"); len(got) != 2 || l.next() == "" {
		t.Fatalf("first page %v next %q", got, l.next())
	}
	var all rawList
	e.getJSON("/v2/phone/provision_templates", &all)
	names := fmt.Sprint(all.items(t, "provision_templates"))
	if !strings.Contains(names, "HQ Yealink") || !strings.Contains(names, "bound_device_count") {
		t.Errorf("provision templates %s", names)
	}
}

func TestSingleSiteAccount(t *testing.T) {
	e := newEnv(t, Options{SingleSite: true})
	status, b := e.call("GET", "/v2/phone/sites", nil)
	if ae := decodeErr(t, b); status != 400 || ae.Code != 300 || ae.Message != msgMultiSiteOff {
		t.Errorf("sites on a single-site account: %d %s", status, b)
	}
	u := goodUser(free(0), "1201")
	delete(u, "site_name")
	if status, b := e.call("POST", "/v2/phone/users/batch", batch(u)); status != 201 {
		t.Errorf("user without a site on a single-site account: %d %s", status, b)
	}
}
