package common

import "errors"

// ReadOnlyWhy is why a change is refused on a draft another zpadd holds
// open: the one wording of every screen.
const ReadOnlyWhy = "this draft is read-only here (open in another zpadd)"

// ErrReadOnly is ReadOnlyWhy as an error.
var ErrReadOnly = errors.New(ReadOnlyWhy + ": changes are not allowed")
