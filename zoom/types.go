package zoom

import "encoding/json"

// Wire types follow the field names of Zoom's Phone OpenAPI document. Only
// the fields zpadd reads are declared; unknown fields are ignored.

// Country is a site's country; Code is the ISO 3166 two-letter code.
type Country struct {
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
}

// SiteRef is the {id, name} of a site embedded in other objects.
type SiteRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// AutoReceptionist is a site's main auto receptionist.
type AutoReceptionist struct {
	ID              string `json:"id,omitempty"`
	Name            string `json:"name,omitempty"`
	ExtensionID     string `json:"extension_id,omitempty"`
	ExtensionNumber int64  `json:"extension_number,omitempty"`
}

// ShortExtension is a site's short-extension setting.
type ShortExtension struct {
	Length int `json:"length"`
}

// Site is a Zoom Phone site. SiteCode is an integer in Zoom's answers (0
// when the site has none); the batch body takes it as a string.
type Site struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	SiteCode             int               `json:"site_code,omitempty"`
	Country              Country           `json:"country"`
	MainAutoReceptionist *AutoReceptionist `json:"main_auto_receptionist,omitempty"`
	// ShortExtension is only in GET /phone/sites/{siteId}.
	ShortExtension *ShortExtension `json:"short_extension,omitempty"`
}

