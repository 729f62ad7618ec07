package state

import "time"

// Catalog is what zpadd knows about the Zoom account: the lists behind the
// wizard's pickers and the catalog rules of validation. It is filled from
// Zoom (or the sandbox) by the submit package, cached on disk, and may be
// stale or partly empty: validation skips a rule whose list is unknown.
type Catalog struct {
	Schema    int       `json:"schema"`
	FetchedAt time.Time `json:"fetched_at"`
	// Account is the account's display name when known (for the header).
	Account string `json:"account,omitempty"`

	Sites              []Site              `json:"sites,omitempty"`
	Templates          []Template          `json:"templates,omitempty"`
	Plans              []Plan              `json:"plans,omitempty"`
	Numbers            []Number            `json:"numbers,omitempty"`
	ProvisionTemplates []ProvisionTemplate `json:"provision_templates,omitempty"`
	// Devices are desk phones already registered on the account.
	Devices []Device `json:"devices,omitempty"`
	// PhoneUsers are existing Zoom Phone users (emails and extensions taken).
	PhoneUsers []PhoneUser `json:"phone_users,omitempty"`
	// EmergencyAddresses are the account's company emergency addresses.
	EmergencyAddresses []EmergencyAddress `json:"emergency_addresses,omitempty"`

	// Known says which lists were fetched, so an empty list ("no numbers")
	// differs from an unknown one ("never fetched"). Keys: "sites",
	// "templates", "plans", "numbers", "provision_templates", "devices",
	// "phone_users", "emergency_addresses".
	Known map[string]bool `json:"known,omitempty"`

	// ListFetchedAt is when each list was last read whole, by list key
	// ("plans", "numbers:<site id>"; see CatalogListKey), so a refresh can
	// read only the lists that have grown old.
	ListFetchedAt map[string]time.Time `json:"list_fetched_at,omitempty"`
	// Stale names the lists the last refresh could not read fully (their
	// cached or partial entries are kept), by list key.
	Stale []string `json:"stale,omitempty"`
}

// Site is a Zoom Phone site. Country is the ISO 3166 two-letter code, used
// as the default region for phone numbers. ExtensionLength is the site's
// short extension length (0 when unknown).
type Site struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Code            string `json:"code,omitempty"`
	Country         string `json:"country,omitempty"`
	ExtensionLength int    `json:"extension_length,omitempty"`
}

// Template is a setting template of one site; Type is Zoom's enum ("user",
// "group", ...). Only "user" templates may go in a batch.
type Template struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	SiteID string `json:"site_id"`
}

// Plan is a calling plan with its availability. ShortName is the name the
// batch endpoint takes ("US/CA Unlimited"), mapped from Type.
type Plan struct {
	Type       int    `json:"type"`
	Name       string `json:"name"`
	ShortName  string `json:"short_name,omitempty"`
	Subscribed int    `json:"subscribed"`
	Assigned   int    `json:"assigned"`
	Available  int    `json:"available"`
	// The billing subscription the counts are for, on accounts billed
	// across several (zoom-api.md §4.2, §5.3); empty otherwise.
	SubscriptionID   string `json:"subscription_id,omitempty"`
	SubscriptionName string `json:"subscription_name,omitempty"`
}

// Number is an account phone number in E.164.
type Number struct {
	ID       string `json:"id,omitempty"`
	Number   string `json:"number"`
	SiteID   string `json:"site_id,omitempty"`
	Assigned bool   `json:"assigned,omitempty"`
	// AssignedTo and AssignedExt say who holds an assigned number (the
	// record's assignee or assigned_list, zoom-api.md §5.4/§5.5), so a
	// refusal can name them. Empty when Zoom did not say.
	AssignedTo  string `json:"assigned_to,omitempty"`
	AssignedExt string `json:"assigned_ext,omitempty"`
	// Pending: being ported in (zoom-api.md §11.3); listed, not assignable.
	Pending bool `json:"pending,omitempty"`
}

// ProvisionTemplate is an account-wide desk-phone provision template.
type ProvisionTemplate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Device is a desk phone registered on the account. MAC is 12 lowercase hex
// digits. Status is "online" or "offline".
type Device struct {
	ID       string `json:"id"`
	MAC      string `json:"mac"`
	Type     string `json:"type,omitempty"`
	Status   string `json:"status,omitempty"`
	Assignee string `json:"assignee,omitempty"`
}

// PhoneUser is an existing Zoom Phone user.
type PhoneUser struct {
	ID              string `json:"id"`
	Email           string `json:"email"`
	ExtensionNumber string `json:"extension_number,omitempty"`
	SiteID          string `json:"site_id,omitempty"`
}
