package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"zpadd/state"
)

// resultJSON is the fixed `--json` result shape of DESIGN.md.
type resultJSON struct {
	Email  string        `json:"email"`
	Status string        `json:"status"`
	ID     string        `json:"id"`
	Error  string        `json:"error"`
	Checks []state.Check `json:"checks"`
}

func toResultJSON(r state.UserResult) resultJSON {
	msg := r.Error
	if msg != "" && r.Field != "" {
		msg = r.Field + ": " + msg
	}
	checks := r.Checks
	if checks == nil {
		checks = []state.Check{}
	}
	return resultJSON{Email: r.Email, Status: r.Status, ID: r.ID, Error: msg, Checks: checks}
}

// writeResults prints per-user results: the JSON array, or a table.
func writeResults(e *Env, results []state.UserResult, asJSON bool) int {
	if asJSON {
		out := make([]resultJSON, 0, len(results))
		for _, r := range results {
			out = append(out, toResultJSON(r))
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EMAIL\tRESULT\tID\tDETAIL")
	for _, r := range results {
		detail := toResultJSON(r).Error
		if detail == "" {
			detail = checkSummary(r.Checks)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", line(r.Email), line(r.Status), line(dash(r.ID)), line(detail))
	}
	tw.Flush()
	return ExitOK
}

func checkSummary(checks []state.Check) string {
	var parts []string
	for _, c := range checks {
		mark := "✓"
		if !c.OK {
			mark = "✗"
		}
		part := mark + " " + c.Name
		if !c.OK && c.Detail != "" {
			part += " (" + c.Detail + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
