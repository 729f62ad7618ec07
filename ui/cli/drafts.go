package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"zpadd/zoom/submit"
)

// draftJSON is the fixed `zpadd drafts --json` shape scripts rely on.
type draftJSON struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Users   int       `json:"users"`
	Updated time.Time `json:"updated"`
	Status  string    `json:"status"`
}

// Drafts lists the saved drafts, newest first.
func Drafts(e *Env, asJSON bool) int {
	infos, err := e.listDrafts()
	if err != nil {
		e.errorf("listing drafts: %v", err)
		return ExitOther
	}
	submit.MarkUnsettled(e.Journal, infos)
	if asJSON {
		out := make([]draftJSON, 0, len(infos))
		for _, in := range infos {
			out = append(out, draftJSON{ID: in.ID, Name: in.Name, Users: in.Users, Updated: in.Updated, Status: in.Status})
		}
		return writeJSON(e, out)
	}
	if len(infos) == 0 {
		fmt.Fprintln(e.Stderr, "no drafts yet: zpadd import FILE.csv, or zpadd to start one")
		return ExitOK
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tUSERS\tUPDATED\tSTATUS")
	for _, in := range infos {
		fmt.Fprintf(tw, "%s\t%s\t%d/10\t%s\t%s\n", in.ID, line(in.Name), in.Users, in.Updated.Local().Format("2006-01-02 15:04"), line(in.Status))
	}
	tw.Flush()
	return ExitOK
}

func writeJSON(e *Env, v any) int {
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		e.errorf("writing JSON: %v", err)
		return ExitOther
	}
	return ExitOK
}
