package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"zpadd/state"
)

// Import reads a CSV into drafts of at most 10 users, saves them and prints
// each draft id, then every row problem as "row N, column C: message".
func Import(e *Env, path string) int {
	f, err := os.Open(path)
	if err != nil {
		e.errorf("cannot read %s: %v", path, err)
		return ExitInvalid
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		if err := state.CheckCSVSize(filepath.Base(path), fi.Size()); err != nil {
			e.errorf("%v", err)
			return ExitInvalid
		}
	}
	drafts, problems, err := state.ImportCSV(f, filepath.Base(path))
	if err != nil {
		e.errorf("%s: %v", path, err)
		return ExitInvalid
	}
	for _, d := range drafts {
		if err := e.Store.Save(d); err != nil {
			e.errorf("saving draft %q: %v", d.Name, err)
			return ExitOther
		}
		fmt.Fprintf(e.Stdout, "%s\t%s\t%d users\n", d.ID, line(d.Name), len(d.Users))
	}
	blocking := false
	for _, p := range problems {
		fmt.Fprintf(e.Stderr, "%s: %s\n", line(path), lineOf(p))
		if p.Severity == state.Error {
			blocking = true
		}
	}
	if blocking {
		return ExitInvalid
	}
	return ExitOK
}
