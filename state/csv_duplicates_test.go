package state

import (
	"fmt"
	"strings"
	"testing"
)

// Rows 5 and 6 giving one MAC in two notations are named with both rows,
// and so are a shared email, number and extension at one site, even when
// the rows land in different drafts.
func TestImportNamesDuplicatesWithBothRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("email,extension_number,site_name,phone_numbers,desk_phone_mac\n")
	for i := 0; i < 3; i++ { // rows 2-4
		fmt.Fprintf(&b, "u%d@example.com,10%d,HQ,,\n", i, i)
	}
	b.WriteString("a@example.com,2001,HQ,+12125550100,805EC0C30001\n") // row 5
	b.WriteString("b@example.com,2002,HQ,,80-5e-c0-c3-00-01\n")        // row 6
	b.WriteString("A@Example.com,2001,hq,+1 212 555 0100,\n")          // row 7
	b.WriteString("c@example.com,2001,London,,\n")                     // row 8: other site, fine
	for i := 3; i < 12; i++ {                                          // rows 9-17
		fmt.Fprintf(&b, "u%d@example.com,30%02d,HQ,,\n", i, i)
	}
	b.WriteString("z@example.com,3100,HQ,+12125550199,80:5e:c0:c3:00:01\n") // row 18, second draft
	ds, ps, err := ImportCSV(strings.NewReader(b.String()), "dup.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 {
		t.Fatalf("want 2 drafts, got %d", len(ds))
	}
	for _, w := range []struct {
		row      int
		col, msg string
		sev      Severity
	}{
		{6, "desk_phone_mac", "rows 5 and 6 both give the desk phone MAC 80:5e:c0:c3:00:01", Warning},
		{18, "desk_phone_mac", "rows 5 and 18 both give the desk phone MAC 80:5e:c0:c3:00:01", Warning},
		{7, "email", "rows 5 and 7 both give the email A@example.com", Error},
		{7, "phone_numbers", "rows 5 and 7 both give the number +12125550100", Error},
		{7, "extension_number", "rows 5 and 7 both give extension 2001 at the same site", Error},
	} {
		if !findRowProblem(ps, w.row, w.col, w.sev, w.msg) {
			t.Errorf("missing at row %d, column %s: %q\n%v", w.row, w.col, w.msg, ps)
		}
	}
	for _, p := range ps {
		if p.Row == 8 {
			t.Errorf("extension 2001 at another site is no duplicate: %v", p)
		}
	}
}

// One MAC at two sites is an error, as validation has it.
func TestImportDuplicateMACAcrossSitesIsAnError(t *testing.T) {
	in := "email,site_name,desk_phone_mac,desk_phone_2_mac\n" +
		"a@example.com,HQ,805ec0c30001,\n" +
		"b@example.com,London,,805EC0C30001\n" +
		"c@example.com,HQ,805ec0c30002,80:5e:c0:c3:00:02\n"
	_, ps, err := ImportCSV(strings.NewReader(in), "dup.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !findRowProblem(ps, 3, "desk_phone_2_mac", Error, "rows 2 (column desk_phone_mac) and 3 both give") {
		t.Errorf("no cross-site error: %v", ps)
	}
	if !findRowProblem(ps, 4, "desk_phone_2_mac", Error, "also this row's desk_phone_mac") {
		t.Errorf("no same-row error: %v", ps)
	}
}
