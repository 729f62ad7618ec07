package state

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// Export writes every cell a spreadsheet would run with a leading "'",
// and only those (plus cells already starting with "'").
func TestExportMarksFormulaCellsAsText(t *testing.T) {
	d := NewDraft("f", Defaults{})
	d.Users = []User{{
		Email: "a@example.com", FirstName: "=HYPERLINK(\"http://evil\",\"x\")", LastName: "+cmd|' /C calc'!A0",
		SiteName: "@SUM(A1)", TemplateName: "-2+3", SiteCode: "\t=cmd", ExtensionNumber: "1001",
		PhoneNumbers: []string{"+12125550100", "+12125550101"}, OutboundCallerID: "+12125550100",
	}}
	var buf bytes.Buffer
	if err := ExportCSV(&buf, d); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, cell := range recs[1] {
		if cell == "" {
			continue
		}
		if strings.IndexByte(formulaStarts, cell[0]) >= 0 {
			t.Errorf("column %s starts with %q: a spreadsheet would run %q", recs[0][i], cell[0], cell)
		}
	}
	if recs[1][0] != "a@example.com" || recs[1][3] != "1001" {
		t.Errorf("plain cells must stay plain: %q", recs[1])
	}
	if recs[1][8] != "'+12125550100;+12125550101" {
		t.Errorf("an E.164 list is marked once, at its start: %q", recs[1][8])
	}
}

// The marked export comes back exactly, formula-looking values included.
func TestFormulaCellsRoundTripExactly(t *testing.T) {
	values := []string{"=SUM(A1)", "+cmd|' /C calc'!A0", "@x", "-2+3", "-", "+12125550100", "'", "'x", "''=", "\t=cmd", "\r=cmd", "=x ", "plain"}
	for _, v := range values {
		d := NewDraft("f", Defaults{})
		d.Users = []User{{Email: "a@example.com", FirstName: v}}
		var buf bytes.Buffer
		if err := ExportCSV(&buf, d); err != nil {
			t.Fatal(err)
		}
		ds, _, err := ImportCSV(&buf, "x.csv")
		if err != nil || len(ds) != 1 || ds[0].Users[0].FirstName != v {
			t.Errorf("%q did not round-trip: %+v %v", v, ds, err)
		}
	}
}

// A hand-made file's formula cells are imported as text with a warning by
// row and column; a leading tab is no longer trimmed into a formula.
func TestImportWarnsOnFormulaCellsByRowAndColumn(t *testing.T) {
	in := "email,first_name,last_name,phone_numbers\n" +
		"a@example.com,Ann,Lee,+12125550100\n" +
		"b@example.com,=HYPERLINK(\"http://evil\"),\"\t=cmd\",\n" +
		"c@example.com,-,@SUM(A1),\n"
	ds, ps, err := ImportCSV(strings.NewReader(in), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	u := ds[0].Users
	if u[1].LastName != "\t=cmd" {
		t.Errorf("a leading tab must be kept, got %q", u[1].LastName)
	}
	for _, want := range []struct {
		row int
		col string
	}{{3, "first_name"}, {3, "last_name"}, {4, "last_name"}} {
		if !findRowProblem(ps, want.row, want.col, Warning, "looks like a spreadsheet formula") {
			t.Errorf("no formula warning at row %d, column %s: %v", want.row, want.col, ps)
		}
	}
	for _, p := range ps {
		if p.Row == 2 || p.Row == 4 && p.Column == "first_name" {
			t.Errorf("a plain value was flagged: %v", p)
		}
	}
}
