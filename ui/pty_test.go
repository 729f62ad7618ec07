//go:build unix

package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"zpadd/state"
)

// scannerBursts are ten desk-phone MACs as USB scanners type them: labels,
// AIM symbology prefixes, separators and either case. want is what each
// must be stored as.
var scannerBursts = []struct{ typed, want string }{
	{"MAC:805EC05A0101", "805ec05a0101"},
	{"80-5E-C0-5A-01-02", "805ec05a0102"},
	{"805ec05a0103", "805ec05a0103"},
	{"]C0805EC05A0104", "805ec05a0104"},
	{"80:5e:c0:5a:01:05", "805ec05a0105"},
	{"805e.c05a.0106", "805ec05a0106"},
	{"]C1MAC:805EC05A0107", "805ec05a0107"},
	{"MAC 80-5e-c0-5a-01-08", "805ec05a0108"},
	{"805EC05A0109", "805ec05a0109"},
	{"]C0MAC:80:5E:C0:5A:01:0A", "805ec05a010a"},
}

// TestPtyScannerBurstsReachTheSavedDraft protects the technician's cart
// workflow end to end in the real binary: ten MACs typed as scanner bursts
// (every character in one write, Enter straight after, no pause between
// scans) all land, exact and in user order, in the draft on disk.
func TestPtyScannerBurstsReachTheSavedDraft(t *testing.T) {
	bin := buildZpadd(t)
	dir := t.TempDir()
	store, draft := seedCartDraft(t, dir)

	p := startPty(t, bin, 100, 30, []string{"ZPADD_HOME=" + dir}, "--sandbox")

	m := 0
	p.waitText(m, draft.Name) // Home lists the draft
	m = p.mark()
	p.write("\r") // open it
	p.waitText(m, "scan phones")
	m = p.mark()
	p.write("s") // scan mode on the batch table
	p.waitText(m, "waiting for a scan")

	for _, b := range scannerBursts {
		p.write(b.typed + "\r")
	}

	// The autosave writes the scans without any further key: a closed
	// terminal right now would lose nothing.
	p.waitFor("all 10 MACs saved to the draft file", func() bool {
		d, err := store.Load(draft.ID)
		return err == nil && phonesOf(d) == len(scannerBursts)
	})

	m = p.mark()
	p.write("\x03") // ctrl+c: save & quit
	if err := p.waitExit(); err != nil {
		t.Fatalf("zpadd exited with %v after ctrl+c; its last output:\n%s", err, p.tail())
	}
	if out := p.text(0); containsRace(out) {
		t.Fatalf("the race detector reported a data race in zpadd:\n%s", out)
	}

	got, err := store.Load(draft.ID)
	if err != nil {
		t.Fatalf("load the saved draft: %v", err)
	}
	if len(got.Users) != len(scannerBursts) {
		t.Fatalf("saved draft has %d users, want %d", len(got.Users), len(scannerBursts))
	}
	for i, b := range scannerBursts {
		u := got.Users[i]
		var macs []string
		for _, ph := range u.DeskPhones {
			macs = append(macs, ph.MAC)
		}
		if !slices.Equal(macs, []string{b.want}) {
			t.Errorf("user %d (%s): desk phone MACs %q, want [%q] (scanned as %q)", i+1, u.Email, macs, b.want, b.typed)
			continue
		}
		ph := u.DeskPhones[0]
		if ph.Brand != "Yealink" || ph.Model != "t46s" || ph.ProvisionTemplate != "HQ Yealink" {
			t.Errorf("user %d: desk phone %s %s / %q, want the batch defaults Yealink t46s / \"HQ Yealink\"", i+1, ph.Brand, ph.Model, ph.ProvisionTemplate)
		}
	}
}

// seedCartDraft saves a draft of ten Main Site users without desk phones,
// with Yealink T46S as the batch's desk-phone default, under ZPADD_HOME dir.
func seedCartDraft(t *testing.T, dir string) (*state.Store, *state.Draft) {
	t.Helper()
	home := state.HomeUnder(dir)
	if err := home.Ensure(); err != nil {
		t.Fatal(err)
	}
	store, err := state.OpenStore(home)
	if err != nil {
		t.Fatal(err)
	}
	d := state.NewDraft("Cart 7 second floor", state.Defaults{
		SiteName:          "Main Site",
		TemplateName:      "Main Site Standard User",
		CallingPlans:      []string{"US/CA Unlimited"},
		DeskPhoneBrand:    "Yealink",
		DeskPhoneModel:    "t46s",
		ProvisionTemplate: "HQ Yealink",
	})
	for i := range scannerBursts {
		if _, err := d.AddUser(fmt.Sprintf("cart.user%02d@example.com", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Save(d); err != nil {
		t.Fatal(err)
	}
	return store, d
}

func phonesOf(d *state.Draft) int {
	n := 0
	for _, u := range d.Users {
		n += len(u.DeskPhones)
	}
	return n
}

// containsRace spots the race detector's report in the program's output
// (it writes to stderr, which is the pty).
func containsRace(out string) bool { return strings.Contains(out, "WARNING: DATA RACE") }

// TestPtyCtrlCRightAfterScansKeepsThem protects "nothing typed is ever
// lost on ctrl+c": scans still being processed when ctrl+c arrives (here in
// the same write as the last burst) are in the draft the quit saves.
func TestPtyCtrlCRightAfterScansKeepsThem(t *testing.T) {
	bin := buildZpadd(t)
	dir := t.TempDir()
	store, draft := seedCartDraft(t, dir)

	p := startPty(t, bin, 100, 30, []string{"ZPADD_HOME=" + dir}, "--sandbox")
	p.waitText(0, draft.Name)
	m := p.mark()
	p.write("\r")
	p.waitText(m, "scan phones")
	m = p.mark()
	p.write("s")
	p.waitText(m, "waiting for a scan")

	var burst strings.Builder
	for _, b := range scannerBursts[:3] {
		burst.WriteString(b.typed + "\r")
	}
	p.write(burst.String() + "\x03")
	if err := p.waitExit(); err != nil {
		t.Fatalf("zpadd exited with %v after ctrl+c; its last output:\n%s", err, p.tail())
	}

	got, err := store.Load(draft.ID)
	if err != nil {
		t.Fatalf("load the saved draft: %v", err)
	}
	for i, b := range scannerBursts[:3] {
		var macs []string
		for _, ph := range got.Users[i].DeskPhones {
			macs = append(macs, ph.MAC)
		}
		if !slices.Equal(macs, []string{b.want}) {
			t.Errorf("user %d: desk phone MACs %q after ctrl+c, want [%q] (scanned as %q just before it)", i+1, macs, b.want, b.typed)
		}
	}
}
