package state

import (
	"strings"
	"testing"
)

func TestValidateCleanDraft(t *testing.T) {
	d := &Draft{Users: []User{validUser(0), validUser(1)}}
	if ps := Validate(d, testCatalog()); len(ps) != 0 {
		t.Errorf("valid draft has problems:\n%v", ps)
	}
	if ps := Validate(d, nil); len(ps) != 0 {
		t.Errorf("valid draft without catalog has problems:\n%v", ps)
	}
}

// TestValidateRules protects each validation rule: the problem lands on
// the right user and field, with the right severity and a message naming
// the issue. Each case edits a valid two-user draft.
func TestValidateRules(t *testing.T) {
	type want struct {
		user  int
		field string
		sev   Severity
		msg   string
	}
	for _, tc := range []struct {
		name      string
		edit      func(d *Draft, c *Catalog)
		noCatalog bool
		want      want
	}{
		{"email required", func(d *Draft, c *Catalog) { d.Users[1].Email = " " }, false, want{1, "email", Error, "required"}},
		{"email invalid", func(d *Draft, c *Catalog) { d.Users[1].Email = "x@" }, true, want{1, "email", Error, "nothing after the @"}},
		{"email duplicate", func(d *Draft, c *Catalog) { d.Users[1].Email = "USER0@example.com" }, true, want{1, "email", Error, "also user 1"}},
		{"email already phone user", func(d *Draft, c *Catalog) { d.Users[0].Email = "Taken@example.com" }, false, want{0, "email", Error, "already a Zoom Phone user"}},
		{"extension required", func(d *Draft, c *Catalog) { d.Users[0].ExtensionNumber = "" }, true, want{0, "extension_number", Error, "required"}},
		{"extension digits", func(d *Draft, c *Catalog) { d.Users[0].ExtensionNumber = "20a1" }, true, want{0, "extension_number", Error, "digits only"}},
		{"extension site length", func(d *Draft, c *Catalog) { d.Users[0].ExtensionNumber = "201" }, false, want{0, "extension_number", Error, "this site's extensions have 4"}},
		{"extension duplicate same site", func(d *Draft, c *Catalog) { d.Users[1].ExtensionNumber = "2000" }, true, want{1, "extension_number", Error, "also user 1"}},
		{"extension taken on account", func(d *Draft, c *Catalog) { d.Users[1].ExtensionNumber = "1000" }, false, want{1, "extension_number", Error, "already used"}},
		{"plans required", func(d *Draft, c *Catalog) { d.Users[0].CallingPlans = nil }, true, want{0, "calling_plans", Error, "required"}},
		{"plan unknown name", func(d *Draft, c *Catalog) { d.Users[0].CallingPlans = []string{"Unlimited US"} }, true, want{0, "calling_plans[0]", Error, "not a calling-plan name"}},
		{"plan case", func(d *Draft, c *Catalog) { d.Users[0].CallingPlans = []string{"us/ca unlimited"} }, true, want{0, "calling_plans[0]", Warning, "Zoom spells it"}},
		{"plan not on account", func(d *Draft, c *Catalog) { d.Users[0].CallingPlans = []string{"JP Metered"} }, false, want{0, "calling_plans[0]", Error, "no \"JP Metered\" licences"}},
		{"plan availability over batch", func(d *Draft, c *Catalog) {
			d.Users = append(d.Users, validUser(2), validUser(3))
		}, false, want{3, "calling_plans[0]", Error, "only 3"}},
		{"india plan needs site code and name", func(d *Draft, c *Catalog) { d.Users[0].CallingPlans = []string{"IN Pro"} }, true, want{0, "site_code", Error, "India"}},
		{"no site on multi-site account", func(d *Draft, c *Catalog) { d.Users[0].SiteName = "" }, false, want{0, "site_name", Warning, "2 sites"}},
		{"unknown site name", func(d *Draft, c *Catalog) { d.Users[0].SiteName = "Paris" }, false, want{0, "site_name", Error, "no site named \"Paris\""}},
		{"unknown site code", func(d *Draft, c *Catalog) { d.Users[0].SiteName, d.Users[0].SiteCode = "", "9" }, false, want{0, "site_code", Error, "no site with code"}},
		{"site name and code disagree", func(d *Draft, c *Catalog) { d.Users[0].SiteCode = "2" }, false, want{0, "site_code", Error, "different sites"}},
		{"template unknown", func(d *Draft, c *Catalog) { d.Users[0].TemplateName = "Nope" }, false, want{0, "template_name", Error, "no setting template"}},
		{"template of other site", func(d *Draft, c *Catalog) { d.Users[0].TemplateName = "London users" }, false, want{0, "template_name", Error, "belongs to site \"London\""}},
		{"template not user type", func(d *Draft, c *Catalog) { d.Users[0].TemplateName = "HQ groups" }, false, want{0, "template_name", Error, "\"group\" template"}},
		{"number not E.164", func(d *Draft, c *Catalog) { d.Users[0].PhoneNumbers = []string{"(212) 555-0100"} }, true, want{0, "phone_numbers[0]", Error, "write it as +12125550100"}},
		{"number invalid", func(d *Draft, c *Catalog) { d.Users[0].PhoneNumbers = []string{"+1212555"} }, true, want{0, "phone_numbers[0]", Error, "not a valid number"}},
		{"number duplicate", func(d *Draft, c *Catalog) { d.Users[1].PhoneNumbers = []string{"+12125550100"} }, true, want{1, "phone_numbers[0]", Error, "also given to user 1"}},
		{"number not on account", func(d *Draft, c *Catalog) { d.Users[0].PhoneNumbers = []string{"+12125550199"} }, false, want{0, "phone_numbers[0]", Error, "not a phone number of this account"}},
		{"number assigned", func(d *Draft, c *Catalog) { d.Users[0].PhoneNumbers = []string{"+12125550102"} }, false, want{0, "phone_numbers[0]", Error, "already assigned"}},
		{"number other site", func(d *Draft, c *Catalog) { d.Users[0].PhoneNumbers = []string{"+442079460000"} }, false, want{0, "phone_numbers[0]", Error, "belongs to site \"London\""}},
		{"caller id unknown number only warns", func(d *Draft, c *Catalog) { d.Users[0].OutboundCallerID = "+12125550199" }, false, want{0, "outbound_caller_id", Warning, "not among the numbers zpadd knows"}},
		{"caller id assigned elsewhere warns", func(d *Draft, c *Catalog) { d.Users[0].OutboundCallerID = "+12125550102" }, false, want{0, "outbound_caller_id", Warning, "assigned elsewhere"}},
		{"caller id blank with numbers warns", func(d *Draft, c *Catalog) { d.Users[0].OutboundCallerID = "" }, true, want{0, "outbound_caller_id", Warning, "outbound caller ID is blank: Zoom will hide this user's caller ID"}},
		{"caller id invalid", func(d *Draft, c *Catalog) { d.Users[0].OutboundCallerID = "555" }, true, want{0, "outbound_caller_id", Error, "555"}},
		{"too many desk phones", func(d *Draft, c *Catalog) {
			p := d.Users[0].DeskPhones[0]
			d.Users[0].DeskPhones = []DeskPhone{p, p, p, p}
			for i := range d.Users[0].DeskPhones {
				d.Users[0].DeskPhones[i].MAC = "805ec03deba" + string(rune('0'+i))
			}
		}, true, want{0, "desk_phones", Error, "at most 3"}},
		{"desk phone mac required", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].MAC = "" }, true, want{0, "desk_phones[0].mac", Error, "required"}},
		{"desk phone mac invalid", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].MAC = "805ec03deb" }, true, want{0, "desk_phones[0].mac", Error, "10 hex digits"}},
		{"desk phone brand required", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].Brand = "" }, true, want{0, "desk_phones[0].brand", Error, "required"}},
		{"desk phone model required", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].Model = "" }, true, want{0, "desk_phones[0].model", Error, "required"}},
		{"desk phone unknown brand warns", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].Brand = "Acme" }, true, want{0, "desk_phones[0].brand", Warning, "not in zpadd's device catalog"}},
		{"desk phone unknown model warns", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].Model = "t99" }, true, want{0, "desk_phones[0].model", Warning, "not in zpadd's Yealink list"}},
		{"desk phone unconfirmed model warns", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].Model = "t54w" }, true, want{0, "desk_phones[0].model", Warning, "not in Zoom's published list"}},
		{"desk phone model spelling", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].Model = "T46S" }, true, want{0, "desk_phones[0].model", Warning, "Zoom writes model ids as \"t46s\""}},
		{"desk phone brand differs from MAC vendor", func(d *Draft, c *Catalog) {
			d.Users[0].DeskPhones[0].Brand, d.Users[0].DeskPhones[0].Model = "Cisco", "cp8841"
		}, true, want{0, "desk_phones[0].mac", Warning, "Yealink vendor prefix"}},
		{"desk phone mac registered", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].MAC = "80:5E:C0:00:00:01" }, false, want{0, "desk_phones[0].mac", Error, "already registered"}},
		{"desk phone mac twice same user", func(d *Draft, c *Catalog) {
			d.Users[0].DeskPhones = append(d.Users[0].DeskPhones, d.Users[0].DeskPhones[0])
		}, true, want{0, "desk_phones[1].mac", Error, "scanned twice"}},
		{"desk phone shared same site warns", func(d *Draft, c *Catalog) { d.Users[1].DeskPhones[0].MAC = d.Users[0].DeskPhones[0].MAC }, true, want{1, "desk_phones[0].mac", Warning, "shared phone"}},
		{"desk phone shared other site", func(d *Draft, c *Catalog) {
			d.Users[1].SiteName = "London"
			d.Users[1].DeskPhones[0].MAC = d.Users[0].DeskPhones[0].MAC
		}, true, want{1, "desk_phones[0].mac", Error, "different site"}},
		{"provision template unknown", func(d *Draft, c *Catalog) { d.Users[0].DeskPhones[0].ProvisionTemplate = "Nope" }, false, want{0, "desk_phones[0].provision_template", Error, "no provision template"}},
		{"too many users", func(d *Draft, c *Catalog) {
			for i := 2; i <= MaxUsers; i++ {
				d.Users = append(d.Users, validUser(i))
			}
		}, true, want{-1, "users", Error, "at most 10"}},
		{"no users", func(d *Draft, c *Catalog) { d.Users = nil }, true, want{-1, "users", Error, "no users"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &Draft{Users: []User{validUser(0), validUser(1)}}
			c := testCatalog()
			tc.edit(d, c)
			if tc.noCatalog {
				c = nil
			}
			ps := Validate(d, c)
			for _, p := range ps {
				if p.User == tc.want.user && p.Field == tc.want.field && p.Severity == tc.want.sev && strings.Contains(p.Message, tc.want.msg) {
					return
				}
			}
			t.Errorf("want %s on user %d %s mentioning %q; got:\n%v", tc.want.sev, tc.want.user, tc.want.field, tc.want.msg, ps)
		})
	}
}

