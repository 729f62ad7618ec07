package state

import "fmt"

// textRules refuses, in every field of user i, control characters (NUL,
// line breaks, ESC sequences, bidi overrides) and values longer than the
// field takes (limits.go), whoever wrote them: the operator, a CSV file or
// Zoom's own lookup filling in a name.
func (v *validator) textRules(i int, u User) {
	check := func(field, value string) {
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
	for k, dp := range u.DeskPhones {
		prefix := fmt.Sprintf("desk_phones[%d].", k)
		check(prefix+"mac", dp.MAC)
		check(prefix+"brand", dp.Brand)
		check(prefix+"model", dp.Model)
		check(prefix+"provision_template", dp.ProvisionTemplate)
	}
}
