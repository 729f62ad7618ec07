package results

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"zpadd/state"
)

// The results export marks every cell a spreadsheet would run (a name or
// Zoom's message starting with "=", "+", "@", "-") as text, and its JSON
// keeps the exact values.
func TestResultsExportMarksFormulaCellsAsText(t *testing.T) {
	d := state.NewDraft("b", state.Defaults{})
	d.Users = []state.User{{Email: "a@example.com", FirstName: "=HYPERLINK(\"http://evil\")", LastName: "x"}}
	sub := state.Submission{DraftName: "b", Sent: time.Now(), Results: []state.UserResult{
		{Email: "a@example.com", Status: state.ResultFailed, Error: "@SUM(1+1)*cmd|' /C calc'!A0", Field: "-2+3"},
	}}
	csvPath, jsonPath, err := writeResults(t.TempDir(), sub, d)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, cell := range recs[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("column %s would run in a spreadsheet: %q", recs[0][i], cell)
		}
	}
	if recs[1][5] != "'@SUM(1+1)*cmd|' /C calc'!A0" {
		t.Errorf("Zoom's message should be marked as text, got %q", recs[1][5])
	}
	b, _ := os.ReadFile(jsonPath)
	var back []state.UserResult
	if err := json.Unmarshal(b, &back); err != nil || back[0].Error != sub.Results[0].Error {
		t.Errorf("the JSON must keep the exact message: %v %+v", err, back)
	}
}
