package state

import (
	"strings"
	"testing"
)

// TestNormalizeEmail protects trimming, domain lowercasing (local part kept)
// and the refusals with their reasons.
func TestNormalizeEmail(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ann@example.com", "ann@example.com"},
		{"  Ann.Lee@Example.COM ", "Ann.Lee@example.com"},
		{"<bob@example.com>", "bob@example.com"},
		{"mailto:bob@example.com", "bob@example.com"},
		{"o'neil+desk@sub.example.co.uk.", "o'neil+desk@sub.example.co.uk"},
	} {
		got, err := NormalizeEmail(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, wantInMsg string }{
		{"", "empty"},
		{"ann.example.com", "no @"},
		{"ann@@example.com", "2 @ signs"},
		{"@example.com", "nothing before the @"},
		{"ann@", "nothing after the @"},
		{"ann@localhost", "no dot"},
		{".ann@example.com", "start or end with a dot"},
		{"an..n@example.com", "two dots"},
		{"an n@example.com", "not allowed"},
		{"ann@exa_mple.com", "not allowed in the domain"},
		{"ann@-example.com", "hyphen"},
		{"ann@example..com", "empty part"},
		{strings.Repeat("a", 65) + "@example.com", "at most 64"},
	} {
		_, err := NormalizeEmail(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.wantInMsg) {
			t.Errorf("NormalizeEmail(%q) error %v; want it to mention %q", tc.in, err, tc.wantInMsg)
		}
	}
}

// TestNormalizeExtension protects digits-only and the site length check,
// with the leading-zero hint when too short.
func TestNormalizeExtension(t *testing.T) {
	if got, err := NormalizeExtension(" 0123 ", 4); err != nil || got != "0123" {
		t.Errorf("NormalizeExtension(\" 0123 \", 4) = %q, %v; want 0123", got, err)
	}
	if got, err := NormalizeExtension("123456789", 0); err != nil || got != "123456789" {
		t.Errorf("NormalizeExtension with unknown length = %q, %v", got, err)
	}
	for _, tc := range []struct {
		in        string
		length    int
		wantInMsg string
	}{
		{"", 0, "empty"},
		{"12a4", 0, "'a' at position 3"},
		{"12-34", 0, "digits only"},
		{"123", 4, "leading zeros"},
		{"12345", 4, "has 5 digits; this site's extensions have 4"},
		{"1.234E+3", 0, "scientific"},
		{strings.Repeat("1", 16), 0, "at most 15"},
	} {
		_, err := NormalizeExtension(tc.in, tc.length)
		if err == nil || !strings.Contains(err.Error(), tc.wantInMsg) {
			t.Errorf("NormalizeExtension(%q, %d) error %v; want it to mention %q", tc.in, tc.length, err, tc.wantInMsg)
		}
	}
}
