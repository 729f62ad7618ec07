package cli

import (
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// zpadd export (through the sanitising stdout) and zpadd import give back
// the same users, formula-looking values and E.164 numbers included.
func TestExportImportThroughTheCLIIsExact(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	in := "email,first_name,last_name,phone_numbers,outbound_caller_id\n" +
		`a@example.com,"'=HYPERLINK(""http://x"")",'-2+3,'+12125550100;+12125550101,'+12125550100` + "\n" +
		"b@example.com,-,'@SUM(A1),,\n"
	if code := Import(te.Env, writeCSV(t, in)); code == ExitOther {
		t.Fatalf("import: %s", te.stderr)
	}
	ids := mustList(t, te)
	before, _ := te.Store.Load(ids[0])
	te.reset()
	if code := Run(te.Env, func(e *Env) int { return Export(e, ids[0], "csv") }); code != ExitOK {
		t.Fatalf("export: %d %s", code, te.stderr)
	}
	exported := te.stdout.String()
	if strings.Contains(exported, ",=") || strings.Contains(exported, ",@") || strings.Contains(exported, ",+") {
		t.Errorf("a formula cell is unmarked:\n%s", exported)
	}
	te.reset()
	Import(te.Env, writeCSV(t, exported))
	var after []string
	for _, id := range mustList(t, te) {
		if id != ids[0] {
			after = append(after, id)
		}
	}
	got, _ := te.Store.Load(after[0])
	if len(got.Users) != 2 || got.Users[0].FirstName != `=HYPERLINK("http://x")` || got.Users[0].LastName != "-2+3" ||
		got.Users[1].FirstName != "-" || got.Users[1].LastName != "@SUM(A1)" ||
		strings.Join(got.Users[0].PhoneNumbers, ";") != strings.Join(before.Users[0].PhoneNumbers, ";") ||
		got.Users[0].OutboundCallerID != "+12125550100" {
		t.Errorf("the round trip changed the users:\nbefore %+v\nafter  %+v\n%s", before.Users, got.Users, exported)
	}
}
