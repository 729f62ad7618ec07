package sandbox

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func postBatch(t *testing.T, e *env, body any) (int, []byte) {
	t.Helper()
	return e.call("POST", "/v2/phone/users/batch", body)
}

func created(t *testing.T, b []byte) []createdJSON {
	t.Helper()
	var out []createdJSON
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("201 body %s: %v", b, err)
	}
	return out
}

// A full user (numbers, caller id, template, desk phone) is created and the
// account changes accordingly, visible through every read endpoint.
func TestBatchCreatesUserAndChangesState(t *testing.T) {
	e := newEnv(t, Options{})
	u := goodUser(free(0), "1200")
	u["template_name"] = "Main Site Standard User"
	u["phone_numbers"] = []string{"+16468201000"}
	u["outbound_caller_id"] = "+16468201000"
	u["sms"] = true
	u["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "80-5E-C0-00-00-01", "provision_template": "HQ Yealink"}}
	var before rawList
	e.getJSON("/v2/phone/calling_plans", &before)

	status, b := postBatch(t, e, batch(u))
	if status != 201 {
		t.Fatalf("status %d: %s", status, b)
	}
	got := created(t, b)
	if len(got) != 1 || got[0].Email != free(0) || got[0].ID != e.sb.w.userByEmail[free(0)].ID {
		t.Fatalf("created %v", got)
	}

	var p map[string]any
	e.getJSON("/v2/phone/users/"+free(0), &p)
	if p["extension_number"] != float64(1200) || p["phone_numbers"].([]any)[0].(map[string]any)["number"] != "+16468201000" {
		t.Errorf("profile after create %v", p)
	}
	var num rawList
	e.getJSON("/v2/phone/numbers?type=unassigned&phone_number=%2B16468201000", &num)
	if n := num.items(t, "phone_numbers"); len(n) != 0 {
		t.Errorf("number still unassigned: %v", n)
	}
	var dev rawList
	e.getJSON("/v2/phone/devices?type=assigned&keyword=805ec0000001", &dev)
	if d := dev.items(t, "devices"); len(d) != 1 || d[0]["assignee"].(map[string]any)["extension_number"] != float64(1200) || d[0]["status"] != "offline" {
		t.Errorf("device after create %v", d)
	}
	var after rawList
	e.getJSON("/v2/phone/calling_plans", &after)
	if a, b := planField(t, before, 200, "available"), planField(t, after, 200, "available"); b != a-1 {
		t.Errorf("US/CA Unlimited available %v → %v, want one fewer", a, b)
	}
	// Adding the same user again is refused: already a phone user.
	status, b = postBatch(t, e, batch(goodUser(free(0), "1201")))
	if status != 400 || !strings.Contains(string(b), "already a Zoom Phone user") {
		t.Errorf("second add: %d %s", status, b)
	}
}

func planField(t *testing.T, l rawList, typ float64, field string) float64 {
	for _, p := range l.items(t, "calling_plans") {
		if p["type"] == typ {
			return p[field].(float64)
		}
	}
	t.Fatalf("no plan %v", typ)
	return 0
}

// Each business rule refuses the user and names the field it is about.
func TestBatchRules(t *testing.T) {
	londonNumber := "+442038120000"
	cases := []struct {
		name  string
		edit  func(u map[string]any)
		field string
		msg   string
	}{
		{"unknown email", func(u map[string]any) { u["email"] = "ghost@example.com" }, "users[0].email", "does not exist"},
		{"inactive user", func(u map[string]any) { u["email"] = "paul.inactive@example.com" }, "users[0].email", "not active"},
		{"pending user", func(u map[string]any) { u["email"] = "nina.pending@example.com" }, "users[0].email", "pending"},
		{"already phone user", func(u map[string]any) { u["email"] = "alice.johnson@example.com" }, "users[0].email", "already"},
		{"extension too short", func(u map[string]any) { u["extension_number"] = "120" }, "users[0].extension_number", "4 digits"},
		{"extension not digits", func(u map[string]any) { u["extension_number"] = "12a4" }, "users[0].extension_number", "digits"},
		{"extension taken", func(u map[string]any) { u["extension_number"] = "1001" }, "users[0].extension_number", "already used"},
		{"extension of auto receptionist", func(u map[string]any) { u["extension_number"] = "1000" }, "users[0].extension_number", "already used"},
		{"unknown site name", func(u map[string]any) { u["site_name"] = "Paris" }, "users[0].site_name", "does not exist"},
		{"unknown site code", func(u map[string]any) { delete(u, "site_name"); u["site_code"] = "9" }, "users[0].site_code", "does not exist"},
		{"no site", func(u map[string]any) { delete(u, "site_name") }, "users[0].site_name", "required"},
		{"site name and code disagree", func(u map[string]any) { u["site_code"] = "2" }, "users[0].site_code", "London"},
		{"unknown plan", func(u map[string]any) { u["calling_plans"] = []string{"US/CA Unlimited Calling Plan"} }, "users[0].calling_plans[0]", "does not exist"},
		{"plan not subscribed", func(u map[string]any) { u["calling_plans"] = []string{"Europe Zone A Metered"} }, "users[0].calling_plans[0]", "not subscribed"},
		{"india plan", func(u map[string]any) { u["calling_plans"] = []string{"IN Pro"} }, "users[0].calling_plans[0]", "not subscribed"},
		{"plan exhausted", func(u map[string]any) { u["calling_plans"] = []string{"Power Pack"} }, "users[0].calling_plans[0]", "0 available"},
		{"plan subscription suffix", func(u map[string]any) { u["calling_plans"] = []string{"US/CA Unlimited:FT-SUBREF-1"} }, "users[0].calling_plans[0]", "subscription"},
		{"number not E.164", func(u map[string]any) { u["phone_numbers"] = []string{"646-820-1000"} }, "users[0].phone_numbers[0]", "E.164"},
		{"number not in account", func(u map[string]any) { u["phone_numbers"] = []string{"+12125550123"} }, "users[0].phone_numbers[0]", "does not belong"},
		{"number assigned", func(u map[string]any) { u["phone_numbers"] = []string{"+16468200101"} }, "users[0].phone_numbers[0]", "already in use"},
		{"number of another site", func(u map[string]any) { u["phone_numbers"] = []string{londonNumber} }, "users[0].phone_numbers[0]", "site London"},
		{"caller id not the account's", func(u map[string]any) { u["outbound_caller_id"] = "+12125550123" }, "users[0].outbound_caller_id", "not one of"},
		{"template of another site", func(u map[string]any) { u["template_name"] = "London Standard User" }, "users[0].template_name", "Template is invalid"},
		{"group template", func(u map[string]any) { u["template_name"] = "Main Site Sales Group" }, "users[0].template_name", "Template is invalid"},
		{"four desk phones", func(u map[string]any) { u["desk_phones"] = phones(4) }, "users[0].desk_phones", "up to three"},
		{"bad MAC", func(u map[string]any) {
			u["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "80:5e:c0:00:00"}}
		}, "users[0].desk_phones[0].mac", "invalid"},
		{"MAC registered", func(u map[string]any) {
			u["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "80:5E:C0:3D:EB:C4"}}
		}, "users[0].desk_phones[0].mac", "already registered"},
		{"unknown brand", func(u map[string]any) {
			u["desk_phones"] = []map[string]string{{"brand": "Acme", "model": "x1", "mac": "805ec0000009"}}
		}, "users[0].desk_phones[0].brand", "manufacturer"},
		{"no model", func(u map[string]any) {
			u["desk_phones"] = []map[string]string{{"brand": "Yealink", "mac": "805ec0000009"}}
		}, "users[0].desk_phones[0].model", "model"},
		{"unknown provision template", func(u map[string]any) {
			u["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "805ec0000009", "provision_template": "Nope"}}
		}, "users[0].desk_phones[0].provision_template", "does not exist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, Options{})
			u := goodUser(free(0), "1200")
			c.edit(u)
			status, b := postBatch(t, e, batch(u))
			wantStatus := 400
			if strings.Contains(c.msg, "Template") {
				wantStatus = 404
			}
			if status != wantStatus {
				t.Fatalf("status %d, want %d: %s", status, wantStatus, b)
			}
			ae := decodeErr(t, b)
			if wantStatus == 404 {
				if ae.Code != 404 || ae.Message != msgTemplateInvalid {
					t.Fatalf("template error %s", b)
				}
				return
			}
			if ae.Code != 300 || ae.Message != msgValidationFailed || len(ae.Errors) == 0 {
				t.Fatalf("body %s", b)
			}
			if ae.Errors[0].Field != c.field || !strings.Contains(ae.Errors[0].Message, c.msg) {
				t.Errorf("error %+v, want field %s with %q", ae.Errors[0], c.field, c.msg)
			}
			if n := e.sb.CountRequests("GET", ""); n != 0 {
				t.Fatalf("unexpected reads %d", n)
			}
			if len(e.sb.w.phoneUsers) != 14 {
				t.Errorf("a refused batch created users")
			}
		})
	}
}

func phones(n int) []map[string]string {
	var out []map[string]string
	for i := range n {
		out = append(out, map[string]string{"brand": "Yealink", "model": "t46s", "mac": fmt.Sprintf("805ec00000%02x", i+1)})
	}
	return out
}

// Schema errors are caught before the business rules, for the whole request.
func TestBatchSchema(t *testing.T) {
	e := newEnv(t, Options{})
	cases := []struct {
		name        string
		body        any
		status      int
		code        int
		field, text string
	}{
		{"not JSON", "{users:", 400, 300, "", "valid JSON"},
		{"no users", map[string]any{}, 400, 300, "users", "required"},
		{"empty users", map[string]any{"users": []any{}}, 400, 300, "users", "at least 1"},
		{"eleven users", batch(tenUsers(11)...), 400, 400, "", msgUserSize},
		{"extension as number", batch(map[string]any{"email": free(0), "extension_number": 1200, "calling_plans": []string{"US/CA Unlimited"}, "site_name": "Main Site"}), 400, 300, "users[0].extension_number", "must be a string"},
		{"missing calling_plans", batch(map[string]any{"email": free(0), "extension_number": "1200", "site_name": "Main Site"}), 400, 300, "users[0].calling_plans", "required"},
		{"missing email", batch(map[string]any{"extension_number": "1200", "calling_plans": []string{}, "site_name": "Main Site"}), 400, 300, "users[0].email", "required"},
		{"sms as string", batch(map[string]any{"email": free(0), "extension_number": "1200", "calling_plans": []string{}, "sms": "yes"}), 400, 300, "users[0].sms", "true or false"},
		{"eleven numbers", batch(map[string]any{"email": free(0), "extension_number": "1200", "calling_plans": []string{}, "phone_numbers": make([]string, 11)}), 400, 300, "users[0].phone_numbers", "at most 10"},
		{"bad activation_status", batch(map[string]any{"email": free(0), "extension_number": "1200", "calling_plans": []string{}, "activation_status": "on"}), 400, 300, "users[0].activation_status", "activate"},
	}
	for _, c := range cases {
		status, b := postBatch(t, e, c.body)
		ae := decodeErr(t, b)
		if status != c.status || ae.Code != c.code {
			t.Errorf("%s: %d %s, want %d/%d", c.name, status, b, c.status, c.code)
			continue
		}
		if c.field != "" && (len(ae.Errors) == 0 || ae.Errors[0].Field != c.field || !strings.Contains(ae.Errors[0].Message, c.text)) {
			t.Errorf("%s: errors %+v, want %s: %s", c.name, ae.Errors, c.field, c.text)
		}
		if c.field == "" && !strings.Contains(ae.Message, c.text) {
			t.Errorf("%s: message %q, want %q", c.name, ae.Message, c.text)
		}
	}
}

func tenUsers(n int) []map[string]any {
	var out []map[string]any
	for i := range n {
		out = append(out, goodUser(free(i%len(freeEmails)), fmt.Sprint(1200+i)))
	}
	return out
}

// PerUser: good users are created, bad ones are missing from the 201.
func TestBatchPerUserOutcome(t *testing.T) {
	e := newEnv(t, Options{})
	bad := goodUser("paul.inactive@example.com", "1201")
	status, b := postBatch(t, e, batch(goodUser(free(0), "1200"), bad, goodUser(free(1), "1202")))
	if status != 201 {
		t.Fatalf("status %d: %s", status, b)
	}
	got := created(t, b)
	if len(got) != 2 || got[0].Email != free(0) || got[1].Email != free(1) {
		t.Fatalf("created %v", got)
	}
	if status, _ := e.call("GET", "/v2/phone/users/"+free(1), nil); status != 200 {
		t.Errorf("created user not readable: %d", status)
	}
	// None good: 400/300 with every error.
	status, b = postBatch(t, e, batch(bad, goodUser("ghost@example.com", "1203")))
	ae := decodeErr(t, b)
	if status != 400 || ae.Code != 300 || len(ae.Errors) != 2 || ae.Errors[1].Field != "users[1].email" {
		t.Fatalf("all bad: %d %s", status, b)
	}
}

// AllOrNothing: one bad user refuses the batch, reports every bad user and
// creates nobody.
func TestBatchAllOrNothingOutcome(t *testing.T) {
	e := newEnv(t, Options{Outcome: AllOrNothing})
	status, b := postBatch(t, e, batch(goodUser(free(0), "1200"), goodUser("paul.inactive@example.com", "1201"), goodUser(free(1), "12")))
	ae := decodeErr(t, b)
	if status != 400 || ae.Code != 300 || len(ae.Errors) != 2 || ae.Errors[0].Field != "users[1].email" || ae.Errors[1].Field != "users[2].extension_number" {
		t.Fatalf("status %d: %s", status, b)
	}
	if status, _ := e.call("GET", "/v2/phone/users/"+free(0), nil); status != 404 {
		t.Errorf("good user of a refused batch exists: %d", status)
	}
	if status, b := postBatch(t, e, batch(goodUser(free(0), "1200"))); status != 201 {
		t.Errorf("all-good batch: %d %s", status, b)
	}
}

// PartialRefusal: the good users are created, yet the answer is 400/300
// naming only the bad ones.
func TestBatchPartialRefusalOutcome(t *testing.T) {
	e := newEnv(t, Options{Outcome: PartialRefusal})
	status, b := postBatch(t, e, batch(goodUser(free(0), "1200"), goodUser("paul.inactive@example.com", "1201")))
	ae := decodeErr(t, b)
	if status != 400 || ae.Code != 300 || len(ae.Errors) != 1 || ae.Errors[0].Field != "users[1].email" {
		t.Fatalf("status %d: %s", status, b)
	}
	if status, _ := e.call("GET", "/v2/phone/users/"+free(0), nil); status != 200 {
		t.Errorf("the good user of a partial refusal was not created: %d", status)
	}
	if o, err := ParseBehaviours("partial-refusal"); err != nil || o.Outcome != PartialRefusal {
		t.Errorf("behaviour name: %v %v", o.Outcome, err)
	}
}

// Exactly ten users: accepted by default, refused with RefuseTen; nine always.
func TestBatchOfTen(t *testing.T) {
	e := newEnv(t, Options{RefuseTen: true})
	status, b := postBatch(t, e, batch(tenUsers(10)...))
	if ae := decodeErr(t, b); status != 400 || ae.Code != 400 || ae.Message != "User size must be less than 10." {
		t.Fatalf("ten with RefuseTen: %d %s", status, b)
	}
	if status, b := postBatch(t, e, batch(tenUsers(9)...)); status != 201 || len(created(t, b)) != 9 {
		t.Fatalf("nine with RefuseTen: %d %s", status, b)
	}
	e2 := newEnv(t, Options{})
	if status, b := postBatch(t, e2, batch(tenUsers(10)...)); status != 201 || len(created(t, b)) != 10 {
		t.Fatalf("ten by default: %d %s", status, b)
	}
}

// Duplicates inside one batch: the first occurrence wins.
func TestBatchDuplicates(t *testing.T) {
	e := newEnv(t, Options{Outcome: AllOrNothing})
	a := goodUser(free(0), "1200")
	a["phone_numbers"] = []string{"+16468201000"}
	a["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "805ec0000001"}}
	b := goodUser(free(0), "1200")
	b["phone_numbers"] = []string{"+16468201000"}
	b["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "80:5e:c0:00:00:01"}}
	status, body := postBatch(t, e, batch(a, b))
	ae := decodeErr(t, body)
	fields := map[string]bool{}
	for _, fe := range ae.Errors {
		fields[fe.Field] = true
		if !strings.Contains(fe.Message, "users[0]") {
			t.Errorf("duplicate message %q does not name the first user", fe.Message)
		}
	}
	for _, f := range []string{"users[1].email", "users[1].extension_number", "users[1].phone_numbers[0]", "users[1].desk_phones[0].mac"} {
		if !fields[f] {
			t.Errorf("status %d: no duplicate error on %s: %s", status, f, body)
		}
	}
	// The same extension at different sites is no duplicate.
	c := goodUser(free(2), "2001")
	c["site_name"] = "Toronto"
	c["calling_plans"] = []string{"US/CA Metered"}
	if status, body := postBatch(t, e, batch(goodUser(free(1), "2001"), c)); status != 201 {
		t.Errorf("same extension at two sites: %d %s", status, body)
	}
}

// Licences are counted across the whole batch.
func TestBatchCountsLicencesAcrossBatch(t *testing.T) {
	e := newEnv(t, Options{})
	plan := e.sb.w.planByType(1000) // Global Select
	plan.Assigned = plan.Subscribed - 2
	var users []map[string]any
	for i := range 3 {
		u := goodUser(free(i), fmt.Sprint(1200+i))
		u["calling_plans"] = []string{"Global Select"}
		users = append(users, u)
	}
	status, b := postBatch(t, e, batch(users...))
	if status != 201 || len(created(t, b)) != 2 {
		t.Fatalf("two licences for three users: %d %s", status, b)
	}
	if plan.available() != 0 {
		t.Errorf("available after %d", plan.available())
	}
}

// A template error alone is Zoom's documented 404 "Template is invalid".
func TestBatchTemplateOnly404(t *testing.T) {
	e := newEnv(t, Options{Outcome: AllOrNothing})
	u := goodUser(free(0), "1200")
	u["template_name"] = "No Such Template"
	status, b := postBatch(t, e, batch(u, goodUser(free(1), "1201")))
	if ae := decodeErr(t, b); status != 404 || ae.Code != 404 || ae.Message != msgTemplateInvalid {
		t.Fatalf("%d %s", status, b)
	}
}

func TestBatchUncertainSwitches(t *testing.T) {
	empty := goodUser(free(0), "1200")
	empty["calling_plans"] = []string{}
	if status, b := postBatch(t, newEnv(t, Options{}), batch(empty)); status != 201 {
		t.Errorf("empty plans by default: %d %s", status, b)
	}
	if status, b := postBatch(t, newEnv(t, Options{EmptyPlansRefused: true}), batch(empty)); status != 400 || !strings.Contains(string(b), "users[0].calling_plans") {
		t.Errorf("empty plans refused: %d %s", status, b)
	}
	long := goodUser(free(0), "1200")
	long["calling_plans"] = []string{"US/CA Unlimited Calling Plan"}
	if status, b := postBatch(t, newEnv(t, Options{LongPlanNames: true}), batch(long)); status != 201 {
		t.Errorf("long plan names: %d %s", status, b)
	}
	e := newEnv(t, Options{AutoExtension: true})
	if status, b := postBatch(t, e, batch(goodUser(free(0), "0"), goodUser(free(1), "0"))); status != 201 {
		t.Fatalf("auto extension: %d %s", status, b)
	}
	var p0, p1 map[string]any
	e.getJSON("/v2/phone/users/"+free(0), &p0)
	e.getJSON("/v2/phone/users/"+free(1), &p1)
	if p0["extension_number"] != float64(1006) || p1["extension_number"] != float64(1007) {
		t.Errorf("auto extensions %v %v, want the next free 1006, 1007", p0["extension_number"], p1["extension_number"])
	}
	if status, _ := postBatch(t, newEnv(t, Options{}), batch(goodUser(free(0), "0"))); status != 400 {
		t.Errorf("extension 0 without auto-extension: %d, want 400", status)
	}
}
