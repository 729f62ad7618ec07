package scan

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
)

func cartDraft() *state.Draft {
	d := state.NewDraft("Onboarding 26 Nov", state.Defaults{
		SiteName: "Main Site", DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s", ProvisionTemplate: "HQ Yealink T4x",
	})
	for _, u := range []struct{ email, first, last string }{
		{"jose.nunez@example.com", "José", "Núñez"},
		{"liam.oconnor@example.com", "Liam", "O'Connor"},
		{"priya.raman@example.com", "Priya", "Raman"},
		{"wei.chen@example.com", "Wei", "Chen"},
		{"zoe.martin@example.com", "Zoë", "Martin"},
	} {
		i, err := d.AddUser(u.email)
		if err != nil {
			panic(err)
		}
		d.Users[i].FirstName, d.Users[i].LastName = u.first, u.last
	}
	return d
}

func accountWith(macs ...string) *state.Catalog {
	c := &state.Catalog{Known: map[string]bool{"devices": true}}
	for _, m := range macs {
		c.Devices = append(c.Devices, state.Device{ID: "d-" + m, MAC: m, Status: "online", Assignee: "Ann Other"})
	}
	return c
}

func macs(d *state.Draft) []string {
	var out []string
	for _, u := range d.Users {
		if len(u.DeskPhones) == 0 {
			out = append(out, "")
			continue
		}
		out = append(out, u.DeskPhones[0].MAC)
	}
	return out
}

func plain(s string) string { return ansi.Strip(s) }

func TestEachScanGoesToTheNextUserWithoutAPhone(t *testing.T) {
	d := cartDraft()
	d.Users[1].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b20002")}
	dr := newDriver(d, nil)

	dr.scan("805EC0B20001")
	dr.scan("MAC:80-5E-C0-B2-00-03")
	dr.scan("]C0805ec0b20004")

	want := []string{"805ec0b20001", "805ec0b20002", "805ec0b20003", "805ec0b20004", ""}
	if got := macs(d); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("assignments %v, want %v (Liam already had a phone)", got, want)
	}
	if p := d.Users[2].DeskPhones[0]; p.Brand != "Yealink" || p.Model != "t46s" || p.ProvisionTemplate != "HQ Yealink T4x" {
		t.Fatalf("phone did not get the draft's defaults: %+v", p)
	}
	if dr.changes != 3 || dr.bells != 0 {
		t.Fatalf("%d saves and %d bells, want 3 saves (one per scan) and no bell", dr.changes, dr.bells)
	}
	v := plain(dr.screen.View())
	if !strings.Contains(v, "✓ 80:5e:c0:b2:00:04 → Wei Chen") {
		t.Fatalf("last accepted scan not shown:\n%s", v)
	}
	if !strings.Contains(v, "▸  5  Zoë Martin") {
		t.Fatalf("next target (Zoë) not marked:\n%s", v)
	}
}

func TestBadAndDuplicateScansAreRefusedWithBellAndALine(t *testing.T) {
	d := cartDraft()
	dr := newDriver(d, accountWith("805ec0a10099"))

	dr.scan("805ec0b20001") // José
	dr.scan("805ec0b2000")  // 11 digits
	if !strings.Contains(plain(dr.screen.View()), "✗ 805ec0b2000: only 11 hex digits") {
		t.Fatalf("bad scan line missing:\n%s", plain(dr.screen.View()))
	}
	dr.scan("80:5e:c0:b2:00:01") // duplicate in batch
	if !strings.Contains(plain(dr.screen.View()), "✗ 80:5e:c0:b2:00:01 is already José Núñez's desk phone") {
		t.Fatalf("duplicate line missing:\n%s", plain(dr.screen.View()))
	}
	dr.scan("805ec0a10099") // registered on the account
	if !strings.Contains(plain(dr.screen.View()), "✗ 80:5e:c0:a1:00:99 is already registered on the account (assigned to Ann Other)") {
		t.Fatalf("account duplicate line missing:\n%s", plain(dr.screen.View()))
	}
	dr.scan("805ec0b20002") // Liam

	if dr.bells != 3 {
		t.Fatalf("%d bells, want 3 (one per refused scan)", dr.bells)
	}
	if got := macs(d); got[0] != "805ec0b20001" || got[1] != "805ec0b20002" || got[2] != "" {
		t.Fatalf("refused scans changed assignments: %v", got)
	}
}

