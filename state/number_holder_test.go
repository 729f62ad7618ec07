package state

import (
	"strings"
	"testing"
)

// An assigned number whose holder Zoom named is refused with who holds it,
// and the name, which anyone on the account can set, is shown escaped: it
// cannot clear the screen or split the message.
func TestAssignedNumberNamesItsHolderEscaped(t *testing.T) {
	d := &Draft{Users: []User{validUser(0), validUser(1)}}
	c := testCatalog()
	for k := range c.Numbers {
		if c.Numbers[k].Number == "+12125550102" {
			c.Numbers[k].AssignedTo, c.Numbers[k].AssignedExt = "Ann\x1b[2J\nLee", "1204"
		}
	}
	d.Users[0].PhoneNumbers = []string{"+12125550102"}
	for _, p := range Validate(d, c).ForUser(0) {
		if p.Field != "phone_numbers[0]" || p.Severity != Error {
			continue
		}
		if !strings.HasPrefix(p.Message, "+12125550102 is assigned to Ann") || !strings.Contains(p.Message, "Lee (ext 1204): choose an unassigned number") {
			t.Errorf("message %q does not name the holder", p.Message)
		}
		if strings.ContainsAny(p.Message, "\x1b\n") {
			t.Errorf("holder's name reached the message raw: %q", p.Message)
		}
		return
	}
	t.Fatal("no error on phone_numbers[0]")
}
