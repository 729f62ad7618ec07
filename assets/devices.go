// Package assets holds zpadd's embedded data: the desk-phone catalog, the
// calling-plan names and the sandbox seed. It only exposes bytes; parsing
// and meaning live in package state (and the sandbox).
package assets

import _ "embed"

// DeviceBrandsJSON lists desk-phone brands and model ids in the form the
// batch endpoint takes, split into Zoom-confirmed and unconfirmed ids.
//
//go:embed devices/brands.json
var DeviceBrandsJSON []byte

// DeviceOUITSV maps a MAC vendor prefix (6 lowercase hex digits) to a
// brand, one "prefix<TAB>brand" line each; lines starting with # are notes.
//
//go:embed devices/oui.tsv
var DeviceOUITSV []byte
