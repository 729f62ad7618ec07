package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// A CSV naming an address the account lacks: check names the user (row 2
// of the file is user 1) and the column's field, exits 2, sends nothing.
func TestCheckNamesAnUnknownEmergencyAddressByUser(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	in := "email,extension_number,site_name,calling_plans,emergency_address\n" +
		"grace.wilson@example.com,1201,Main Site,US/CA Unlimited,1 Nowhere Street\n" +
		"henry.moore@example.com,1202,Main Site,US/CA Unlimited,EAmain0Brooklyn000002\n"
	if code := Import(te.Env, writeCSV(t, in)); code != ExitOK {
		t.Fatalf("import exit %d: %s", code, te.stderr)
	}
	id := strings.Fields(te.stdout.String())[0]
	te.reset()
	if code := Check(context.Background(), te.Env, id, false); code != ExitInvalid {
		t.Fatalf("check exit %d, want %d: %s", code, ExitInvalid, te.stdout)
	}
	out := te.stdout.String()
	if !strings.Contains(out, "user 1 (grace.wilson@example.com), emergency_address") || !strings.Contains(out, "1 Nowhere Street") {
		t.Errorf("check output does not name user 1's address:\n%s", out)
	}
	if strings.Contains(out, "henry.moore@example.com), emergency_address") {
		t.Errorf("the known address was flagged:\n%s", out)
	}
	if te.posts() != 0 || te.sb.CountRequests("PATCH", "/v2/phone/users/") != 0 {
		t.Error("check sent a write")
	}
}

// submit --json reports the follow-up as a check of the user, and the
// progress on stderr says it live.
func TestSubmitJSONReportsTheEmergencyAddressAsACheck(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	in := "email,extension_number,site_name,calling_plans,emergency_address\n" +
		"grace.wilson@example.com,1201,Main Site,US/CA Unlimited,EAmain0Brooklyn000002\n" +
		"henry.moore@example.com,1202,Main Site,US/CA Unlimited,\n"
	if code := Import(te.Env, writeCSV(t, in)); code != ExitOK {
		t.Fatalf("import exit %d: %s", code, te.stderr)
	}
	id := strings.Fields(te.stdout.String())[0]
	te.reset()
	if code := Submit(context.Background(), te.Env, []string{id}, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("submit exit %d: %s", code, te.stderr)
	}
	res := decodeResults(t, te.stdout.Bytes())
	if len(res) != 2 {
		t.Fatalf("results %+v", res)
	}
	details := map[string]string{}
	for _, r := range res {
		for _, c := range r.Checks {
			if c.Name == "emergency address" && c.OK {
				details[r.Email] = c.Detail
			}
		}
	}
	if !strings.Contains(details["grace.wilson@example.com"], "85 Jay Street") || !strings.HasPrefix(details["henry.moore@example.com"], "site's default") {
		t.Errorf("emergency address checks %v", details)
	}
	if !strings.Contains(te.stderr.String(), "follow-up grace.wilson@example.com: emergency address: set and read back") {
		t.Errorf("no live follow-up line on stderr:\n%s", te.stderr)
	}
}

// zpadd devices lists each desk phone of a submitted draft with Zoom's
// provisioning type and URL, and refuses a draft never submitted.
func TestDevicesListsProvisioningOfASubmittedDraft(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{DeviceOnlineAfter: -1})
	ids := te.importClean(t, "grace.wilson", "henry.moore")
	if code := Devices(context.Background(), te.Env, ids[0], true); code != ExitInvalid {
		t.Fatalf("devices before submit: exit %d, want %d", code, ExitInvalid)
	}
	te.reset()
	if code := Submit(context.Background(), te.Env, ids, SubmitOptions{Yes: true, JSON: true}); code != ExitOK {
		t.Fatalf("submit exit %d: %s", code, te.stderr)
	}
	te.reset()
	if code := Devices(context.Background(), te.Env, ids[0], true); code != ExitOK {
		t.Fatalf("devices exit %d: %s", code, te.stderr)
	}
	var got []deviceJSON
	if err := json.Unmarshal(te.stdout.Bytes(), &got); err != nil || len(got) != 2 {
		t.Fatalf("devices --json (%v): %s", err, te.stdout)
	}
	for _, d := range got {
		if d.Status != "offline" || d.ProvisioningType != "ztp" || d.ProvisioningURL == "" || d.DeviceID == "" || d.Hint == "" {
			t.Errorf("device %+v", d)
		}
	}
	if te.posts() != 1 {
		t.Errorf("POSTs = %d, want 1", te.posts())
	}
}

// --dry-run still sends nothing and says which follow-ups would come.
func TestDryRunNamesTheFollowUps(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	in := "email,extension_number,site_name,calling_plans,emergency_address\n" +
		"grace.wilson@example.com,1201,Main Site,US/CA Unlimited,EAmain0Brooklyn000002\n" +
		"henry.moore@example.com,1202,Main Site,US/CA Unlimited,\n"
	if code := Import(te.Env, writeCSV(t, in)); code != ExitOK {
		t.Fatal(te.stderr)
	}
	id := strings.Fields(te.stdout.String())[0]
	te.reset()
	if code := Submit(context.Background(), te.Env, []string{id}, SubmitOptions{DryRun: true}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	if !strings.Contains(te.stderr.String(), "PATCH /phone/users/{userId}") || !strings.Contains(te.stderr.String(), "grace.wilson@example.com") ||
		strings.Contains(te.stderr.String(), "henry.moore@example.com (each") {
		t.Errorf("stderr does not name the follow-up:\n%s", te.stderr)
	}
	if n := len(te.sb.Requests()); n != 0 {
		t.Errorf("dry run made %d requests", n)
	}
}
