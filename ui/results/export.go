package results

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

// exported reports where the results went.
type exported struct {
	csvPath, jsonPath string
	err               error
}

// export writes the results as CSV and JSON next to where zpadd was started
// (or in the home folder when that is not writable) and says where.
func (m *Model) export() tea.Cmd {
	if m.sub == nil {
		return nil
	}
	sub, d := *m.sub, m.draft
	return func() tea.Msg {
		dirs := []string{}
		if wd, err := os.Getwd(); err == nil {
			dirs = append(dirs, wd)
		}
		if home, err := os.UserHomeDir(); err == nil {
			dirs = append(dirs, home)
		}
		var errs []error
		for _, dir := range dirs {
			c, j, err := writeResults(dir, sub, d)
			if err == nil {
				return exported{csvPath: c, jsonPath: j}
			}
			errs = append(errs, err)
		}
		return exported{err: fmt.Errorf("could not export the results: %w", errors.Join(errs...))}
	}
}

func (m *Model) exportDone(e exported) tea.Cmd {
	if e.err != nil {
		return common.Error(e.err)
	}
	m.note = "results exported to " + e.csvPath + " and " + filepath.Base(e.jsonPath)
	return common.Status("results exported")
}

// writeResults writes both files into dir; each file is 0600 like
// everything zpadd writes (results name people and their numbers).
func writeResults(dir string, sub state.Submission, d *state.Draft) (csvPath, jsonPath string, err error) {
	base := filepath.Join(dir, "zpadd-results-"+slug(sub.DraftName)+"-"+sub.Sent.Local().Format("20060102-150405"))
	csvPath, jsonPath = base+".csv", base+".json"

	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"email", "name", "status", "id", "field", "error", "checks"})
	for _, r := range sub.Results {
		name := ""
		if d != nil {
			if i := d.IndexOfEmail(r.Email); i >= 0 {
				name = d.Users[i].DisplayName()
			}
		}
		rec := []string{r.Email, name, r.Status, r.ID, r.Field, r.Error, checksText(r.Checks)}
		for i, v := range rec {
			rec[i] = state.EncodeCell(v) // Zoom's message or a name may start with "="
		}
		_ = w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return "", "", err
	}
	js, err := json.MarshalIndent(resultsJSON(sub.Results), "", "  ")
	if err != nil {
		return "", "", err
	}
	if err := os.WriteFile(csvPath, []byte(b.String()), 0o600); err != nil {
		return "", "", err
	}
	if err := os.WriteFile(jsonPath, append(js, '\n'), 0o600); err != nil {
		os.Remove(csvPath)
		return "", "", err
	}
	return csvPath, jsonPath, nil
}

// resultsJSON is the `--json` results shape: {"email","status","id","error","checks"}.
func resultsJSON(rs []state.UserResult) []state.UserResult {
	out := make([]state.UserResult, len(rs))
	for i, r := range rs {
		out[i] = r
		if out[i].Checks == nil {
			out[i].Checks = []state.Check{}
		}
	}
	return out
}

// checksText is "extension ok; numbers FAILED (detail)".
func checksText(cs []state.Check) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		s := c.Name + " ok"
		if !c.OK {
			s = c.Name + " FAILED"
			if c.Detail != "" {
				s += " (" + c.Detail + ")"
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// slug makes a draft name safe in a file name.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		return "batch"
	}
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}
