package state

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func importString(t *testing.T, s string) ([]*Draft, []RowProblem) {
	t.Helper()
	ds, ps, err := ImportCSV(strings.NewReader(s), "test.csv")
	if err != nil {
		t.Fatalf("ImportCSV: %v", err)
	}
	return ds, ps
}

func findRowProblem(ps []RowProblem, row int, column string, sev Severity, msg string) bool {
	for _, p := range ps {
		if p.Row == row && p.Column == column && p.Severity == sev && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

// TestImportCSVReadsAllColumns protects the column format: any header
// case, BOM, lists split on ";", optional bools, three desk phones.
func TestImportCSVReadsAllColumns(t *testing.T) {
	in := "\ufeffEmail,First_Name,LAST_NAME,Extension Number,site_name,site_code,template_name,calling_plans,phone_numbers," +
		"outbound_caller_id,select_outbound_caller_id,sms,desk_phone_mac,desk_phone_brand,desk_phone_model,desk_phone_provision_template," +
		"desk_phone_2_mac,desk_phone_2_brand,desk_phone_2_model,desk_phone_3_mac\r\n" +
		"Ann@Example.COM,Ann,Lee,0101,HQ,1,HQ users,US/CA Unlimited; Power Pack,+12125550100;+12125550101,+12125550100,TRUE,no," +
		"80-5E-C0-3D-EB-C4,Yealink,t46s,HQ Yealink,0004.f25e.ec3d,Polycom,vvx450,\r\n"
	ds, ps := importString(t, in)
	if len(ps) != 0 {
		t.Errorf("problems: %v", ps)
	}
	want := User{Email: "Ann@example.com", FirstName: "Ann", LastName: "Lee", ExtensionNumber: "0101", SiteName: "HQ", SiteCode: "1",
		TemplateName: "HQ users", CallingPlans: []string{"US/CA Unlimited", "Power Pack"}, PhoneNumbers: []string{"+12125550100", "+12125550101"},
		OutboundCallerID: "+12125550100", SelectOutboundCallerID: boolPtr(true), SMS: boolPtr(false),
		DeskPhones: []DeskPhone{{MAC: "805ec03debc4", Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"},
			{MAC: "0004f25eec3d", Brand: "Polycom", Model: "vvx450"}}}
	if len(ds) != 1 || len(ds[0].Users) != 1 || !reflect.DeepEqual(ds[0].Users[0], want) {
		t.Fatalf("got %+v", ds)
	}
	if ds[0].Name != "import: test.csv (1 of 1)" || ds[0].ID == "" {
		t.Errorf("draft name %q id %q", ds[0].Name, ds[0].ID)
	}
}

// TestImportCSVSplitsIntoDrafts protects one draft per 10 rows, in order.
func TestImportCSVSplitsIntoDrafts(t *testing.T) {
	var b strings.Builder
	b.WriteString("email\n")
	for i := 0; i < 23; i++ {
		fmt.Fprintf(&b, "u%02d@example.com\n", i)
	}
	ds, _ := importString(t, b.String())
	if len(ds) != 3 || len(ds[0].Users) != 10 || len(ds[2].Users) != 3 || ds[1].Users[0].Email != "u10@example.com" ||
		ds[2].Name != "import: test.csv (3 of 3)" {
		t.Fatalf("drafts: %d", len(ds))
	}
}

// TestImportCSVSpreadsheetDamage protects detection of what spreadsheets do
// to numbers, MACs and extensions, each named by row and column, and that
// damaged rows are still imported.
func TestImportCSVSpreadsheetDamage(t *testing.T) {
	in := "email,extension_number,site_name,phone_numbers,desk_phone_mac,desk_phone_brand,desk_phone_model,sms\n" +
		"a@example.com,1001,HQ,12125550100,8.05E+11,Yealink,t46s,\n" + // row 2
		"b@example.com,12,HQ,1.21255E+10,15651234567,Yealink,t46s,maybe\n" + // row 3
		"\n" + // row 4 blank: still counted
		"c@example.com,1003.0,HQ,(212) 555-0100,805ec03debc4,,,\n" // row 5
	ds, ps := importString(t, in)
	if len(ds) != 1 || len(ds[0].Users) != 3 {
		t.Fatalf("rows with problems must still be imported: %+v", ds)
	}
	for _, w := range []struct {
		row      int
		col, msg string
		sev      Severity
	}{
		{2, "phone_numbers", "had no \"+\"", Warning},
		{2, "desk_phone_mac", "scientific notation", Error},
		{3, "phone_numbers", "scientific notation", Error},
		{3, "desk_phone_mac", "dropped leading zeros", Error},
		{3, "extension_number", "has 2 digits while others at this site have 4", Warning},
		{3, "sms", "not true or false", Error},
		{5, "extension_number", "read as 1003", Warning},
		{5, "phone_numbers", "not an E.164 number", Error},
	} {
		if !findRowProblem(ps, w.row, w.col, w.sev, w.msg) {
			t.Errorf("missing %s at row %d, column %s: %q; got:\n%v", w.sev, w.row, w.col, w.msg, ps)
		}
	}
	u := ds[0].Users
	if u[0].PhoneNumbers[0] != "+12125550100" || u[0].DeskPhones[0].MAC != "8.05E+11" || u[2].ExtensionNumber != "1003" {
		t.Errorf("values: %+v", u)
	}
}

// TestImportCSVHeaderAndShape protects header errors, unknown columns and
// wrong cell counts, all located.
func TestImportCSVHeaderAndShape(t *testing.T) {
	for _, bad := range []string{"", "first_name,last_name\nAnn,Lee\n", "\xff\xfee\x00m\x00"} {
		if ds, _, err := ImportCSV(strings.NewReader(bad), "bad.csv"); err == nil || ds != nil {
			t.Errorf("ImportCSV(%q) = %v, nil; want an error and no drafts", bad, ds)
		}
	}
	_, ps := importString(t, "email,Colour,sms\na@example.com,red\nb@example.com,blue,true,extra\n")
	if !findRowProblem(ps, 1, "Colour", Warning, "unknown column") ||
		!findRowProblem(ps, 2, "", Warning, "has 2 cells but the header has 3") ||
		!findRowProblem(ps, 3, "", Error, "has 4 cells") {
		t.Errorf("got %v", ps)
	}
	if p := (RowProblem{Row: 3, Column: "sms", Message: "x"}); p.String() != "row 3, column sms: x" {
		t.Errorf("String() = %q", p.String())
	}
}

// TestImportCSVSemicolonSeparated protects files from locales where
// spreadsheets separate cells with ";".
func TestImportCSVSemicolonSeparated(t *testing.T) {
	ds, ps := importString(t, "email;calling_plans\na@example.com;\"US/CA Unlimited;Power Pack\"\n")
	if len(ps) != 0 || len(ds) != 1 || len(ds[0].Users[0].CallingPlans) != 2 {
		t.Errorf("got %+v, %v", ds, ps)
	}
}

// TestExportImportRoundTrip is the property import(export(d)) == d over
// random drafts (seeded, so failures reproduce).
func TestExportImportRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		d := randomDraft(rng)
		var buf bytes.Buffer
		if err := ExportCSV(&buf, d); err != nil {
			t.Fatal(err)
		}
		ds, ps, err := ImportCSV(bytes.NewReader(buf.Bytes()), "x")
		if err != nil {
			t.Fatalf("draft %d: %v\n%s", n, err, buf.String())
		}
		var got []User
		for _, g := range ds {
			got = append(got, g.Users...)
		}
		if !reflect.DeepEqual(got, d.Users) {
			t.Fatalf("draft %d changed in the round trip\nwant %+v\n got %+v\nproblems %v\ncsv:\n%s", n, d.Users, got, ps, buf.String())
		}
	}
}

func randomDraft(rng *rand.Rand) *Draft {
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	optBool := func() *bool {
		switch rng.Intn(3) {
		case 0:
			return nil
		case 1:
			return boolPtr(true)
		}
		return boolPtr(false)
	}
	plans := CallingPlans()
	models := Devices().Brands()
	d := NewDraft("r", Defaults{})
	n := 1 + rng.Intn(MaxUsers)
	for i := 0; i < n; i++ {
		u := User{
			Email:                  fmt.Sprintf("%s%d@%s", pick("ann", "Bob.Lee", "o'neil+x"), i, pick("example.com", "sub.example.org")),
			FirstName:              pick("", "Ann", "José", "Mary Ann", "\"Q\"", "a,b", "semi;colon", "-", "'quoted", "'=x", "''"),
			LastName:               pick("", "Lee", "O'Neil", "Line\nBreak", "=SUM(A1)", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\t=cmd", "\r=cmd"),
			ExtensionNumber:        pick("", fmt.Sprint(1000+rng.Intn(9000)), fmt.Sprintf("0%d", rng.Intn(100))),
			SiteName:               pick("", "HQ", "London, UK"),
			SiteCode:               pick("", "1", "22"),
			TemplateName:           pick("", "HQ users"),
			OutboundCallerID:       pick("", "+12125550100", "+447911123456"),
			SelectOutboundCallerID: optBool(),
			SMS:                    optBool(),
		}
		for k := rng.Intn(3); k > 0; k-- {
			u.CallingPlans = append(u.CallingPlans, plans[rng.Intn(len(plans))].Short)
		}
		for k := rng.Intn(3); k > 0; k-- {
			u.PhoneNumbers = append(u.PhoneNumbers, fmt.Sprintf("+1212555%04d", rng.Intn(10000)))
		}
		for k := rng.Intn(MaxDeskPhones + 1); k > 0; k-- {
			b := models[rng.Intn(len(models))]
			p := DeskPhone{MAC: fmt.Sprintf("%02x%010x", rng.Intn(128)*2, rng.Int63n(1<<40)), Brand: b.Name, ProvisionTemplate: pick("", "HQ Yealink")}
			if len(b.Models) > 0 {
				p.Model = b.Models[rng.Intn(len(b.Models))].ID
			}
			if p.MAC == "000000000000" {
				p.MAC = "000000000002"
			}
			u.DeskPhones = append(u.DeskPhones, p)
		}
		d.Users = append(d.Users, u)
	}
	return d
}

// FuzzImportCSV: no input panics, every row problem names a row, and
// drafts never exceed the user limit.
func FuzzImportCSV(f *testing.F) {
	f.Add("email\na@example.com\n")
	f.Add("\ufeffEMAIL;sms\n\"a@example.com\";yes\n")
	f.Add("email,phone_numbers,desk_phone_mac\na@example.com,1.21255E+10,8.05E+11\n\n,,\nb@x.org,\"+12125550100;x\",]C0MAC:805EC03DEBC4\n")
	f.Add("sep=;\nemail;extension_number\nx;1.0\n")
	f.Add("email,\"bad\nquote\na\"b,c\n")
	f.Fuzz(func(t *testing.T, s string) {
		ds, ps, err := ImportCSV(strings.NewReader(s), "fuzz")
		if err != nil && ds != nil {
			t.Fatal("drafts returned with an error")
		}
		for _, p := range ps {
			if p.Row < 1 || p.Message == "" {
				t.Fatalf("bad row problem %+v", p)
			}
		}
		for _, d := range ds {
			if len(d.Users) == 0 || len(d.Users) > MaxUsers {
				t.Fatalf("draft with %d users", len(d.Users))
			}
			_ = Validate(d, nil)
			var buf bytes.Buffer
			if err := ExportCSV(&buf, d); err != nil {
				t.Fatal(err)
			}
		}
	})
}
