package state

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func wantTooLarge(t *testing.T, ds []*Draft, err error, mention string) {
	t.Helper()
	var tl *TooLargeCSVError
	if !errors.As(err, &tl) || ds != nil {
		t.Fatalf("want a TooLargeCSVError and no drafts, got %d drafts, %v", len(ds), err)
	}
	if !strings.Contains(err.Error(), mention) || !strings.Contains(err.Error(), "nothing was imported") {
		t.Errorf("the message should say %q and that nothing was imported: %v", mention, err)
	}
}

// A file over 10 MB is refused whole, however it arrives (a pipe has no
// size to check first).
func TestImportRefusesAFileOverTheSizeLimit(t *testing.T) {
	long := strings.Repeat("L", 1000)
	row := "a@example.com," + long + "," + long + "," + long + "\n" // fewer rows than the row limit
	big := "email,first_name,last_name,site_name\n" + strings.Repeat(row, MaxCSVBytes/len(row)+1)
	ds, _, err := ImportCSV(strings.NewReader(big), "big.csv")
	wantTooLarge(t, ds, err, "larger than 10 MB")
	if err := CheckCSVSize("big.csv", MaxCSVBytes+1); err == nil {
		t.Error("CheckCSVSize must refuse a file over the limit by its size")
	}
}

func TestImportRefusesMoreThanTheRowLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("email\n")
	for i := 0; i <= MaxCSVRows; i++ {
		fmt.Fprintf(&b, "u%d@example.com\n", i)
	}
	ds, _, err := ImportCSV(strings.NewReader(b.String()), "rows.csv")
	wantTooLarge(t, ds, err, "more than 5000 user rows (row 5002")
}

func TestImportRefusesAnOversizeCellByRowAndColumn(t *testing.T) {
	in := "email,first_name\na@example.com,Ann\nb@example.com," + strings.Repeat("x", MaxCellChars+1) + "\n"
	ds, _, err := ImportCSV(strings.NewReader(in), "cell.csv")
	wantTooLarge(t, ds, err, "row 3, column first_name")
}

// A name over Zoom's length and a NUL or escape anywhere are errors by
// row and column; the values are kept for the operator to fix.
func TestImportNamesLongNamesAndControlCharacters(t *testing.T) {
	long := strings.Repeat("n", MaxNameChars+1)
	in := "email,first_name,last_name,site_name\n" +
		"a@example.com," + long + ",Lee,HQ\n" +
		"b@example.com,Bo\x00b,\"\x1b]52;c;aGk=\x07x\",\"Main\nSite\"\n"
	ds, ps, err := ImportCSV(strings.NewReader(in), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct {
		row      int
		col, msg string
	}{
		{2, "first_name", "is 65 characters long; Zoom takes at most 64"},
		{3, "first_name", `control character \x00 at character 3`},
		{3, "last_name", `control character \x1b at character 1`},
		{3, "site_name", `control character \x0a at character 5`},
	} {
		if !findRowProblem(ps, w.row, w.col, Error, w.msg) {
			t.Errorf("no error at row %d, column %s saying %q: %v", w.row, w.col, w.msg, ps)
		}
	}
	if ds[0].Users[1].FirstName != "Bo\x00b" {
		t.Errorf("the value must be kept as written, got %q", ds[0].Users[1].FirstName)
	}
}

// Validation refuses control characters and over-long values in every
// field, whoever wrote them (a Zoom lookup fills names too).
func TestValidateRefusesControlCharactersAndLongValuesInEveryField(t *testing.T) {
	d := NewDraft("v", Defaults{})
	d.Users = []User{{
		Email: "a@example.com", FirstName: "\x1b[2JAnn", LastName: "Lee\u202e", ExtensionNumber: "1001",
		SiteName: "Main\nSite", TemplateName: strings.Repeat("t", 65), CallingPlans: []string{"US/CA Unlimited"},
		DeskPhones: []DeskPhone{{MAC: "805ec0000001", Brand: "Yealink", Model: "t46\x00s"}},
	}}
	ps := Validate(d, nil)
	for _, field := range []string{"first_name", "last_name", "site_name", "template_name", "desk_phones[0].model"} {
		found := false
		for _, p := range ps {
			if p.Field == field && p.Severity == Error && (strings.Contains(p.Message, "control character") || strings.Contains(p.Message, "at most 64")) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error for %s: %v", field, ps)
		}
	}
	clean := NewDraft("c", Defaults{})
	clean.Users = []User{{Email: "b@example.com", FirstName: "José", LastName: "مرحبا", SiteName: "HQ"}}
	for _, p := range Validate(clean, nil) {
		if strings.Contains(p.Message, "control character") || strings.Contains(p.Message, "at most") {
			t.Errorf("ordinary text refused: %v", p)
		}
	}
}

// A draft file over the limit is refused at load instead of parsed, and a
// listing keeps it aside rather than stalling on it.
func TestStoreRefusesAnOversizeDraftFile(t *testing.T) {
	s, _ := storeTestStore(t)
	d := NewDraft("ok", Defaults{})
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(s.Dir(), "bigbigbigbigbig1.json")
	if err := os.WriteFile(big, []byte(`{"name":"`+strings.Repeat("x", MaxDraftFileBytes)+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load("bigbigbigbigbig1"); err == nil || !strings.Contains(err.Error(), "at most 1 MB") {
		t.Errorf("Load of an oversize draft: %v", err)
	}
	infos, moved, err := s.List()
	if err != nil || len(infos) != 1 || len(moved) != 1 {
		t.Errorf("List: %d drafts, moved %v, %v", len(infos), moved, err)
	}
}
