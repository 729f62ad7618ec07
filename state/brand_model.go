package state

import "strings"

// SetBrand is the one brand→model rule: a new brand drops a model of the
// old brand (models belong to a brand); the same brand keeps the model.
// brand and model are the fields of a desk phone or of the batch defaults.
func SetBrand(brand, model *string, v string) {
	if !strings.EqualFold(*brand, v) {
		*brand, *model = v, ""
	}
}
