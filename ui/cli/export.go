package cli

import (
	"encoding/json"

	"zpadd/state"
)

// Export writes one draft to stdout as CSV (the import columns, so
// import(export(d)) == d) or as the draft's JSON.
func Export(e *Env, ref, format string) int {
	d, err := e.findDraft(ref)
	if err != nil {
		e.errorf("%v", err)
		return ExitInvalid
	}
	switch format {
	case "", "csv":
		if err := state.ExportCSV(e.Stdout, d); err != nil {
			e.errorf("exporting %s: %v", d.ID, err)
			return ExitOther
		}
		return ExitOK
	case "json":
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			e.errorf("exporting %s: %v", d.ID, err)
			return ExitOther
		}
		return ExitOK
	}
	e.errorf("unknown --format %q: use csv or json", format)
	return ExitInvalid
}
