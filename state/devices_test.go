package state

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestDeviceCatalogBrands protects the order (Zoom's published brands
// first, confirmed models before unconfirmed) and Poly as a brand of its
// own beside Polycom (zoom-api.md §11.5).
func TestDeviceCatalogBrands(t *testing.T) {
	brands := Devices().Brands()
	var names []string
	for _, b := range brands {
		names = append(names, b.Name)
	}
	if got := strings.Join(names[:4], ","); got != "Yealink,Polycom,Cisco,AudioCodes" {
		t.Errorf("first brands = %s; want Zoom's published four", got)
	}
	confirmed := 0
	for _, b := range brands {
		seenUnconfirmed := false
		for _, m := range b.Models {
			if m.Confirmed {
				confirmed++
				if seenUnconfirmed {
					t.Errorf("%s: confirmed %s after unconfirmed models", b.Name, m.ID)
				}
			} else {
				seenUnconfirmed = true
			}
		}
	}
	// Zoom's table has 47 models; trioc60 and obi504 come from its schema;
	// edge-e220, edge-b20 and ata-191 are seen in live portals (§11.5).
	if confirmed != 52 {
		t.Errorf("%d confirmed models; want 47 + 2 + 3", confirmed)
	}
	poly, ok := Devices().Brand("poly")
	if !ok || poly.Name != "Poly" || !Devices().SameMaker("Poly", "Polycom") {
		t.Errorf("Brand(poly) = %+v, %v; want Poly, the same maker as Polycom", poly, ok)
	}
}

// TestDeviceCatalogKnown protects case- and space-insensitive lookups and
// the confirmed flag.
func TestDeviceCatalogKnown(t *testing.T) {
	for _, tc := range []struct {
		brand, model     string
		known, confirmed bool
	}{
		{"Yealink", "t46s", true, true},
		{"yealink", "T46S", true, true},
		{"Yealink", "t54w", true, false},
		{"Poly", "vvx450", false, false}, // VVX is filed under Polycom
		{"Poly", "edge-e220", true, true},
		{"poly", "Edge E220", true, true},
		{"Poly", "ccx-400", true, false},
		{"Cisco", "ata-191", true, true},
		{"Polycom", "VVX 450", true, true},
		{"Cisco", "cp8841", true, true},
		{"Cisco", "cp-8845", true, false},
		{"AudioCodes", "405HD", true, true},
		{"Yealink", "405hd", false, false},
		{"Acme", "t46s", false, false},
		{"Grandstream", "grp2614", true, false},
	} {
		known, confirmed := Devices().Known(tc.brand, tc.model)
		if known != tc.known || confirmed != tc.confirmed {
			t.Errorf("Known(%q, %q) = %v, %v; want %v, %v", tc.brand, tc.model, known, confirmed, tc.known, tc.confirmed)
		}
	}
	if m, ok := Devices().CanonicalModel("polycom", "VVX-450"); !ok || m != "vvx450" {
		t.Errorf("CanonicalModel = %q, %v", m, ok)
	}
	// Hyphenated ids are Zoom's spelling, found from any form typed.
	if m, ok := Devices().CanonicalModel("Poly", "edgee220"); !ok || m != "edge-e220" {
		t.Errorf("CanonicalModel(Poly, edgee220) = %q, %v; want edge-e220", m, ok)
	}
	if b, ok := Devices().SiblingBrand("Poly", "vvx450"); !ok || b != "Polycom" {
		t.Errorf("SiblingBrand(Poly, vvx450) = %q, %v; want Polycom", b, ok)
	}
}

// TestBrandForMAC protects the vendor-prefix hint, on full and partial
// scans in any form.
func TestBrandForMAC(t *testing.T) {
	for _, tc := range []struct{ mac, want string }{
		{"80-5e-c0-3d-eb-c4", "Yealink"},
		{"]C0MAC:0004F25EEC3D", "Polycom"},
		{"64:16:7f", "Polycom"},
		{"00:90:8f:12:34:56", "AudioCodes"},
		{"00:0b:82:12:34:56", "Grandstream"},
		{"00:22:ee:12:34:56", "Algo"},
		{"00:20:f7:12:34:56", "CyberData"},
		{"00:18:73:12:34:56", "Cisco"},
		{"02:00:00:12:34:56", ""},
		{"80:5e", ""},
	} {
		got, ok := Devices().BrandForMAC(tc.mac)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("BrandForMAC(%q) = %q, %v; want %q", tc.mac, got, ok, tc.want)
		}
	}
}

// TestBrandForMACMatchesReferenceOUIs reads the project's reference OUI
// table (when present) and checks every Yealink and Polycom block maps to
// its brand, so the embedded copy cannot drift from it.
func TestBrandForMACMatchesReferenceOUIs(t *testing.T) {
	f, err := os.Open("/work/shared/reference/devices-oui.tsv")
	if err != nil {
		t.Skip("reference devices-oui.tsv not present:", err)
	}
	defer f.Close()
	checked := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || strings.HasPrefix(cols[0], "#") || cols[0] == "prefix" {
			continue
		}
		var want string
		switch {
		case strings.Contains(cols[2], "Yealink"):
			want = "Yealink"
		case strings.Contains(cols[2], "Poly"):
			want = "Polycom"
		default:
			continue
		}
		mac := strings.ToLower(cols[0]) + "123456"
		if got, ok := Devices().BrandForMAC(mac); !ok || got != want {
			t.Errorf("prefix %s (%s): BrandForMAC = %q, %v; want %s", cols[0], cols[1], got, ok, want)
		}
		checked++
	}
	if checked != 26 {
		t.Errorf("checked %d Yealink/Polycom prefixes; the reference has 26", checked)
	}
}
