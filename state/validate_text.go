package state

import "fmt"

// textRules refuses, in every field of user i, control characters (NUL,
// line breaks, ESC sequences, bidi overrides) and values longer than the
// field takes (limits.go), whoever wrote them: the operator, a CSV file or
// Zoom's own lookup filling in a name. The one exception is a name that is
// exactly one the account's catalog holds (a site, template or provision
// template an admin named with a line break): it is Zoom's own and must
// go back verbatim (zoom-api.md §2: the batch body names them).
func (v *validator) textRules(i int, u User) {
	check := func(field, value string) {
		if v.zoomsOwnName(field, value) {
			return
		}
		if msg := textProblem(field, value); msg != "" {
			v.add(i, field, Error, "%s %s", field, msg)
		}
	}
	check("email", u.Email)
	check("first_name", u.FirstName)
	check("last_name", u.LastName)
	check("extension_number", u.ExtensionNumber)
	check("site_name", u.SiteName)
	check("site_code", u.SiteCode)
	check("template_name", u.TemplateName)
	for k, p := range u.CallingPlans {
		check(fmt.Sprintf("calling_plans[%d]", k), p)
	}
	for k, n := range u.PhoneNumbers {
		check(fmt.Sprintf("phone_numbers[%d]", k), n)
	}
	check("outbound_caller_id", u.OutboundCallerID)
	check("emergency_address", u.EmergencyAddress)
	for k, dp := range u.DeskPhones {
		prefix := fmt.Sprintf("desk_phones[%d].", k)
		check(prefix+"mac", dp.MAC)
		check(prefix+"brand", dp.Brand)
		check(prefix+"model", dp.Model)
		check(prefix+"provision_template", dp.ProvisionTemplate)
	}
}

// zoomsOwnName reports whether value is exactly a name the catalog lists
// for field.
func (v *validator) zoomsOwnName(field, value string) bool {
	switch baseField(field) {
	case "site_name":
		s := v.idx.siteByName(value)
		return s != nil && s.Name == value
	case "template_name":
		for _, t := range v.idx.templatesNamed(value) {
			if t.Name == value {
				return true
			}
		}
	case "provision_template":
		if v.idx.c == nil {
			return false
		}
		for _, p := range v.idx.c.ProvisionTemplates {
			if p.Name == value {
				return true
			}
		}
	}
	return false
}
