package submit

import (
	"encoding/json"
	"errors"
	"fmt"

	"zpadd/state"
	"zpadd/zoom"
)

// Body returns the exact JSON body of POST /phone/users/batch for d, as the
// client marshals it: compact, names not ids, optional fields left out. The
// review screen indents it for display (json.Indent) and the journal stores
// these bytes before they are sent.
func Body(d *state.Draft) ([]byte, error) {
	if d == nil {
		return nil, errors.New("submit: no draft to build a request body from")
	}
	if len(d.Users) == 0 {
		return nil, fmt.Errorf("submit: draft %q has no users", d.Name)
	}
	return json.Marshal(zoom.BatchRequest{Users: zoom.BatchUsers(d.Users)})
}
