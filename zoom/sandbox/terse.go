package sandbox

import (
	"net/http"
	"regexp"
)

// userIndexRE is the "users[3]." (or "users[3]") that starts the sandbox's
// own validation paths.
var userIndexRE = regexp.MustCompile(`^users\[\d+\]\.?`)

// terseErrors drops the user index from each error's field, as Zoom's
// documented validation body does ({"field":"extension_number"}; no public
// answer of the batch endpoint names users[i], zoom-api.md §11.4). An
// error about a whole user ("users[3]") becomes field "users".
func terseErrors(errs []fieldError) []fieldError {
	out := make([]fieldError, len(errs))
	for i, e := range errs {
		f := userIndexRE.ReplaceAllString(e.Field, "")
		if f == "" {
			f = "users"
		}
		out[i] = fieldError{Field: f, Message: e.Message}
	}
	return out
}

// writeBatchValidation is the batch endpoint's 400/300, terse when
// Options.TerseErrors says so.
func writeBatchValidation(w http.ResponseWriter, errs []fieldError, terse bool) {
	if terse {
		errs = terseErrors(errs)
	}
	writeValidation(w, errs)
}
