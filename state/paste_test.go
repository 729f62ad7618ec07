package state

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseUserList protects the paste formats of mail clients and
// tickets, and that unusable pieces come back with a reason.
func TestParseUserList(t *testing.T) {
	in := "ann@example.com\nbob@example.com, carl@example.com; dee@example.com eve@example.com\n" +
		"Fay Gray <fay@example.com>; \"Hill, Gus\" <gus@example.com>, Ito, Hana <hana@example.com>\n" +
		"Ian Jones ian@example.com\n\n  \nnot an address\nbad@@example.com\n"
	got := ParseUserList(in)
	type e struct{ first, last, email string }
	want := []e{
		{"", "", "ann@example.com"}, {"", "", "bob@example.com"}, {"", "", "carl@example.com"},
		{"", "", "dee@example.com"}, {"", "", "eve@example.com"},
		{"Fay", "Gray", "fay@example.com"}, {"Gus", "Hill", "gus@example.com"}, {"Hana", "Ito", "hana@example.com"},
		{"Ian", "Jones", "ian@example.com"},
	}
	if len(got) != len(want)+2 {
		t.Fatalf("got %d entries: %+v", len(got), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Err != nil || g.Email != w.email || g.First != w.first || g.Last != w.last {
			t.Errorf("entry %d = %+v; want %+v", i, g, w)
		}
	}
	if g := got[len(want)]; g.Err == nil || g.Raw != "not an address" {
		t.Errorf("text without email: %+v; want an error entry", g)
	}
	if g := got[len(want)+1]; g.Err == nil || !strings.Contains(g.Err.Error(), "@") {
		t.Errorf("bad email: %+v; want an error entry", g)
	}
}

// TestAddPasted protects the 10 limit, duplicate skipping, invalid entries
// and that every left-out entry has a reason.
func TestAddPasted(t *testing.T) {
	d := NewDraft("t", Defaults{SiteName: "HQ"})
	if _, err := d.AddUser("ann@example.com"); err != nil {
		t.Fatal(err)
	}
	var lines []string
	lines = append(lines, "ANN@example.com", "Bo Bell <bo@example.com>", "bo@example.com", "junk")
	for i := 0; i < 10; i++ {
		lines = append(lines, fmt.Sprintf("u%d@example.com", i))
	}
	added, left := d.AddPasted(ParseUserList(strings.Join(lines, "\n")))
	if len(d.Users) != MaxUsers || len(added) != MaxUsers-1 {
		t.Fatalf("users %d, added %d", len(d.Users), len(added))
	}
	if u := d.Users[added[0]]; u.Email != "bo@example.com" || u.FirstName != "Bo" || u.LastName != "Bell" || u.SiteName != "HQ" {
		t.Errorf("pasted user = %+v", u)
	}
	reasons := map[string]string{}
	for _, l := range left {
		if l.Reason == "" {
			t.Errorf("left out %q without a reason", l.Raw)
		}
		reasons[l.Raw] = l.Reason
	}
	if len(left) != 5 || reasons["ANN@example.com"] != "already in this draft" || reasons["bo@example.com"] != "already in this draft" ||
		!strings.Contains(reasons["junk"], "no email") || !strings.Contains(reasons["u8@example.com"], "full") {
		t.Errorf("left out: %+v", left)
	}
}