// TestValidateUnknownListsSkipRules protects that a catalog list never
// fetched (Known false) skips its rules instead of failing everything.
func TestValidateUnknownListsSkipRules(t *testing.T) {
	d := &Draft{Users: []User{validUser(0)}}
	d.Users[0].PhoneNumbers = []string{"+12125550199"}
	d.Users[0].OutboundCallerID = "+12125550199"
	d.Users[0].DeskPhones[0].MAC = "805ec0000001"
	d.Users[0].Email = "taken@example.com"
	c := testCatalog()
	c.Known = map[string]bool{"sites": true}
	if ps := Validate(d, c); len(ps) != 0 {
		t.Errorf("rules of unknown lists ran:\n%v", ps)
	}
}

// TestValidateSingleSiteAccount protects that a user without a site on a
// one-site account is checked against that site, without a warning.
func TestValidateSingleSiteAccount(t *testing.T) {
	c := testCatalog()
	c.Sites = c.Sites[:1]
	d := &Draft{Users: []User{validUser(0)}}
	d.Users[0].SiteName = ""
	d.Users[0].ExtensionNumber = "12"
	ps := Validate(d, c)
	if len(ps) != 1 || ps[0].Field != "extension_number" || !strings.Contains(ps[0].Message, "have 4") {
		t.Errorf("got %v; want only the site's extension length error", ps)
	}
}

