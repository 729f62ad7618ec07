package state

import (
	"strconv"
	"testing"
)

// TestNextFreeExtension protects the suggestion rule shared by the user
// form's "→ to use" and the automatic fill: the next number after the
// highest one taken at the site, by the account or by this batch, of the
// site's length; other sites' extensions do not count.
func TestNextFreeExtension(t *testing.T) {
	withUsers := func(exts ...string) *Draft {
		d := &Draft{}
		for _, e := range exts {
			d.Users = append(d.Users, User{SiteName: "HQ", ExtensionNumber: e})
		}
		return d
	}
	for _, tc := range []struct {
		name   string
		d      *Draft
		c      func() *Catalog
		site   string
		length int
		want   string
	}{
		{"after the account's highest at the site", withUsers(), testCatalog, "HQ", 0, "1001"},
		{"skips this batch's extensions", withUsers("1001", "1002"), testCatalog, "HQ", 0, "1003"},
		{"site by code", withUsers(), testCatalog, "1", 0, "1001"},
		{"other site's extensions do not count", withUsers(), testCatalog, "London", 0, "101"},
		{"batch users at another site do not count", &Draft{Users: []User{{SiteName: "London", ExtensionNumber: "1500"}}}, testCatalog, "HQ", 0, "1001"},
		{"explicit length wins", withUsers(), testCatalog, "HQ", 5, "10001"},
		{"gap when the top is used", withUsers(), func() *Catalog {
			c := testCatalog()
			c.PhoneUsers = append(c.PhoneUsers, PhoneUser{SiteID: "s2", ExtensionNumber: "999"})
			return c
		}, "London", 0, "101"},
		{"length learnt from extensions in use", &Draft{Users: []User{{ExtensionNumber: "55"}}}, func() *Catalog { return nil }, "", 0, "56"},
		{"no catalog, nothing in use", &Draft{}, func() *Catalog { return nil }, "", 0, "1001"},
		{"ignores junk extensions", withUsers("abc", " ", "1004"), testCatalog, "HQ", 0, "1005"},
		{"only site when no site given", &Draft{}, func() *Catalog {
			c := testCatalog()
			c.Sites = c.Sites[:1]
			return c
		}, "", 0, "1001"},
		{"all taken", &Draft{Users: []User{{ExtensionNumber: "2"}, {ExtensionNumber: "3"}, {ExtensionNumber: "4"}, {ExtensionNumber: "5"}, {ExtensionNumber: "6"}, {ExtensionNumber: "7"}, {ExtensionNumber: "8"}, {ExtensionNumber: "9"}}}, func() *Catalog { return nil }, "", 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextFreeExtension(tc.d, tc.c(), tc.site, tc.length); got != tc.want {
				t.Errorf("NextFreeExtension = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFillExtension protects the automatic fill: only an empty extension
// is filled, only when the catalog knows the user's site, and two users
// added together get two different extensions.
func TestFillExtension(t *testing.T) {
	c := testCatalog()
	d := &Draft{Users: []User{{SiteName: "HQ"}, {SiteName: "HQ"}, {SiteName: "HQ", ExtensionNumber: "2222"}, {SiteName: "Paris"}, {}}}
	for i := range d.Users {
		FillExtension(d, c, i)
	}
	want := []string{"2223", "2224", "2222", "", ""}
	for i, w := range want {
		if got := d.Users[i].ExtensionNumber; got != w {
			t.Errorf("user %d extension = %q, want %q", i, got, w)
		}
	}
	if FillExtension(d, nil, 3) {
		t.Error("filled without a catalog")
	}
	// A site whose length and phone users are both unknown is not guessed.
	c.Known["phone_users"] = false
	c.Sites[0].ExtensionLength = 0
	d2 := &Draft{Users: []User{{SiteName: "HQ"}}}
	if FillExtension(d2, c, 0) || d2.Users[0].ExtensionNumber != "" {
		t.Errorf("filled %q although the catalog knows neither the site's length nor its users", d2.Users[0].ExtensionNumber)
	}
}

// BenchmarkNextFreeExtension is the user form's "→ to use" hint, computed
// on every frame, against an account with 1,000 phone users at the site.
func BenchmarkNextFreeExtension(b *testing.B) {
	c := testCatalog()
	for i := 0; i < 1000; i++ {
		c.PhoneUsers = append(c.PhoneUsers, PhoneUser{ID: strconv.Itoa(i), ExtensionNumber: strconv.Itoa(3000 + i), SiteID: "s1"})
	}
	d := &Draft{}
	for i := 0; i < MaxUsers; i++ {
		d.Users = append(d.Users, User{SiteName: "HQ", ExtensionNumber: strconv.Itoa(5000 + i)})
	}
	b.ReportAllocs()
	for b.Loop() {
		NextFreeExtension(d, c, "HQ", 0)
	}
}
