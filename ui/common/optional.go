package common

// CycleOptional steps an optional setting (SMS, select caller ID) the way
// every screen toggles it: not set → on → off → not set. "Not set" leaves
// the choice to the user's template.
func CycleOptional(b *bool) *bool {
	switch {
	case b == nil:
		t := true
		return &t
	case *b:
		f := false
		return &f
	}
	return nil
}
