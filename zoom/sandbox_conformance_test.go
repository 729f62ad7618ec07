package zoom

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// The sandbox answers every read zpadd uses, and a batch add, in the shapes
// of Zoom's published schema, so code tested against it meets real Zoom.
func TestSandboxResponsesConformToZoomSchema(t *testing.T) {
	// Pending numbers and billing subscriptions on, so the answers that
	// only real accounts give are checked too.
	sb := sandbox.New(sandbox.Options{PendingNumbers: true, BillingSubscriptions: true})
	srv := httptest.NewServer(sb)
	defer srv.Close()
	acct, id, secret := sb.Credentials()
	req, _ := http.NewRequest("POST", srv.URL+"/oauth/token?grant_type=account_credentials&account_id="+acct, nil)
	req.SetBasicAuth(id, secret)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	get := func(method, path, body string) (int, []byte) {
		t.Helper()
		r, _ := http.NewRequest(method, srv.URL+"/v2"+path, strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		r.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()

	_, sites := get("GET", "/phone/sites", "")
	var siteList struct {
		Sites []struct{ ID string } `json:"sites"`
	}
	json.Unmarshal(sites, &siteList)
	if len(siteList.Sites) == 0 {
		t.Fatal("sandbox lists no sites")
	}
	site := siteList.Sites[0].ID
	cases := []struct{ op, method, path, body, status string }{
		{"listPhoneSites", "GET", "/phone/sites", "", "200"},
		{"getASite", "GET", "/phone/sites/" + site, "", "200"},
		{"listSettingTemplates", "GET", "/phone/setting_templates?site_id=" + site, "", "200"},
		{"listCallingPlans", "GET", "/phone/calling_plans", "", "200"},
		{"listAccountPhoneNumbers", "GET", "/phone/numbers?type=unassigned&site_id=" + site + "&page_size=100", "", "200"},
		{"listPhoneNumbers", "GET", "/number_management/numbers?assigned_to_type=PhoneUnassigned&site_id=" + site + "&page_size=200", "", "200"},
		{"listAccountProvisionTemplate", "GET", "/phone/provision_templates", "", "200"},
		{"listPhoneDevices", "GET", "/phone/devices?type=assigned", "", "200"},
		{"listPhoneUsers", "GET", "/phone/users?page_size=100", "", "200"},
		{"phoneUser", "GET", "/phone/users/alice.johnson@example.com", "", "200"},
		// Not checked: a pending phone user (mei.chen) reads back with
		// status "pending", which this schema's enum (activate, deactivate)
		// lacks; zoom-api.md §11.6, newer than the schema, says to check
		// for it.
		{"batchAddUsers", "POST", "/phone/users/batch", `{"users":[{"email":"mia.lewis@example.com","extension_number":"1301",` +
			`"calling_plans":["US/CA Metered"],"site_name":"Main Site"}]}`, "201"},
	}
	for _, c := range cases {
		t.Run(c.op, func(t *testing.T) {
			status, body := get(c.method, c.path, c.body)
			if want, _ := strconv.Atoi(c.status); status != want {
				t.Fatalf("%s %s: status %d, want %d: %s", c.method, c.path, status, want, body)
			}
			if problems := checkAgainst(responseSchema(t, c.op, c.status), body); len(problems) > 0 {
				t.Errorf("%s %s answers outside Zoom's schema:\n%s", c.method, c.path, strings.Join(problems, "\n"))
			}
		})
	}
}
