package sandbox

import (
	"encoding/json"
	"fmt"
)

// batchUser is one users[] item of POST /phone/users/batch after the
// schema check.
type batchUser struct {
	Email, FirstName, LastName, ExtensionNumber string
	CallingPlans                                []string
	SiteCode, SiteName, TemplateName            string
	ActivationStatus                            string
	PhoneNumbers                                []string
	OutboundCallerID                            string
	SelectOutboundCallerID, SMS                 *bool
	DeskPhones                                  []batchDeskPhone
}

type batchDeskPhone struct {
	Brand, Model, MAC, ProvisionTemplate string
}

// parseBatch checks the body against Zoom's schema: an object with users
// (1..10 items), each with email, extension_number and calling_plans, and
// every field of its declared type. It returns the users, or the schema
// errors; sizeErr is set when only the users count is wrong (Zoom answers
// that with code 400, not 300).
func parseBatch(body []byte) (users []batchUser, errs []fieldError, sizeErr bool, jsonErr error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, nil, false, err
	}
	raw, ok := top["users"]
	if !ok || string(raw) == "null" {
		return nil, []fieldError{{Field: "users", Message: "users is required."}}, false, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, []fieldError{{Field: "users", Message: "users must be an array."}}, false, nil
	}
	if len(items) == 0 {
		return nil, []fieldError{{Field: "users", Message: "users must contain at least 1 user."}}, false, nil
	}
	if len(items) > 10 {
		return nil, nil, true, nil
	}
	for i, item := range items {
		u, uerrs := parseBatchUser(i, item)
		users = append(users, u)
		errs = append(errs, uerrs...)
	}
	return users, errs, false, nil
}

// fieldReader decodes the fields of one JSON object, collecting type errors
// with their paths.
type fieldReader struct {
	prefix string
	obj    map[string]json.RawMessage
	errs   []fieldError
}

func (r *fieldReader) fail(field, format string, args ...any) {
	r.errs = append(r.errs, fieldError{Field: r.prefix + field, Message: fmt.Sprintf(format, args...)})
}

// has reports whether the field is present and not null.
func (r *fieldReader) has(field string) bool {
	v, ok := r.obj[field]
	return ok && string(v) != "null"
}

func (r *fieldReader) str(field string, required bool) string {
	if !r.has(field) {
		if required {
			r.fail(field, "%s is required.", field)
		}
		return ""
	}
	var s string
	if err := json.Unmarshal(r.obj[field], &s); err != nil {
		r.fail(field, "%s must be a string, got %s.", field, r.obj[field])
	}
	return s
}

func (r *fieldReader) boolean(field string) *bool {
	if !r.has(field) {
		return nil
	}
	var b bool
	if err := json.Unmarshal(r.obj[field], &b); err != nil {
		r.fail(field, "%s must be true or false, got %s.", field, r.obj[field])
		return nil
	}
	return &b
}

func (r *fieldReader) strings(field string, required bool, maxItems int) []string {
	if !r.has(field) {
		if required {
			r.fail(field, "%s is required.", field)
		}
		return nil
	}
	var xs []string
	if err := json.Unmarshal(r.obj[field], &xs); err != nil {
		r.fail(field, "%s must be an array of strings.", field)
		return nil
	}
	if len(xs) > maxItems {
		r.fail(field, "%s may hold at most %d items, got %d.", field, maxItems, len(xs))
	}
	if xs == nil {
		xs = []string{}
	}
	return xs
}

func parseBatchUser(i int, raw json.RawMessage) (batchUser, []fieldError) {
	prefix := fmt.Sprintf("users[%d].", i)
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return batchUser{}, []fieldError{{Field: fmt.Sprintf("users[%d]", i), Message: "each user must be an object."}}
	}
	r := &fieldReader{prefix: prefix, obj: obj}
	u := batchUser{
		Email:                  r.str("email", true),
		FirstName:              r.str("first_name", false),
		LastName:               r.str("last_name", false),
		ExtensionNumber:        r.str("extension_number", true),
		CallingPlans:           r.strings("calling_plans", true, 150),
		SiteCode:               r.str("site_code", false),
		SiteName:               r.str("site_name", false),
		TemplateName:           r.str("template_name", false),
		ActivationStatus:       r.str("activation_status", false),
		PhoneNumbers:           r.strings("phone_numbers", false, 10),
		OutboundCallerID:       r.str("outbound_caller_id", false),
		SelectOutboundCallerID: r.boolean("select_outbound_caller_id"),
		SMS:                    r.boolean("sms"),
	}
	if u.ActivationStatus != "" && u.ActivationStatus != "activate" && u.ActivationStatus != "deactivate" {
		r.fail("activation_status", "activation_status must be activate or deactivate, got %q.", u.ActivationStatus)
	}
	if r.has("desk_phones") {
		var phones []json.RawMessage
		if err := json.Unmarshal(obj["desk_phones"], &phones); err != nil {
			r.fail("desk_phones", "desk_phones must be an array of objects.")
		} else if len(phones) > 10 {
			r.fail("desk_phones", "desk_phones may hold at most 10 items, got %d.", len(phones))
		} else {
			for k, p := range phones {
				var pobj map[string]json.RawMessage
				if err := json.Unmarshal(p, &pobj); err != nil {
					r.fail(fmt.Sprintf("desk_phones[%d]", k), "each desk phone must be an object.")
					continue
				}
				pr := &fieldReader{prefix: fmt.Sprintf("%sdesk_phones[%d].", prefix, k), obj: pobj}
				u.DeskPhones = append(u.DeskPhones, batchDeskPhone{Brand: pr.str("brand", false), Model: pr.str("model", false),
					MAC: pr.str("mac", false), ProvisionTemplate: pr.str("provision_template", false)})
				r.errs = append(r.errs, pr.errs...)
			}
		}
	}
	return u, r.errs
}
