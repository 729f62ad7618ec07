// Package state is zpadd's domain: drafts, users and desk phones, their
// normalisation and validation, the draft store, the submission journal and
// CSV import/export. It does no network I/O.
package state

import "time"

// SchemaVersion is written into every file zpadd saves, so a later zpadd can
// migrate what an earlier one wrote.
const SchemaVersion = 2

// MaxUsers is the most users Zoom's batch endpoint takes in one request.
const MaxUsers = 10

// MaxDeskPhones is the most desk phones Zoom allows per user.
const MaxDeskPhones = 3

// Draft is one batch being prepared: at most MaxUsers users that will go to
// Zoom in one POST /phone/users/batch.
type Draft struct {
	Schema   int       `json:"schema"`
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Defaults Defaults  `json:"defaults"`
	Users    []User    `json:"users"`
}

// Defaults are applied to each new user of a draft, so ten similar users at
// one site take ten emails and ten scans.
type Defaults struct {
	SiteName          string   `json:"site_name,omitempty"`
	SiteCode          string   `json:"site_code,omitempty"`
	TemplateName      string   `json:"template_name,omitempty"`
	CallingPlans      []string `json:"calling_plans,omitempty"`
	DeskPhoneBrand    string   `json:"desk_phone_brand,omitempty"`
	DeskPhoneModel    string   `json:"desk_phone_model,omitempty"`
	ProvisionTemplate string   `json:"provision_template,omitempty"`
	SMS               *bool    `json:"sms,omitempty"`
	// PhoneNumber is "" (none) or NextFreeNumber: each new user gets the
	// site's next unassigned number, as it gets the next free extension.
	PhoneNumber string `json:"phone_number,omitempty"`
	// EmergencyAddress is the batch default for User.EmergencyAddress.
	EmergencyAddress string `json:"emergency_address,omitempty"`
}

// User is one user of the batch endpoint, field for field. Values are kept
// as the operator typed them until normalised; phone numbers are E.164 and
// MACs 12 lowercase hex digits once normalised. Optional booleans are
// pointers so "not set" (left out of the request) differs from false.
type User struct {
	Email     string `json:"email"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
	// NamesFrom is the email whose Zoom lookup filled FirstName and
	// LastName; empty when the operator typed them (or nothing filled
	// them). Names a lookup filled follow the email; typed ones are kept.
	NamesFrom              string      `json:"names_from,omitempty"`
	ExtensionNumber        string      `json:"extension_number,omitempty"`
	SiteName               string      `json:"site_name,omitempty"`
	SiteCode               string      `json:"site_code,omitempty"`
	TemplateName           string      `json:"template_name,omitempty"`
	CallingPlans           []string    `json:"calling_plans,omitempty"`
	PhoneNumbers           []string    `json:"phone_numbers,omitempty"`
	OutboundCallerID       string      `json:"outbound_caller_id,omitempty"`
	SelectOutboundCallerID *bool       `json:"select_outbound_caller_id,omitempty"`
	SMS                    *bool       `json:"sms,omitempty"`
	DeskPhones             []DeskPhone `json:"desk_phones,omitempty"`
	// EmergencyAddress is an emergency address id, or its one-line text as
	// typed or imported; empty means the site's default. The batch body has
	// no field for it: it is set by a follow-up PATCH after the user is
	// created (zoom-api.md §11.6).
	EmergencyAddress string `json:"emergency_address,omitempty"`
}

// DeskPhone is one desk phone assigned to a user. MAC is stored normalised:
// 12 lowercase hex digits, no separators.
type DeskPhone struct {
	MAC               string `json:"mac"`
	Brand             string `json:"brand,omitempty"`
	Model             string `json:"model,omitempty"`
	ProvisionTemplate string `json:"provision_template,omitempty"`
}

// DisplayName is the user's name for screens and messages, falling back to
// the email when no name is known.
func (u User) DisplayName() string {
	switch {
	case u.FirstName != "" && u.LastName != "":
		return u.FirstName + " " + u.LastName
	case u.FirstName != "":
		return u.FirstName
	case u.LastName != "":
		return u.LastName
	}
	return u.Email
}
