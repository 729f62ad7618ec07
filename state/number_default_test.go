package state

import "testing"

// With the "next free number" default each user gets a different
// unassigned number of its own site, which also becomes its caller ID;
// without the default, or with a number already, nothing changes.
func TestFillNumberGivesEachUserTheNextFreeNumberAtItsSite(t *testing.T) {
	c := &Catalog{
		Sites: []Site{{ID: "lon", Name: "London"}, {ID: "hq", Name: "Main Site"}},
		Numbers: []Number{
			{Number: "+442038120000", SiteID: "lon", Assigned: true},
			{Number: "+16465550100", SiteID: "hq"},
			{Number: "+442038120001", SiteID: "lon"},
			{Number: "+442038120002", SiteID: "lon"},
		},
	}
	d := NewDraft("t", Defaults{SiteName: "London"})
	a, _ := d.AddUser("a@example.com")
	b, _ := d.AddUser("b@example.com")
	if FillNumber(d, c, a) {
		t.Fatal("filled a number without the default")
	}
	d.Defaults.PhoneNumber = NextFreeNumber
	if !FillNumber(d, c, a) || !FillNumber(d, c, b) {
		t.Fatal("default not applied")
	}
	ua, ub := d.Users[a], d.Users[b]
	if ua.PhoneNumbers[0] != "+442038120001" || ub.PhoneNumbers[0] != "+442038120002" {
		t.Fatalf("numbers %v %v, want London's two free ones in order", ua.PhoneNumbers, ub.PhoneNumbers)
	}
	if ua.OutboundCallerID != ua.PhoneNumbers[0] {
		t.Errorf("caller ID %q, want the user's number", ua.OutboundCallerID)
	}
	if FillNumber(d, c, a) {
		t.Error("a user with a number got another")
	}
	c2, _ := d.AddUser("c@example.com")
	if FillNumber(d, c, c2) {
		t.Errorf("no London number is left, yet one was filled: %v", d.Users[c2].PhoneNumbers)
	}
}
