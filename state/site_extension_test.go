package state

import "testing"

// With site codes, 11001 read back is Main Site's 1001; without, or when
// the number is not code + a short extension of the site's length, the
// read is kept as it is.
func TestSiteCodesCompareLikeWithLike(t *testing.T) {
	main := Site{Code: "1", ExtensionLength: 4}
	cases := []struct {
		site       Site
		read, want string
	}{
		{main, "11001", "1001"},
		{main, "1001", "1001"},
		{main, "21001", "21001"}, // another site's code
		{Site{Code: "12", ExtensionLength: 3}, "12101", "101"},
		{Site{Code: "1"}, "11001", "11001"}, // length unknown: cannot tell
		{Site{ExtensionLength: 4}, "11001", "11001"},
	}
	for _, c := range cases {
		if got := c.site.ShortExtension(c.read); got != c.want {
			t.Errorf("%+v.ShortExtension(%q) = %q, want %q", c.site, c.read, got, c.want)
		}
	}
	same := []struct {
		site       Site
		sent, read string
		want       bool
	}{
		{main, "1001", "11001", true},
		{main, "1001", "1001", true},
		{Site{Code: "1"}, "3801", "13801", true},
		{main, "3801", "13802", false},
		{Site{}, "3801", "13801", false},
		{main, "0101", "101", true},
	}
	for _, c := range same {
		if got := c.site.SameExtension(c.sent, c.read); got != c.want {
			t.Errorf("%+v.SameExtension(%q, %q) = %v, want %v", c.site, c.sent, c.read, got, c.want)
		}
	}
}
