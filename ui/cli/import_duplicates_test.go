package cli

import (
	"strings"
	"testing"

	"zpadd/zoom/sandbox"
)

// The case: rows 5 and 6 give one MAC in two notations; import
// names both rows and the column.
func TestImportNamesADuplicateMACWithBothRows(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	var b strings.Builder
	b.WriteString(csvHeader)
	for i, e := range freeEmails[:3] {
		b.WriteString(userRow(i+1, e)) // rows 2-4
	}
	b.WriteString(strings.Replace(userRow(4, freeEmails[3]), "80:5e:c0:7a:00:04", "805EC0C30001", 1))
	b.WriteString(strings.Replace(userRow(5, freeEmails[4]), "80:5e:c0:7a:00:05", "80-5e-c0-c3-00-01", 1))
	Import(te.Env, writeCSV(t, b.String()))
	want := "row 6, column desk_phone_mac: rows 5 and 6 both give the desk phone MAC 80:5e:c0:c3:00:01"
	if !strings.Contains(te.stderr.String(), want) {
		t.Errorf("import should say %q:\n%s", want, te.stderr)
	}
}
