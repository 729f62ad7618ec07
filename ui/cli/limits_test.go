package cli

import (
	"fmt"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Oversize inputs exit 2 with a message saying which limit, and no draft
// is created.
func TestImportRefusesOversizeInputsAndCreatesNothing(t *testing.T) {
	te := newTestEnv(t, sandbox.Options{})
	var rows strings.Builder
	rows.WriteString(csvHeader)
	for i := 0; i <= state.MaxCSVRows; i++ {
		fmt.Fprintf(&rows, "u%d@example.com,A,B,,,,,,,\n", i)
	}
	for name, tc := range map[string]struct{ content, says string }{
		"bytes": {csvHeader + strings.Repeat("a@example.com,"+strings.Repeat("x", 1000)+",y,1,,,,,,\n", state.MaxCSVBytes/1000+1), "MB"},
		"rows":  {rows.String(), "more than 5000 user rows"},
		"cell":  {csvHeader + "a@example.com," + strings.Repeat("x", state.MaxCellChars+1) + ",y,1,,,,,,\n", "row 2, column first_name"},
	} {
		te.reset()
		if code := Import(te.Env, writeCSV(t, tc.content)); code != ExitInvalid {
			t.Errorf("%s: exit %d, want %d", name, code, ExitInvalid)
		}
		if !strings.Contains(te.stderr.String(), tc.says) || !strings.Contains(te.stderr.String(), "nothing was imported") {
			t.Errorf("%s: the message should say %q: %s", name, tc.says, te.stderr)
		}
		if infos, _, _ := te.Store.List(); len(infos) != 0 || te.stdout.Len() != 0 {
			t.Errorf("%s: %d drafts created, stdout %q", name, len(infos), te.stdout)
		}
	}
}