func TestTabSkipsAndCtrlZUndoes(t *testing.T) {
	d := cartDraft()
	dr := newDriver(d, nil)
	dr.key(tea.KeyPressMsg{Code: tea.KeyTab}) // skip José
	dr.scan("805ec0b20002")
	if got := macs(d); got[0] != "" || got[1] != "805ec0b20002" {
		t.Fatalf("after skip: %v, want Liam to get the phone", got)
	}
	dr.key(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if got := macs(d); got[1] != "" {
		t.Fatalf("undo left the phone: %v", got)
	}
	if dr.changes != 2 {
		t.Fatalf("%d saves, want 2 (scan, undo)", dr.changes)
	}
	dr.scan("805ec0b20003") // goes to Liam again
	if got := macs(d); got[1] != "805ec0b20003" {
		t.Fatalf("after undo the next scan went to %v, want Liam again", got)
	}
	dr.key(tea.KeyPressMsg{Code: tea.KeyUp}) // back to skipped José
	dr.scan("805ec0b20004")
	if got := macs(d); got[0] != "805ec0b20004" {
		t.Fatalf("↑ to a skipped user: %v", got)
	}
}

func TestHexLettersAreNeverCommands(t *testing.T) {
	d := cartDraft()
	dr := newDriver(d, nil)
	// "m", "u", "s" and the hex letters would be shortcuts elsewhere.
	dr.scan("MAC:805ECOB2OOO1") // a mis-scan with letter O
	dr.scan("musabcdef")
	if dr.back || dr.changes != 0 {
		t.Fatalf("letters acted as commands: back=%v changes=%d", dr.back, dr.changes)
	}
	if dr.bells != 2 {
		t.Fatalf("%d bells, want 2 rejected scans", dr.bells)
	}
}

func TestBrandComesFromTheVendorPrefixWithoutDefaults(t *testing.T) {
	d := cartDraft()
	d.Defaults.DeskPhoneBrand, d.Defaults.DeskPhoneModel = "", ""
	dr := newDriver(d, nil)
	dr.scan("0004f2123456")
	p := d.Users[0].DeskPhones[0]
	if p.Brand != "Polycom" || p.Model != "" {
		t.Fatalf("phone %+v, want brand Polycom from the 00:04:f2 prefix and no model", p)
	}
	if v := plain(dr.screen.View()); !strings.Contains(v, "no model yet: ctrl+o to choose") {
		t.Fatalf("missing model not flagged:\n%s", v)
	}
}

func TestModelChosenOnTheScreenAppliesToFollowingScans(t *testing.T) {
	d := cartDraft()
	dr := newDriver(d, nil)
	dr.key(tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
	for _, r := range "polycom" {
		dr.key(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	dr.key(tea.KeyPressMsg{Code: tea.KeyEnter}) // brand
	for _, r := range "vvx450" {
		dr.key(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	dr.key(tea.KeyPressMsg{Code: tea.KeyEnter}) // model
	dr.scan("0004f2123456")
	if p := d.Users[0].DeskPhones[0]; !strings.EqualFold(p.Brand, "Polycom") || p.Model != "vvx450" {
		t.Fatalf("phone %+v, want the chosen Polycom vvx450", p)
	}
}

func TestReadOnlyDraftIsNotChanged(t *testing.T) {
	d := cartDraft()
	dr := newDriver(d, nil)
	dr.ctx.ReadOnly = true
	dr.send(macinputAccepted("805ec0b20001"))
	if d.Users[0].DeskPhones != nil || dr.changes != 0 || dr.bells != 1 {
		t.Fatalf("read-only draft changed: %v changes=%d bells=%d", macs(d), dr.changes, dr.bells)
	}
}

func TestEscGoesBack(t *testing.T) {
	dr := newDriver(cartDraft(), nil)
	dr.key(tea.KeyPressMsg{Code: tea.KeyEscape})
	if !dr.back {
		t.Fatal("esc did not go back")
	}
}
