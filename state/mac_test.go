package state

import (
	"strings"
	"testing"
)

// TestNormalizeMACAccepts protects every input form a technician's keyboard
// or scanner produces: all must end as the same 12 lowercase hex digits.
func TestNormalizeMACAccepts(t *testing.T) {
	const want = "805ec03debc4"
	for _, in := range []string{
		"805ec03debc4",
		"805EC03DEBC4",
		"80:5e:c0:3d:eb:c4",
		"80-5E-C0-3D-EB-C4",
		"805e.c03d.ebc4",        // Cisco dotted
		"  80:5e:c0:3d:eb:c4\t", // surrounding space
		"\r\n805ec03debc4\n",    // scanner CR/LF suffix
		"MAC:805EC03DEBC4",
		"MAC: 80-5E-C0-3D-EB-C4",
		"mac 805ec03debc4",
		"MAC805EC03DEBC4",
		"ID:805EC03DEBC4",
		"MAC Address: 80:5E:C0:3D:EB:C4",
		"]C0805EC03DEBC4",     // AIM id, Code 128
		"]A0MAC:805EC03DEBC4", // AIM id then label
		"80'5e'c0'3d'eb'c4",   // hyphen typed as apostrophe (layout mismatch)
		"80;5e;c0;3d;eb;c4",   // colon typed as semicolon
		"80 5e c0 3d eb c4",   // spaces
		"80/5e/c0/3d/eb/c4",
		"80:5e-c0:3d-eb:c4", // mixed separators
	} {
		got, err := NormalizeMAC(in)
		if err != nil || got != want {
			t.Errorf("NormalizeMAC(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestNormalizeMACRefuses protects the rule that a bad scan is caught before
// submit (MACs cannot be edited later), with a message saying what is wrong.
func TestNormalizeMACRefuses(t *testing.T) {
	for _, tc := range []struct{ in, wantInMsg string }{
		{"", "empty"},
		{"   ", "empty"},
		{"805ec03deb", "only 10 hex digits"},
		{"805ec0", "last half"},
		{"805ec03debc4aa", "14 hex digits"},
		{"805ec03debc40011", "EUI-64"},
		{strings.Repeat("ab", 20), "20-byte"},
		{"805ec03debc4805ec03debc4", "scanned twice"},
		{"805ec03debg4", `'g' at position 11`},
		{"MAC:805ec03debg4", `'g' at position 15`},
		{"80:5e:c0:3d:eb:cz", `'z' at position 17`},
		{"00:00:00:00:00:00", "not a real device"},
		{"ff:ff:ff:ff:ff:ff", "broadcast"},
		{"01:00:5e:00:00:01", "multicast"},
		{"81:5e:c0:3d:eb:c4", "multicast"},
		{"8.05E+11", "scientific notation"},
		{"805éc03debc4", "keyboard layouts"},
		{"SN:12345", "not a hex digit"},
	} {
		got, err := NormalizeMAC(tc.in)
		if err == nil {
			t.Errorf("NormalizeMAC(%q) = %q, nil; want an error mentioning %q", tc.in, got, tc.wantInMsg)
			continue
		}
		if !strings.Contains(err.Error(), tc.wantInMsg) {
			t.Errorf("NormalizeMAC(%q) error %q; want it to mention %q", tc.in, err, tc.wantInMsg)
		}
	}
}

// TestFormatMAC protects the body form (hyphens, as Zoom's example) and
// the screen form, and that an invalid value is shown as typed.
func TestFormatMAC(t *testing.T) {
	for _, tc := range []struct{ mac, sep, want string }{
		{"805ec03debc4", "-", "80-5e-c0-3d-eb-c4"},
		{"805ec03debc4", ":", "80:5e:c0:3d:eb:c4"},
		{"80-5E-C0-3D-EB-C4", "", "805ec03debc4"},
		{"not a mac", ":", "not a mac"},
	} {
		if got := FormatMAC(tc.mac, tc.sep); got != tc.want {
			t.Errorf("FormatMAC(%q, %q) = %q; want %q", tc.mac, tc.sep, got, tc.want)
		}
	}
}

// FuzzNormalizeMAC: no input panics, and whatever is accepted is 12
// lowercase hex digits of a unicast address that normalises to itself.
func FuzzNormalizeMAC(f *testing.F) {
	for _, s := range []string{"80:5e:c0:3d:eb:c4", "]C0MAC:805EC03DEBC4", "805e.c03d.ebc4", "8.05E+11", "ID:", "]", "]C", "MAC", "é", "00156574b150"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mac, err := NormalizeMAC(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("empty error message for %q", s)
			}
			return
		}
		if len(mac) != 12 || strings.Trim(mac, "0123456789abcdef") != "" {
			t.Fatalf("NormalizeMAC(%q) = %q: not 12 lowercase hex digits", s, mac)
		}
		if again, err := NormalizeMAC(mac); err != nil || again != mac {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, mac, again, err)
		}
		if FormatMAC(mac, "-") == mac {
			t.Fatalf("FormatMAC did not format %q", mac)
		}
	})
}
