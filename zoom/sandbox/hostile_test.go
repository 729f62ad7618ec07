package sandbox

import (
	"encoding/json"
	"strings"
	"testing"
)

// hostile-names seeds the hostile user, site and template exactly (the
// JSON carries the escapes, escaped), refuses Trudy with a message full of
// escapes, and leaves the default seed without any of them.
func TestHostileNamesSeedsEscapesAndRefusesWithThem(t *testing.T) {
	o, err := ParseBehaviours("hostile-names")
	if err != nil || !o.HostileNames {
		t.Fatalf("hostile-names: %+v %v", o, err)
	}
	e := newEnv(t, o)
	var u struct{ FirstName, LastName string }
	_, body := e.call("GET", "/v2/users/"+HostileEmail, nil)
	var raw map[string]any
	_ = json.Unmarshal(body, &raw)
	u.FirstName, _ = raw["first_name"].(string)
	u.LastName, _ = raw["last_name"].(string)
	if !strings.Contains(u.FirstName, "\x1b]52;c;") || !strings.Contains(u.LastName, "\x1b[2J") || !strings.Contains(u.LastName, "\u202e") {
		t.Errorf("the hostile names should come back exact: %q %q", u.FirstName, u.LastName)
	}
	_, sites := e.call("GET", "/v2/phone/sites", nil)
	if !strings.Contains(string(sites), `Lab\nFloor 2`) {
		t.Errorf("the site with a line break is missing: %s", sites)
	}
	status, refusal := e.call("POST", "/v2/phone/users/batch", map[string]any{"users": []map[string]any{{
		"email": HostileRefusedEmail, "extension_number": "9102", "site_name": HostileSiteName,
		"template_name": HostileTemplateName, "calling_plans": []string{"US/CA Unlimited"},
	}}})
	if status != 400 || !strings.Contains(string(refusal), `\u001b]52;c;`) {
		t.Errorf("Trudy should be refused with escapes in the message: %d %s", status, refusal)
	}

	plain := newEnv(t, Options{})
	if st, _ := plain.call("GET", "/v2/users/"+HostileEmail, nil); st != 404 {
		t.Errorf("the default seed must not hold the hostile user: %d", st)
	}
}
