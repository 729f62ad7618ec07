package state

import (
	"strings"
	"testing"
)

// TestNormalizePhone protects E.164 output for the ways numbers are typed,
// the "+" repair for numbers a spreadsheet stripped, and the site region
// deciding national numbers.
func TestNormalizePhone(t *testing.T) {
	for _, tc := range []struct {
		in, region, want string
		repaired         bool
	}{
		{"+12125550123", "US", "+12125550123", false},
		{"+1 (212) 555-0123", "", "+12125550123", false},
		{"(212) 555-0123", "US", "+12125550123", false},
		{"212.555.0123", "", "+12125550123", false},
		{"12125550123", "US", "+12125550123", true},
		{"447911123456", "US", "+447911123456", true},
		{"447911123456", "GB", "+447911123456", true},
		{"07911 123456", "GB", "+447911123456", false},
		{"07911 123456", "gb", "+447911123456", false},
		{"tel:+61412345678", "AU", "+61412345678", false},
		{"0412 345 678", "AU", "+61412345678", false},
		{" +81 3-1234-5678 ", "JP", "+81312345678", false},
	} {
		got, repaired, err := NormalizePhone(tc.in, tc.region)
		if err != nil || got != tc.want || repaired != tc.repaired {
			t.Errorf("NormalizePhone(%q, %q) = %q, %v, %v; want %q, %v", tc.in, tc.region, got, repaired, err, tc.want, tc.repaired)
		}
	}
}

// TestNormalizePhoneRefuses protects that invalid numbers never reach the
// batch body and that each refusal says why.
func TestNormalizePhoneRefuses(t *testing.T) {
	for _, tc := range []struct{ in, region, wantInMsg string }{
		{"", "US", "empty"},
		{"1.21255E+10", "US", "scientific notation"},
		{"1,21255E+10", "US", "scientific notation"},
		{"+1212555012", "US", "not a valid number"},
		{"+2125550123", "US", "not a valid number"},
		{"555-0123", "US", "not a valid phone number for US"},
		{"+1 212 555 0123 x12", "US", "digits only"},
		{"1-800-FLOWERS", "US", "digits only"},
		{"+12125550123", "XX", "unknown region"},
		{"12", "US", "too short"},
		{"+1#2125550123", "US", "not allowed"},
	} {
		got, _, err := NormalizePhone(tc.in, tc.region)
		if err == nil {
			t.Errorf("NormalizePhone(%q, %q) = %q; want error mentioning %q", tc.in, tc.region, got, tc.wantInMsg)
			continue
		}
		if !strings.Contains(err.Error(), tc.wantInMsg) {
			t.Errorf("NormalizePhone(%q, %q) error %q; want it to mention %q", tc.in, tc.region, err, tc.wantInMsg)
		}
	}
}

// FuzzNormalizePhone: no input panics; an accepted number is E.164 and
// normalises to itself.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+12125550123", "12125550123", "(212) 555-0123", "1.21255E+10", "tel:+4420", "+", "00", "+999999999999999999"} {
		f.Add(s, "US")
	}
	f.Add("07911 123456", "GB")
	f.Add("0412345678", "au")
	f.Fuzz(func(t *testing.T, s, region string) {
		got, _, err := NormalizePhone(s, region)
		if err != nil {
			return
		}
		if !strings.HasPrefix(got, "+") || onlyDigits(got[1:]) != got[1:] || len(got) > 16 {
			t.Fatalf("NormalizePhone(%q, %q) = %q: not E.164", s, region, got)
		}
		if again, _, err := NormalizePhone(got, region); err != nil || again != got {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, got, again, err)
		}
	})
}
