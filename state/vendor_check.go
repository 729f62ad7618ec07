package state

import "fmt"

// VendorMismatch is the one rule for a MAC whose vendor prefix belongs to
// another maker than the desk phone's brand (a Polycom 00:04:F2 scanned as
// a Yealink): a warning, never a refusal, since makers' blocks are not tied
// to products. It names the prefix's maker, or "" when the prefix is
// unknown, the brand unknown, or they agree. mac is normalised or not.
func (c *DeviceCatalog) VendorMismatch(mac, brand string) string {
	b, ok := c.Brand(brand)
	if !ok {
		return ""
	}
	hint, ok := c.BrandForMAC(mac)
	if !ok || c.SameMaker(b.Name, hint) {
		return ""
	}
	return hint
}

// vendorMismatchMessage is review's wording of VendorMismatch.
func vendorMismatchMessage(mac, hint, brand string) string {
	return fmt.Sprintf("MAC %s has a %s vendor prefix but the brand is %s: check the scan and the brand", joinOctets(mac, ":"), hint, brand)
}
