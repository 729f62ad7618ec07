package sandbox

import (
	"strings"
	"testing"
	"time"
)

const mainSite = "LuAaajsrn5d2ZS3fkOEqWM"

// Addresses are stored per site, with one default each; the list filters
// by site; a new phone user reads back the site's default until a PATCH
// sets another, which the read-back then shows.
func TestEmergencyAddressesPerSiteAndPatchIsReadBack(t *testing.T) {
	e := newEnv(t, Options{})
	var list struct {
		Addresses []struct {
			ID        string `json:"id"`
			IsDefault bool   `json:"is_default"`
			Site      struct{ ID string }
		} `json:"emergency_addresses"`
	}
	e.getJSON("/v2/phone/emergency_addresses?site_id="+mainSite, &list)
	defaults := 0
	for _, a := range list.Addresses {
		if a.Site.ID != mainSite {
			t.Errorf("address %s of site %s in Main Site's list", a.ID, a.Site.ID)
		}
		if a.IsDefault {
			defaults++
		}
	}
	if len(list.Addresses) != 4 || defaults != 1 {
		t.Fatalf("Main Site has %d addresses, %d default; want 4 and 1", len(list.Addresses), defaults)
	}
	if status, _ := e.call("POST", "/v2/phone/users/batch", batch(goodUser(free(0), "1301"))); status != 201 {
		t.Fatalf("batch: %d", status)
	}
	readBack := func() string {
		var pu struct {
			EmergencyAddress struct{ ID string } `json:"emergency_address"`
		}
		e.getJSON("/v2/phone/users/"+free(0), &pu)
		return pu.EmergencyAddress.ID
	}
	if got := readBack(); got != "EAmain0HQlobby00000001" {
		t.Errorf("a new user reads back %q, want the site's default", got)
	}
	if status, b := e.call("PATCH", "/v2/phone/users/"+free(0), map[string]string{"emergency_address_id": "EAmain0Jersey00000003"}); status != 204 {
		t.Fatalf("PATCH: %d %s", status, b)
	}
	if got := readBack(); got != "EAmain0Jersey00000003" {
		t.Errorf("after the PATCH it reads back %q", got)
	}
	status, b := e.call("PATCH", "/v2/phone/users/"+free(0), map[string]string{"emergency_address_id": "nope"})
	if ae := decodeErr(t, b); status != 400 || ae.Code != 300 || len(ae.Errors) != 1 || ae.Errors[0].Field != "emergency_address_id" {
		t.Errorf("unknown address: %d %+v", status, ae)
	}
	if status, _ := e.call("PATCH", "/v2/phone/users/nobody@example.com", map[string]string{"emergency_address_id": "EAmain0Jersey00000003"}); status != 404 {
		t.Errorf("PATCH of a non-phone user: %d, want 404", status)
	}
}

// followup-refused refuses every address PATCH; followup-dropped applies
// the next one and hangs up.
func TestFollowUpBehaviours(t *testing.T) {
	o, err := ParseBehaviours("followup-refused,followup-dropped")
	if err != nil {
		t.Fatal(err)
	}
	if !o.RefuseFollowUp || len(o.Fail) != 1 || o.Fail[0].Kind != CommitThenDrop || o.Fail[0].Method != "PATCH" {
		t.Fatalf("options %+v", o)
	}
	e := newEnv(t, Options{RefuseFollowUp: true})
	e.call("POST", "/v2/phone/users/batch", batch(goodUser(free(1), "1302")))
	status, b := e.call("PATCH", "/v2/phone/users/"+free(1), map[string]string{"emergency_address_id": "EAmain0Jersey00000003"})
	if status != 400 || !strings.Contains(string(b), "emergency_address_id") {
		t.Errorf("refused: %d %s", status, b)
	}
}

// Reboot: only an online phone that is not provisioned by hand, once a
// second; sync: level 1 or 2, once per 15 minutes.
func TestRebootAndSyncRules(t *testing.T) {
	clk := newClock()
	e := newEnv(t, Options{Now: clk.Now, DeviceOnlineAfter: time.Minute})
	u := goodUser(free(2), "1303")
	u["desk_phones"] = []map[string]string{{"brand": "Yealink", "model": "t46s", "mac": "80-5e-c0-aa-00-09"}}
	e.call("POST", "/v2/phone/users/batch", batch(u))
	var devs struct {
		Devices []struct{ ID string } `json:"devices"`
	}
	e.getJSON("/v2/phone/devices?type=assigned&keyword=805ec0aa0009", &devs)
	if len(devs.Devices) != 1 {
		t.Fatalf("devices %+v", devs)
	}
	reboot := "/v2/phone/devices/" + devs.Devices[0].ID + "/reboot"
	if status, b := e.call("POST", reboot, nil); status != 400 || !strings.Contains(string(b), "offline") {
		t.Errorf("reboot offline: %d %s", status, b)
	}
	clk.Advance(time.Minute)
	if status, _ := e.call("POST", reboot, nil); status != 202 {
		t.Errorf("reboot online: %d", status)
	}
	if status, b := e.call("POST", reboot, nil); status != 400 || !strings.Contains(string(b), "too frequent") {
		t.Errorf("second reboot in the same second: %d %s", status, b)
	}
	if status, _ := e.call("POST", "/v2/phone/devices/sync", map[string]any{"level": 3}); status != 400 {
		t.Errorf("sync level 3: %d", status)
	}
	if status, _ := e.call("POST", "/v2/phone/devices/sync", map[string]any{"level": 2, "site_id": mainSite}); status != 204 {
		t.Errorf("sync: %d", status)
	}
	clk.Advance(14 * time.Minute)
	if status, b := e.call("POST", "/v2/phone/devices/sync", map[string]any{"level": 1}); status != 400 || decodeErr(t, b).Code != 429 {
		t.Errorf("second sync inside 15 minutes: %d %s", status, b)
	}
	clk.Advance(time.Minute)
	if status, _ := e.call("POST", "/v2/phone/devices/sync", map[string]any{"level": 1}); status != 204 {
		t.Errorf("sync after 15 minutes: %d", status)
	}
	var detail struct {
		Provision struct{ Type, URL string } `json:"provision"`
	}
	e.getJSON("/v2/phone/devices/"+devs.Devices[0].ID, &detail)
	if detail.Provision.Type != "ztp" || detail.Provision.URL == "" {
		t.Errorf("provision %+v", detail.Provision)
	}
}
