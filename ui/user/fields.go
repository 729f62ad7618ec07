package user

import (
	"fmt"
	"strings"

	"zpadd/state"
)

// kind is how a field is edited.
type kind int

const (
	textKind     kind = iota // typed (textinput)
	pickKind                 // single choice (pickers)
	multiKind                // several choices (pickers)
	numbersKind              // phone numbers (numberpicker)
	toggleKind               // optional boolean: not set → on → off
	macKind                  // desk-phone MAC (macinput)
	addPhoneKind             // the "+ add a desk phone" action
)

// spec is one row of the form. ID is the batch body's field name, as in
// state.Problem.Field, so review can send the operator straight to it.
type spec struct {
	ID    string
	Label string
	Kind  kind
	Phone int // desk phone index for desk_phones[i].* fields
}

// specsFor lists the form's rows for a user: every field of the batch
// endpoint, then each desk phone's four fields, then the add action.
func specsFor(u state.User) []spec {
	s := []spec{
		{ID: "email", Label: "Email", Kind: textKind},
		{ID: "first_name", Label: "First name", Kind: textKind},
		{ID: "last_name", Label: "Last name", Kind: textKind},
		{ID: "extension_number", Label: "Extension", Kind: textKind},
		{ID: "site_name", Label: "Site", Kind: pickKind},
		{ID: "template_name", Label: "Template", Kind: pickKind},
		{ID: "calling_plans", Label: "Calling plans", Kind: multiKind},
		{ID: "phone_numbers", Label: "Phone numbers", Kind: numbersKind},
		{ID: "outbound_caller_id", Label: "Outbound caller ID", Kind: textKind},
		{ID: "select_outbound_caller_id", Label: "Select caller ID", Kind: toggleKind},
		{ID: "sms", Label: "SMS", Kind: toggleKind},
		{ID: "emergency_address", Label: "Emergency address", Kind: pickKind},
	}
	for i := range u.DeskPhones {
		p := fmt.Sprintf("desk_phones[%d].", i)
		n := fmt.Sprintf("Desk phone %d ", i+1)
		s = append(s,
			spec{ID: p + "mac", Label: n + "MAC", Kind: macKind, Phone: i},
			spec{ID: p + "brand", Label: "  brand", Kind: pickKind, Phone: i},
			spec{ID: p + "model", Label: "  model", Kind: pickKind, Phone: i},
			spec{ID: p + "provision_template", Label: "  provision", Kind: pickKind, Phone: i},
		)
	}
	if len(u.DeskPhones) < state.MaxDeskPhones {
		s = append(s, spec{ID: "add_desk_phone", Label: "+ add a desk phone", Kind: addPhoneKind})
	}
	return s
}

// indexOf finds the row for a problem's field name: list indexes of
// scalar lists are dropped ("phone_numbers[1]" → "phone_numbers"),
// site_code goes to the site row, an unknown desk-phone field to its MAC.
func indexOf(specs []spec, field string) int {
	f := field
	if f == "site_code" {
		f = "site_name"
	}
	if !strings.HasPrefix(f, "desk_phones[") {
		if i := strings.IndexByte(f, '['); i > 0 {
			f = f[:i]
		}
	} else if !strings.Contains(f, ".") {
		f += ".mac"
	}
	for i, s := range specs {
		if s.ID == f {
			return i
		}
	}
	if strings.HasPrefix(f, "desk_phones[") {
		for i, s := range specs {
			if s.Kind == macKind && strings.HasPrefix(f, s.ID[:strings.IndexByte(s.ID, '.')]) {
				return i
			}
		}
	}
	return 0
}

// text reads a text field's value from the user.
func text(u *state.User, id string) string {
	switch id {
	case "email":
		return u.Email
	case "first_name":
		return u.FirstName
	case "last_name":
		return u.LastName
	case "extension_number":
		return u.ExtensionNumber
	case "outbound_caller_id":
		return u.OutboundCallerID
	}
	return ""
}

// setText writes a text field's value into the user.
func setText(u *state.User, id, v string) {
	switch id {
	case "email":
		u.SetEmail(v) // names a lookup filled for the old email go with it
	case "first_name", "last_name":
		u.SetTypedName(id, v)
	case "extension_number":
		u.ExtensionNumber = v
	case "outbound_caller_id":
		u.OutboundCallerID = v
	}
}

func toggleText(b *bool) string {
	switch {
	case b == nil:
		return "not set"
	case *b:
		return "on"
	}
	return "off"
}