// UnmarshalJSON accepts site_code as a number or a numeric string.
func (s *Site) UnmarshalJSON(b []byte) error {
	type plain Site
	var w struct {
		plain
		SiteCode flexInt `json:"site_code"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*s = Site(w.plain)
	s.SiteCode = int(w.SiteCode)
	return nil
}

// ExtensionLength is the site's short extension length, 0 when unknown.
func (s Site) ExtensionLength() int {
	if s.ShortExtension == nil {
		return 0
	}
	return s.ShortExtension.Length
}

// SettingTemplate is a setting template; only Type "user" templates of the
// user's site may go into a batch.
type SettingTemplate struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Type        string `json:"type"`
}

// CallingPlan is one of the account's calling plans with its counts. Name
// is the long name ("US/CA Metered Calling Plan"); Type is Zoom's code.
type CallingPlan struct {
	Name                    string `json:"name"`
	Type                    int    `json:"type"`
	Subscribed              int    `json:"subscribed"`
	Assigned                int    `json:"assigned"`
	Available               int    `json:"available"`
	BillingAccountID        string `json:"billing_account_id,omitempty"`
	BillingAccountName      string `json:"billing_account_name,omitempty"`
	BillingSubscriptionID   string `json:"billing_subscription_id,omitempty"`
	BillingSubscriptionName string `json:"billing_subscription_name,omitempty"`
}

// NumberAssignee is whom an assigned phone number belongs to.
type NumberAssignee struct {
	ID              string `json:"id,omitempty"`
	Name            string `json:"name,omitempty"`
	ExtensionNumber int64  `json:"extension_number,omitempty"`
	Type            string `json:"type,omitempty"`
}

// PhoneNumber is an account phone number; Number is E.164 ("+12055550100").
type PhoneNumber struct {
	ID          string          `json:"id"`
	Number      string          `json:"number"`
	DisplayName string          `json:"display_name,omitempty"`
	Location    string          `json:"location,omitempty"`
	NumberType  string          `json:"number_type,omitempty"`
	Source      string          `json:"source,omitempty"`
	Status      string          `json:"status,omitempty"`
	Capability  []string        `json:"capability,omitempty"`
	Site        *SiteRef        `json:"site,omitempty"`
	Assignee    *NumberAssignee `json:"assignee,omitempty"`
}

// ProvisionTemplate is an account-wide desk-phone provision template.
type ProvisionTemplate struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Description      string `json:"description,omitempty"`
	BoundDeviceCount int    `json:"bound_device_count,omitempty"`
}

// DeviceAssignee is whom a desk phone is assigned to.
type DeviceAssignee struct {
	ID              string `json:"id,omitempty"`
	Name            string `json:"name,omitempty"`
	ExtensionNumber int64  `json:"extension_number,omitempty"`
	ExtensionType   string `json:"extension_type,omitempty"`
	ExtensionID     string `json:"extension_id,omitempty"`
}

// Device is a desk phone registered on the account. MACAddress comes as 12
// lowercase hex digits; Status is "online" or "offline"; DeviceType runs
// maker and model together ("AudioCodes405").
type Device struct {
	ID                  string           `json:"id"`
	DisplayName         string           `json:"display_name,omitempty"`
	DeviceType          string           `json:"device_type,omitempty"`
	MACAddress          string           `json:"mac_address"`
	Status              string           `json:"status,omitempty"`
	Site                *SiteRef         `json:"site,omitempty"`
	ProvisionTemplateID string           `json:"provision_template_id,omitempty"`
	Assignee            *DeviceAssignee  `json:"assignee,omitempty"`
	Assignees           []DeviceAssignee `json:"assignees,omitempty"`
}

// UserCallingPlan is a calling plan held by a phone user. GET
// /phone/users/{userId} gives only Type; the list gives Name too.
type UserCallingPlan struct {
	Name                  string `json:"name,omitempty"`
	Type                  int    `json:"type"`
	BillingAccountID      string `json:"billing_account_id,omitempty"`
	BillingSubscriptionID string `json:"billing_subscription_id,omitempty"`
}

// UserNumber is a phone number held by a phone user. Number may come
// without the leading "+": normalise before comparing.
type UserNumber struct {
	ID     string `json:"id,omitempty"`
	Number string `json:"number"`
}

// PhoneUser is a Zoom Phone user. The list gives Site; the single GET gives
// SiteID. ExtensionNumber is an integer in Zoom's answers.
type PhoneUser struct {
	ID               string            `json:"id"`
	PhoneUserID      string            `json:"phone_user_id,omitempty"`
	Email            string            `json:"email"`
	Name             string            `json:"name,omitempty"`
	ExtensionID      string            `json:"extension_id,omitempty"`
	ExtensionNumber  int64             `json:"extension_number,omitempty"`
	Site             *SiteRef          `json:"site,omitempty"`
	SiteID           string            `json:"site_id,omitempty"`
	Status           string            `json:"status,omitempty"`
	ActivationStatus string            `json:"activation_status,omitempty"`
	CallingPlans     []UserCallingPlan `json:"calling_plans,omitempty"`
	PhoneNumbers     []UserNumber      `json:"phone_numbers,omitempty"`
	Department       string            `json:"department,omitempty"`
	CostCenter       string            `json:"cost_center,omitempty"`
	// EmergencyAddress is only in GET /phone/users/{userId}.
	EmergencyAddress *UserEmergencyAddress `json:"emergency_address,omitempty"`
}

// UnmarshalJSON accepts extension_number as a number or a numeric string.
func (u *PhoneUser) UnmarshalJSON(b []byte) error {
	type plain PhoneUser
	var w struct {
		plain
		ExtensionNumber flexInt `json:"extension_number"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*u = PhoneUser(w.plain)
	u.ExtensionNumber = int64(w.ExtensionNumber)
	return nil
}

// SiteRefID is the user's site id from whichever form Zoom sent.
func (u PhoneUser) SiteRefID() string {
	if u.SiteID != "" {
		return u.SiteID
	}
	if u.Site != nil {
		return u.Site.ID
	}
	return ""
}

// User is an account user of Zoom's main Users API. Status is "active",
// "inactive" or "pending"; a pending user comes back with only ID and
// CreatedAt.
type User struct {
	ID          string `json:"id"`
	Email       string `json:"email,omitempty"`
	FirstName   string `json:"first_name,omitempty"`
	LastName    string `json:"last_name,omitempty"`
	DisplayName string `json:"display_name,omitempty"`
	Type        int    `json:"type,omitempty"`
	Status      string `json:"status,omitempty"`
	CreatedAt   string `json:"created_at,omitempty"`
}

// Active reports whether the user can become a phone user; a missing
// status (pending users) is not active.
func (u User) Active() bool { return u.Status == "active" }
