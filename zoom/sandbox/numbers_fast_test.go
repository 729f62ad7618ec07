package sandbox

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"zpadd/assets"
)

// TestRangeValidatorAgreesWithFullValidation protects the seeded numbers
// from the start-up shortcut: for every number the standard seed's ranges
// consider (and a few that are not valid, or not of the region), the fast
// check gives libphonenumber's full verdict.
func TestRangeValidatorAgreesWithFullValidation(t *testing.T) {
	cases := []struct{ prefix, region string }{
		{"+1646820", "US"}, {"+4420794", "GB"}, {"+81355", "JP"},
		{"+1416555", "US"}, // a Canadian area code: valid, but not a US number
		{"+1555", "US"},    // 555 is no area code
		{"+4420794", "US"}, // another country's prefix: the full path
		{"+390612", "IT"},  // a national part with a leading zero: the full path
	}
	for _, c := range cases {
		fast := rangeValidator(c.prefix, c.region)
		for n := range 3000 {
			s := c.prefix + fourDigits(n)
			if got, want := fast(s), validE164(s, c.region); got != want {
				t.Fatalf("%s in %s: fast check says %v, libphonenumber %v", s, c.region, got, want)
			}
		}
	}
}

// TestSeedNumbersUnchangedByFastValidation pins each of the standard
// seed's ranges to exactly the numbers full validation yields.
func TestSeedNumbersUnchangedByFastValidation(t *testing.T) {
	raw, err := assets.SandboxSeed("")
	if err != nil {
		t.Fatal(err)
	}
	var sf seedFile
	if err := json.Unmarshal(raw, &sf); err != nil {
		t.Fatal(err)
	}
	for _, st := range sf.Sites {
		for i, r := range st.NumberRanges {
			got, err := r.generateUncached(st.Country)
			if err != nil {
				t.Fatalf("site %s range %d: %v", st.Name, i, err)
			}
			var want []string
			for n := r.Start; len(want) < r.Count; n++ {
				if s := r.Prefix + fmt.Sprintf("%0*d", r.Digits, n); validE164(s, st.Country) {
					want = append(want, s)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("site %s range %d: fast validation yields %d numbers (first %v), full validation %d (first %v)", st.Name, i, len(got), got[:1], len(want), want[:1])
			}
		}
	}
}

func fourDigits(n int) string {
	const d = "0123456789"
	return string([]byte{d[n/1000%10], d[n/100%10], d[n/10%10], d[n%10]})
}
