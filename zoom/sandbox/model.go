package sandbox

import "time"

// The account the sandbox simulates. Handlers read and change it under
// Sandbox.mu; nothing here is safe for concurrent use on its own.

type account struct {
	ID, Name, ClientID, ClientSecret string
}

type autoReceptionist struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	ExtensionID     string `json:"extension_id"`
	ExtensionNumber int64  `json:"extension_number"`
}

type site struct {
	ID, Name             string
	Code                 int
	Country, CountryName string
	ExtLen               int
	AutoReceptionist     autoReceptionist
}

type settingTemplate struct {
	ID, Name, Type, Description string
	SiteID                      string // empty for account-level templates
}

type callingPlan struct {
	Name       string
	Type       int
	Subscribed int
	Assigned   int
	// SubAssigned counts the licences batches took under each billing
	// subscription (included in Assigned).
	SubAssigned map[string]int
}

func (p *callingPlan) available() int { return p.Subscribed - p.Assigned }

type phoneNumber struct {
	ID, Number, SiteID, Location string
	// AssigneeID is the account user id holding the number, empty when free.
	AssigneeID string
	// Porting marks the numbers Options.PendingNumbers shows as pending
	// (being ported in): the first few free numbers of each site.
	Porting bool
}

type provisionTemplate struct {
	ID, Name, Description string
}

type accountUser struct {
	ID, Email, FirstName, LastName string
	Status                         string // active, inactive, pending
	Type                           int
	Dept, Timezone                 string
	CreatedAt                      time.Time
}

type phoneUser struct {
	UserID      string // the account user's id, which Zoom also uses as the phone user's id
	PhoneUserID string
	ExtensionID string
	Extension   string // short extension, digits as sent
	SiteID      string
	PlanTypes   []int
	Numbers     []string // E.164
	Status      string   // activate, deactivate
	// EmergencyAddressID is the address set by PATCH; empty means the
	// site's default.
	EmergencyAddressID string
}

type device struct {
	ID, MAC, Brand, Model string
	SiteID                string
	AssigneeID            string // account user id, empty when unassigned
	ProvisionTemplateID   string
	// SeedStatus is the fixed status of a seeded device; devices added by a
	// batch compute theirs from AddedAt and Options.DeviceOnlineAfter.
	SeedStatus string
	AddedAt    time.Time
	FromBatch  bool
}
