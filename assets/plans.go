package assets

import _ "embed"

// CallingPlansJSON lists the calling-plan short names the batch endpoint
// takes, their package names and their (inferred) type codes.
//
//go:embed plans.json
var CallingPlansJSON []byte
