package state

import (
	"fmt"
	"testing"
)

// BenchmarkValidateDraft measures Validate on a full 10-user draft (three
// desk phones and two numbers each) against a catalog of 10,000 numbers,
// 1,000 registered devices and 1,000 phone users — the size at which the
// review screen re-validates on every edit.
func BenchmarkValidateDraft(b *testing.B) {
	c := testCatalog()
	for i := 0; i < 10000; i++ {
		c.Numbers = append(c.Numbers, Number{Number: fmt.Sprintf("+1646555%04d", i), SiteID: "s1"})
	}
	for i := 0; i < 1000; i++ {
		c.Devices = append(c.Devices, Device{ID: fmt.Sprint(i), MAC: fmt.Sprintf("0004f2%06x", i)})
		c.PhoneUsers = append(c.PhoneUsers, PhoneUser{ID: fmt.Sprint(i), Email: fmt.Sprintf("old%d@example.com", i), ExtensionNumber: fmt.Sprint(3000 + i), SiteID: "s1"})
	}
	c.Plans[0].Available = 100
	d := NewDraft("bench", Defaults{})
	for i := 0; i < MaxUsers; i++ {
		u := validUser(i)
		u.PhoneNumbers = []string{fmt.Sprintf("+1646555%04d", 2*i), fmt.Sprintf("+1646555%04d", 2*i+1)}
		u.OutboundCallerID = u.PhoneNumbers[0]
		u.DeskPhones = nil
		for k := 0; k < MaxDeskPhones; k++ {
			u.DeskPhones = append(u.DeskPhones, DeskPhone{MAC: fmt.Sprintf("805ec0%02x%02x00", i, k), Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"})
		}
		d.Users = append(d.Users, u)
	}
	if ps := Validate(d, c); len(ps) != 0 {
		b.Fatalf("benchmark draft should be clean:\n%v", ps)
	}
	b.ReportAllocs()
	for b.Loop() {
		Validate(d, c)
	}
}
