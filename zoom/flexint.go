package zoom

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// flexInt decodes an integer that Zoom may send as a JSON number or as a
// numeric string (site_code, extension_number and error codes are numbers
// in the schema, but older endpoints and mirrors show strings).
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*f = 0
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			*f = 0
			return nil
		}
		b = []byte(s)
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		fl, ferr := strconv.ParseFloat(string(b), 64)
		if ferr != nil || fl != float64(int64(fl)) {
			return fmt.Errorf("zoom: %q is not an integer", b)
		}
		n = int64(fl)
	}
	*f = flexInt(n)
	return nil
}
