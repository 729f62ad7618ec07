package review

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"zpadd/state"
)

// sorted orders problems for reading: errors (which block) before warnings,
// then by user (draft-wide first), then field, so a user's problems sit
// together.
func sorted(ps state.Problems) state.Problems {
	out := append(state.Problems(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.User != b.User {
			return a.User < b.User
		}
		return fieldOrder(a.Field) < fieldOrder(b.Field)
	})
	return out
}

// bodyOrder is the batch body's field order, so problems read top to bottom
// like the user form.
var bodyOrder = []string{"email", "first_name", "last_name", "extension_number", "site_name", "site_code",
	"template_name", "calling_plans", "phone_numbers", "outbound_caller_id", "select_outbound_caller_id",
	"sms", "desk_phones"}

func fieldOrder(f string) string {
	base := f
	if i := strings.IndexAny(f, "[."); i >= 0 {
		base = f[:i]
	}
	for i, b := range bodyOrder {
		if b == base {
			return fmt.Sprintf("%02d%s", i, f)
		}
	}
	return "99" + f
}

var indexed = regexp.MustCompile(`^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?$`)

// fieldLabel names a body field the way the user form labels it:
// "desk_phones[0].mac" → "desk phone 1 MAC".
func fieldLabel(f string) string {
	if f == "" {
		return "—"
	}
	if m := indexed.FindStringSubmatch(f); m != nil {
		n, _ := strconv.Atoi(m[2])
		base := map[string]string{"desk_phones": "desk phone", "phone_numbers": "number", "calling_plans": "plan"}[m[1]]
		if base == "" {
			base = strings.ReplaceAll(m[1], "_", " ")
		}
		s := fmt.Sprintf("%s %d", base, n+1)
		if m[3] != "" {
			sub := m[3]
			if sub == "mac" {
				sub = "MAC"
			}
			s += " " + strings.ReplaceAll(sub, "_", " ")
		}
		return s
	}
	switch f {
	case "extension_number":
		return "extension"
	case "outbound_caller_id":
		return "caller ID"
	case "select_outbound_caller_id":
		return "select caller ID"
	case "template_name":
		return "template"
	case "sms":
		return "SMS"
	}
	return strings.ReplaceAll(f, "_", " ")
}
