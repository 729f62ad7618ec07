package scan

import (
	"strings"
	"testing"
)

// A Polycom MAC (00:04:F2) scanned while the batch's phones are Yealink is
// kept (a warning, as review says) but told at the scan, with the bell.
func TestVendorPrefixAgainstTheBrandWarnsAtTheScan(t *testing.T) {
	d := cartDraft()
	dr := newDriver(d, nil)
	dr.scan("0004F2A00001")
	if got := macs(d)[0]; got != "0004f2a00001" {
		t.Fatalf("scan not kept: %q", got)
	}
	if dr.bells != 1 {
		t.Fatalf("%d bells, want 1", dr.bells)
	}
	if v := plain(dr.screen.View()); !strings.Contains(v, "a Polycom prefix, not Yealink: check the box") {
		t.Fatalf("no warning at the scan:\n%s", v)
	}
	dr.scan("805EC0B20002") // a Yealink: no bell
	if dr.bells != 1 {
		t.Fatalf("a matching scan rang the bell")
	}
}