// TestValidateReportsEverything protects "every problem at once": several
// faults on several users all come back in one call, tagged with emails.
func TestValidateReportsEverything(t *testing.T) {
	d := &Draft{Users: []User{validUser(0), validUser(1)}}
	d.Users[0].ExtensionNumber = ""
	d.Users[0].DeskPhones[0].MAC = "zz"
	d.Users[1].CallingPlans = nil
	ps := Validate(d, nil)
	if len(ps) != 3 || !ps.Blocking() || ps[2].Email != "user1@example.com" {
		t.Errorf("got %v; want 3 blocking problems", ps)
	}
}

// TestValidateCallerIDNeverBlocks protects that no caller-ID choice that
// may be legitimate blocks submit: the user's own number and a known
// unassigned number are clean; a blank one (with numbers), an unknown or
// an assigned company number only warn.
func TestValidateCallerIDNeverBlocks(t *testing.T) {
	for _, tc := range []struct {
		id    string
		clean bool
	}{
		{"+12125550100", true},  // the user's own number
		{"+12125550101", true},  // a known unassigned number
		{"+12125550199", false}, // unknown: the catalog lists only unassigned numbers
		{"+12125550102", false}, // assigned elsewhere (a main line?)
		{"", false},             // blank: Zoom hides the caller ID
	} {
		d := &Draft{Users: []User{validUser(0)}}
		d.Users[0].OutboundCallerID = tc.id
		ps := Validate(d, testCatalog())
		if ps.Blocking() {
			t.Errorf("caller ID %q blocks submit: %v", tc.id, ps)
		}
		if tc.clean != (len(ps) == 0) {
			t.Errorf("caller ID %q: clean=%v, want %v (%v)", tc.id, len(ps) == 0, tc.clean, ps)
		}
	}
	// No numbers and no caller ID: nothing to hide, nothing to say.
	d := &Draft{Users: []User{validUser(0)}}
	d.Users[0].PhoneNumbers, d.Users[0].OutboundCallerID = nil, ""
	if ps := Validate(d, testCatalog()); len(ps) != 0 {
		t.Errorf("user without numbers warned about caller ID: %v", ps)
	}
}
