package state

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func addressCatalog() *Catalog {
	return &Catalog{
		Sites: []Site{{ID: "S1", Name: "Main Site", Code: "1"}, {ID: "S2", Name: "London", Code: "2"}},
		EmergencyAddresses: []EmergencyAddress{
			{ID: "EA1", SiteID: "S1", Line1: "350 Fifth Avenue", Line2: "Floor 1", City: "NEW YORK", StateCode: "NY", Zip: "10118", Country: "US", Default: true},
			{ID: "EA2", SiteID: "S1", Line1: "85 Jay Street", Line2: "Suite 200", City: "BROOKLYN", StateCode: "NY", Zip: "11201", Country: "US"},
			{ID: "EA3", SiteID: "S2", Line1: "10 Holborn Viaduct", City: "LONDON", StateCode: "LND", Zip: "EC1A 2AF", Country: "GB", Default: true},
		},
		Known: map[string]bool{"sites": true, "emergency_addresses": true},
	}
}

// The column round-trips through export and import, ids and one-line
// texts alike (commas and quotes included), and an empty cell stays empty.
func TestEmergencyAddressColumnRoundTrips(t *testing.T) {
	d := NewDraft("x", Defaults{})
	d.Users = []User{
		{Email: "a@example.com", EmergencyAddress: "EA2"},
		{Email: "b@example.com", EmergencyAddress: `85 Jay Street, Suite 200, BROOKLYN, NY 11201, US`},
		{Email: "c@example.com", EmergencyAddress: `Unit "B", 1 Main St`},
		{Email: "d@example.com"},
	}
	var buf bytes.Buffer
	if err := ExportCSV(&buf, d); err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(buf.String(), "\n")
	if !strings.HasSuffix(strings.TrimSpace(header), ",emergency_address") {
		t.Fatalf("header %q does not end with emergency_address", header)
	}
	ds, ps, err := ImportCSV(&buf, "x")
	if err != nil || len(ps) != 0 {
		t.Fatalf("import: %v %v", err, ps)
	}
	if !reflect.DeepEqual(ds[0].Users, d.Users) {
		t.Fatalf("round trip changed users:\nwant %+v\n got %+v", d.Users, ds[0].Users)
	}
}

// A CSV written by hand with the column in any case and position.
func TestImportReadsEmergencyAddressColumn(t *testing.T) {
	in := "Emergency Address,email\nEA2,a@example.com\n,b@example.com\n"
	ds, ps, err := ImportCSV(strings.NewReader(in), "x")
	if err != nil || len(ps) != 0 {
		t.Fatalf("import: %v %v", err, ps)
	}
	if got := ds[0].Users[0].EmergencyAddress; got != "EA2" {
		t.Errorf("user 1 address %q, want EA2", got)
	}
	if got := ds[0].Users[1].EmergencyAddress; got != "" {
		t.Errorf("user 2 address %q, want empty (site's default)", got)
	}
}

func TestResolveEmergencyAddressByIDOrText(t *testing.T) {
	c := addressCatalog()
	for _, v := range []string{"EA2", "85 jay street suite 200 brooklyn ny 11201 us", "85 Jay Street, Suite 200, BROOKLYN, NY 11201, US"} {
		a, err := c.ResolveEmergencyAddress(v, "S1")
		if err != nil || a.ID != "EA2" {
			t.Errorf("%q → %+v, %v; want EA2", v, a, err)
		}
	}
	if _, err := c.ResolveEmergencyAddress("1 Nowhere Street", "S1"); err == nil || !strings.Contains(err.Error(), "1 Nowhere Street") {
		t.Errorf("unknown address: err %v, want one naming it", err)
	}
}

// Only an address other than the site's default needs the follow-up.
func TestNeedsEmergencyFollowUp(t *testing.T) {
	c := addressCatalog()
	cases := []struct {
		value, site string
		need        bool
	}{
		{"", "S1", false},
		{"EA1", "S1", false}, // the site's default, named
		{"EA2", "S1", true},
		{"EA3", "S1", true}, // London's default, for a Main Site user
	}
	for _, tc := range cases {
		_, need, err := c.NeedsEmergencyFollowUp(User{EmergencyAddress: tc.value}, tc.site)
		if err != nil || need != tc.need {
			t.Errorf("%q at %s: need %v (%v), want %v", tc.value, tc.site, need, err, tc.need)
		}
	}
}

// check names the user and the field of an address the account lacks,
// warns about another site's address, and says nothing of an empty one.
func TestValidateNamesUnknownEmergencyAddress(t *testing.T) {
	d := NewDraft("x", Defaults{})
	d.Users = []User{
		{Email: "a@example.com", SiteName: "Main Site", EmergencyAddress: "1 Nowhere Street"},
		{Email: "b@example.com", SiteName: "Main Site", EmergencyAddress: "EA3"},
		{Email: "c@example.com", SiteName: "Main Site"},
	}
	var got []Problem
	for _, p := range Validate(d, addressCatalog()) {
		if p.Field == "emergency_address" {
			got = append(got, p)
		}
	}
	if len(got) != 2 {
		t.Fatalf("emergency_address problems %v, want 2", got)
	}
	if got[0].User != 0 || got[0].Email != "a@example.com" || got[0].Severity != Error || !strings.Contains(got[0].Message, "1 Nowhere Street") {
		t.Errorf("first problem %+v, want an error for user 1 naming the address", got[0])
	}
	if got[1].User != 1 || got[1].Severity != Warning || !strings.Contains(got[1].Message, "London") {
		t.Errorf("second problem %+v, want a warning for user 2 naming London", got[1])
	}
	// Without the address list, nothing is claimed.
	c := addressCatalog()
	c.Known["emergency_addresses"] = false
	for _, p := range Validate(d, c) {
		if p.Field == "emergency_address" {
			t.Errorf("problem %v with the address list unknown", p)
		}
	}
}

// The batch default reaches users at the defaults' site only.
func TestEmergencyAddressDefaultFillsUsersAtItsSite(t *testing.T) {
	d := NewDraft("x", Defaults{SiteName: "Main Site", EmergencyAddress: "EA2"})
	d.Users = []User{{Email: "a@example.com"}, {Email: "b@example.com", SiteName: "London"}, {Email: "c@example.com", SiteName: "main site", EmergencyAddress: "EA1"}}
	d.FillFromDefaults()
	if d.Users[0].EmergencyAddress != "EA2" || d.Users[1].EmergencyAddress != "" || d.Users[2].EmergencyAddress != "EA1" {
		t.Errorf("addresses %q %q %q, want EA2, empty, EA1", d.Users[0].EmergencyAddress, d.Users[1].EmergencyAddress, d.Users[2].EmergencyAddress)
	}
}
