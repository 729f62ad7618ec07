package zoom

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"testing"

	"zpadd/state"
)

func ptr[T any](v T) *T { return &v }

// fullUser sets every field of a draft user, with the untidy input an
// operator may leave (spaces, a colon MAC in upper case, empty list items).
func fullUser() state.User {
	return state.User{
		Email: " zoe@example.com ", FirstName: "Zoë", LastName: "Núñez", ExtensionNumber: "01001",
		SiteName: "Main Site", SiteCode: "1", TemplateName: "Default user template",
		CallingPlans:     []string{"US/CA Unlimited", " ", "International Calling Add-On"},
		PhoneNumbers:     []string{"+12015550123", ""},
		OutboundCallerID: "+12015550123", SelectOutboundCallerID: ptr(false), SMS: ptr(true),
		DeskPhones: []state.DeskPhone{
			{MAC: "80:5E:C0:3D:EB:C4", Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"},
			{MAC: "64167f379092", Brand: "Polycom", Model: "vvx450"},
		},
	}
}

// The body uses Zoom's snake_case names, strings for extension and site
// code, hyphenated lowercase MACs, and keeps an explicit false.
func TestBatchUsersBuildsExactBody(t *testing.T) {
	got, err := json.Marshal(BatchRequest{Users: BatchUsers([]state.User{fullUser()})})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"users":[{"email":"zoe@example.com","first_name":"Zoë","last_name":"Núñez","calling_plans":["US/CA Unlimited","International Calling Add-On"],` +
		`"site_code":"1","site_name":"Main Site","template_name":"Default user template","extension_number":"01001",` +
		`"phone_numbers":["+12015550123"],"outbound_caller_id":"+12015550123","select_outbound_caller_id":false,"sms":true,` +
		`"desk_phones":[{"brand":"Yealink","model":"t46s","mac":"80-5e-c0-3d-eb-c4","provision_template":"HQ Yealink"},` +
		`{"brand":"Polycom","model":"vvx450","mac":"64-16-7f-37-90-92"}]}]}`
	if string(got) != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

// A minimal user sends only the required fields, calling_plans as [] (never
// null), and nothing optional.
func TestBatchUsersOmitsEmptyOptionalFields(t *testing.T) {
	got, _ := json.Marshal(BatchUsers([]state.User{{Email: "a@example.com", ExtensionNumber: "100", DeskPhones: []state.DeskPhone{{}}}}))
	want := `[{"email":"a@example.com","calling_plans":[],"extension_number":"100"}]`
	if string(got) != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// A MAC that is not valid is passed on as typed, so validation can name it.
func TestBatchUsersKeepsInvalidMACAsTyped(t *testing.T) {
	got := BatchUsers([]state.User{{DeskPhones: []state.DeskPhone{{MAC: "80-5e-c0-3d-eb"}}}})
	if got[0].DeskPhones[0].MAC != "80-5e-c0-3d-eb" {
		t.Errorf("MAC = %q", got[0].DeskPhones[0].MAC)
	}
}

// BatchAddUsers POSTs exactly the BatchRequest JSON and returns Zoom's
// {email,id} array.
func TestBatchAddUsersSendsBodyAndDecodesResults(t *testing.T) {
	f := newFakeZoom(t)
	users := BatchUsers([]state.User{fullUser()})
	var gotBody []byte
	var gotType string
	f.handle("POST /v2/phone/users/batch", func(w http.ResponseWriter, r *http.Request) {
		gotBody, _ = io.ReadAll(r.Body)
		gotType = r.Header.Get("Content-Type")
		writeJSON(w, http.StatusCreated, []map[string]string{{"email": "zoe@example.com", "id": "u-1"}})
	})
	c := newTestClient(t, f.config(), nil)
	res, err := c.BatchAddUsers(context.Background(), users)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, []BatchResult{{Email: "zoe@example.com", ID: "u-1"}}) {
		t.Errorf("results = %+v", res)
	}
	want, _ := json.Marshal(BatchRequest{Users: users})
	if string(gotBody) != string(want) || gotType != "application/json" {
		t.Errorf("sent %s (%s)\nwant %s", gotBody, gotType, want)
	}
}

// Answers other than Zoom's documented array are read too: an object with
// users[], or an empty body.
func TestDecodeBatchResultsTolerantForms(t *testing.T) {
	cases := map[string][]BatchResult{
		`[{"email":"a@x","id":"1"}]`:           {{"a@x", "1"}},
		`{"users":[{"email":"a@x","id":"1"}]}`: {{"a@x", "1"}},
		``:                                     nil,
		`null`:                                 nil,
	}
	for in, want := range cases {
		got, err := decodeBatchResults(json.RawMessage(in))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := decodeBatchResults(json.RawMessage(`"x"`)); err == nil {
		t.Error("a string answer should be unreadable")
	}
}
