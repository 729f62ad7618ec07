package zoom

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Shapes of the follow-up operations the project's OpenAPI subset does not
// hold, written down from Zoom's published Phone OpenAPI document
// (listEmergencyAddresses, getADevice): field names and types only.
const (
	listEmergencyAddressesSchema = `{"type":"object","properties":{
		"next_page_token":{"type":"string"},"page_size":{"type":"integer"},"total_records":{"type":"integer"},
		"emergency_addresses":{"type":"array","items":{"type":"object","properties":{
			"address_line1":{"type":"string"},"address_line2":{"type":"string"},"city":{"type":"string"},
			"country":{"type":"string"},"id":{"type":"string"},"is_default":{"type":"boolean"},
			"level":{"type":"integer","enum":[0,1,2]},
			"owner":{"type":"object","properties":{"extension_number":{"type":"integer"},"id":{"type":"string"},"name":{"type":"string"}}},
			"site":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}},
			"state_code":{"type":"string"},"status":{"type":"integer","enum":[1,2,3,4,5,6]},"zip":{"type":"string"}}}}}}`
	getADeviceSchema = `{"type":"object","properties":{
		"assignee":{"type":"object","properties":{"extension_number":{"type":"integer"},"id":{"type":"string"},"name":{"type":"string"},"extension_type":{"type":"string","enum":["user","commonArea"]}}},
		"assignees":{"type":"array","items":{"type":"object","properties":{"extension_number":{"type":"integer"},"id":{"type":"string"},"name":{"type":"string"},"extension_type":{"type":"string","enum":["user","commonArea"]},"extension_id":{"type":"string"}}}},
		"device_type":{"type":"string"},"display_name":{"type":"string"},"id":{"type":"string"},"mac_address":{"type":"string"},
		"provision":{"type":"object","properties":{"sip_accounts":{"type":"array"},"type":{"type":"string","enum":["assisted","ztp","manual"]},"url":{"type":"string"}}},
		"site":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}},
		"status":{"type":"string","enum":["online","offline"]},"provision_template_id":{"type":"string"},
		"private_ip":{"type":"string"},"public_ip":{"type":"string"},
		"policy":{"type":"object"}}}`
	updateUserProfileRequestSchema = `{"type":"object","properties":{"emergency_address_id":{"type":"string"},"extension_number":{"type":"string"},"policy":{"type":"object"},"site_id":{"type":"string"},"template_id":{"type":"string"}}}`
	syncPhoneDeviceRequestSchema   = `{"type":"object","required":["level"],"properties":{"level":{"type":"integer","maximum":2},"site_id":{"type":"string"}}}`
)

func schemaOf(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("schema: %v", err)
	}
	return m
}

// recordingTransport keeps each request body the client sends.
type recordingTransport struct {
	next   http.RoundTripper
	bodies map[string][]byte
}

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil && req.GetBody != nil {
		b, _ := req.GetBody()
		var buf strings.Builder
		_, _ = io.Copy(&buf, b)
		r.bodies[req.Method+" "+req.URL.Path] = []byte(buf.String())
	}
	return r.next.RoundTrip(req)
}

// The follow-up answers of the sandbox (and the bodies the client sends)
// keep to Zoom's shapes: the subset's phoneUser with emergency_address set
// by the PATCH, and Zoom's documented shapes of the operations the subset
// lacks.
func TestFollowUpShapesConformToZoomSchema(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	srv := httptest.NewServer(sb)
	defer srv.Close()
	acct, id, secret := sb.Credentials()
	rec := &recordingTransport{next: http.DefaultTransport, bodies: map[string][]byte{}}
	c, err := New(Config{AccountID: acct, ClientID: id, ClientSecret: secret, APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		HTTPClient: &http.Client{Transport: rec}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	created, err := c.BatchAddUsers(ctx, BatchUsers([]state.User{{Email: "mia.lewis@example.com", ExtensionNumber: "1301", SiteName: "Main Site",
		CallingPlans: []string{"US/CA Unlimited"}, DeskPhones: []state.DeskPhone{{MAC: "805ec0aa0001", Brand: "Yealink", Model: "t46s"}}}}))
	if err != nil || len(created) != 1 {
		t.Fatalf("batch: %v %v", created, err)
	}
	if err := c.SetEmergencyAddress(ctx, created[0].ID, "EAmain0Brooklyn000002"); err != nil {
		t.Fatal(err)
	}
	if err := c.SyncDevices(ctx, "LuAaajsrn5d2ZS3fkOEqWM"); err != nil {
		t.Fatal(err)
	}
	for key, schema := range map[string]string{
		"PATCH /v2/phone/users/" + created[0].ID: updateUserProfileRequestSchema,
		"POST /v2/phone/devices/sync":            syncPhoneDeviceRequestSchema,
	} {
		body, ok := rec.bodies[key]
		if !ok {
			t.Fatalf("no body recorded for %s (%v)", key, rec.bodies)
		}
		if problems := checkAgainst(schemaOf(t, schema), body); len(problems) > 0 {
			t.Errorf("%s body outside Zoom's schema:\n%s", key, strings.Join(problems, "\n"))
		}
	}

	devs, err := c.ListDevices(ctx, DeviceQuery{Type: "assigned", Keyword: "805ec0aa0001"})
	if err != nil || len(devs) != 1 {
		t.Fatalf("devices: %v %v", devs, err)
	}
	raw := func(path string) []byte {
		t.Helper()
		var m json.RawMessage
		if err := c.do(ctx, call{route: route{http.MethodGet, path, phoneLight}, segments: seg(path)}, &m); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return m
	}
	cases := []struct {
		name   string
		body   []byte
		schema map[string]any
	}{
		{"phoneUser (subset)", raw("phone/users/" + created[0].ID), responseSchema(t, "phoneUser", "200")},
		{"listEmergencyAddresses", raw("phone/emergency_addresses"), schemaOf(t, listEmergencyAddressesSchema)},
		{"getADevice", raw("phone/devices/" + devs[0].ID), schemaOf(t, getADeviceSchema)},
	}
	for _, tc := range cases {
		if problems := checkAgainst(tc.schema, tc.body); len(problems) > 0 {
			t.Errorf("%s answers outside Zoom's schema:\n%s", tc.name, strings.Join(problems, "\n"))
		}
	}
	if !strings.Contains(string(cases[0].body), `"emergency_address":{"id":"EAmain0Brooklyn000002"`) {
		t.Errorf("the read-back does not show the PATCHed address: %s", cases[0].body)
	}
}

// The checker enforces the string lengths the subset uses (a two-letter
// country), so the conformance above can fail on them.
func TestSchemaCheckerCatchesStringLengths(t *testing.T) {
	schema := schemaOf(t, `{"type":"object","properties":{"country":{"type":"string","minLength":2,"maxLength":2}}}`)
	for _, body := range []string{`{"country":"USA"}`, `{"country":"U"}`} {
		if len(checkAgainst(schema, []byte(body))) == 0 {
			t.Errorf("no problem found in %s", body)
		}
	}
	if p := checkAgainst(schema, []byte(`{"country":"US"}`)); len(p) != 0 {
		t.Errorf("problems in a valid body: %v", p)
	}
}
