package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

func TestImport23RowsGivesThreeDraftsInFileOrder(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	var b strings.Builder
	b.WriteString(csvHeader)
	for i := 1; i <= 23; i++ {
		b.WriteString(userRow(i, fmt.Sprintf("user%02d", i)))
	}
	if code := Import(te.Env, writeCSV(t, b.String())); code != ExitOK {
		t.Fatalf("exit %d, stderr: %s", code, te.stderr)
	}
	lines := strings.Split(strings.TrimSpace(te.stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 draft lines, got %d: %q", len(lines), te.stdout)
	}
	wantSizes := []int{10, 10, 3}
	for i, line := range lines {
		id := strings.Fields(line)[0]
		d, err := te.Store.Load(id)
		if err != nil {
			t.Fatalf("printed id %q does not load: %v", id, err)
		}
		if len(d.Users) != wantSizes[i] {
			t.Errorf("draft %d: %d users, want %d", i+1, len(d.Users), wantSizes[i])
		}
		if first := d.Users[0].Email; first != fmt.Sprintf("user%02d@example.com", i*10+1) {
			t.Errorf("draft %d starts with %s: file order lost", i+1, first)
		}
	}
}

func TestImportNamesSpreadsheetDamageByRowAndColumn(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	content := "\ufeffEmail,First_Name,extension_number,site_name,calling_plans,phone_numbers,desk_phone_mac\n" +
		"grace.wilson@example.com,Grace,1101,Main Site,US/CA Unlimited,16468201000,80:5e:c0:7a:00:01\n" +
		"henry.moore@example.com,Henry,1102,Main Site,US/CA Unlimited,1.64682E+10,\n" +
		"jose.nunez@example.com,José,1103,Main Site,US/CA Unlimited,,8.05E+11\n"
	code := Import(te.Env, writeCSV(t, content))
	if code != ExitInvalid {
		t.Errorf("exit %d, want %d for rows with errors", code, ExitInvalid)
	}
	errs := te.stderr.String()
	for _, want := range []string{
		"row 2, column phone_numbers:", // lost "+": repaired with a warning
		"row 3, column phone_numbers:", // scientific notation
		"row 4, column desk_phone_mac:",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// Nothing is lost: every row became a user, damaged cells named above.
	id := strings.Fields(te.stdout.String())[0]
	d, err := te.Store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Users) != 3 || d.Users[0].Email != "grace.wilson@example.com" {
		t.Fatalf("BOM or rows lost: %+v", d.Users)
	}
	if got := d.Users[0].PhoneNumbers; len(got) != 1 || got[0] != "+16468201000" {
		t.Errorf("lost + not repaired: %v", got)
	}
}

func TestImportWithoutValidHeaderMakesNoDraft(t *testing.T) {
	for name, content := range map[string]string{
		"no email column": "name,extension\nGrace,1101\n",
		"empty file":      "",
	} {
		t.Run(name, func(t *testing.T) {
			te := newTestEnv(t, sandbox.Options{})
			if code := Import(te.Env, writeCSV(t, content)); code != ExitInvalid {
				t.Errorf("exit %d, want %d", code, ExitInvalid)
			}
			if infos, _, _ := te.Store.List(); len(infos) != 0 {
				t.Errorf("a draft was made: %+v", infos)
			}
			if te.stderr.Len() == 0 {
				t.Error("no message on stderr")
			}
		})
	}
	te := newTestEnv(t, sandbox.Options{})
	if code := Import(te.Env, "/nonexistent/users.csv"); code != ExitInvalid {
		t.Errorf("unreadable file: exit %d, want %d", code, ExitInvalid)
	}
}

func TestDraftsJSONHasTheContractFields(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, "grace.wilson", "henry.moore")
	if code := Drafts(te.Env, true); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var got []map[string]any
	if err := json.Unmarshal(te.stdout.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, te.stdout)
	}
	if len(got) != 1 {
		t.Fatalf("want 1 draft, got %d", len(got))
	}
	for _, k := range []string{"id", "name", "users", "updated", "status"} {
		if _, ok := got[0][k]; !ok {
			t.Errorf("field %q missing: %v", k, got[0])
		}
	}
	if got[0]["id"] != ids[0] || got[0]["users"] != float64(2) || got[0]["status"] != "draft" {
		t.Errorf("wrong values: %v", got[0])
	}
}

func TestExportThenImportGivesTheSameUsers(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, "grace.wilson", "henry.moore", "jose.nunez")
	orig, _ := te.Store.Load(ids[0])
	if code := Export(te.Env, ids[0], "csv"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	exported := te.stdout.String()
	te.reset()
	if code := Import(te.Env, writeCSV(t, exported)); code != ExitOK {
		t.Fatalf("re-import exit %d: %s", code, te.stderr)
	}
	again, err := te.Store.Load(strings.Fields(te.stdout.String())[0])
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(orig.Users)
	b, _ := json.Marshal(again.Users)
	if string(a) != string(b) {
		t.Errorf("round trip changed users:\n%s\n%s", a, b)
	}
	te.reset()
	if code := Export(te.Env, ids[0], "xml"); code != ExitInvalid {
		t.Errorf("unknown format: exit %d", code)
	}
	if code := Export(te.Env, "nope", "csv"); code != ExitInvalid {
		t.Errorf("unknown draft: exit %d", code)
	}
}

func TestDraftsAreFoundByIdPrefixOrPartOfTheirName(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	ids := te.importClean(t, freeEmails[:12]...) // "import: users.csv (1 of 2)" and "(2 of 2)"
	for ref, want := range map[string]string{ids[1][:6]: ids[1], "(2 OF 2)": ids[1], ids[0]: ids[0]} {
		d, err := te.findDraft(ref)
		if err != nil || d.ID != want {
			t.Errorf("findDraft(%q) = %v, %v; want %s", ref, d, err, want)
		}
	}
	if _, err := te.findDraft("users.csv"); err == nil || !strings.Contains(err.Error(), "matches 2 drafts") {
		t.Errorf("an ambiguous name must be refused, got %v", err)
	}
}
