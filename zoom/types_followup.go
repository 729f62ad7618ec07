package zoom

// Wire types of the calls made after a batch (zoom-api.md §11.6). GET
// /phone/users/{userId}'s emergency_address is in the project's OpenAPI
// subset; the others follow Zoom's published Phone OpenAPI document
// (operations listEmergencyAddresses, addEmergencyAddress, getADevice,
// updateUserProfile, rebootPhoneDevice, syncPhoneDevice), which the subset
// does not include.

// EmergencyAddress is one item of GET /phone/emergency_addresses. Level is
// 0 for company addresses, 1 for a user's personal one, 2 pending; Status
// is the verification status (1 not required … 6 failed).
type EmergencyAddress struct {
	ID           string   `json:"id"`
	AddressLine1 string   `json:"address_line1"`
	AddressLine2 string   `json:"address_line2,omitempty"`
	City         string   `json:"city,omitempty"`
	StateCode    string   `json:"state_code,omitempty"`
	Zip          string   `json:"zip,omitempty"`
	Country      string   `json:"country,omitempty"`
	IsDefault    bool     `json:"is_default,omitempty"`
	Level        int      `json:"level,omitempty"`
	Status       int      `json:"status,omitempty"`
	Site         *SiteRef `json:"site,omitempty"`
}

// UserEmergencyAddress is the emergency_address of GET
// /phone/users/{userId} (in the subset: id and the address lines).
type UserEmergencyAddress struct {
	ID           string `json:"id"`
	AddressLine1 string `json:"address_line1,omitempty"`
	AddressLine2 string `json:"address_line2,omitempty"`
	City         string `json:"city,omitempty"`
	StateCode    string `json:"state_code,omitempty"`
	Zip          string `json:"zip,omitempty"`
	Country      string `json:"country,omitempty"`
}

// DeviceProvision is the provision object of GET /phone/devices/{deviceId}:
// Type is "assisted", "ztp" or "manual"; URL is what a technician types
// into a phone that was not provisioned by itself. Zoom's answer also holds
// sip_accounts with SIP passwords: they are deliberately not declared, so
// they are never decoded, kept, logged or shown.
type DeviceProvision struct {
	Type string `json:"type,omitempty"`
	URL  string `json:"url,omitempty"`
}

// DeviceDetail is GET /phone/devices/{deviceId}: a Device with its
// provisioning and addresses.
type DeviceDetail struct {
	Device
	Provision *DeviceProvision `json:"provision,omitempty"`
	PrivateIP string           `json:"private_ip,omitempty"`
	PublicIP  string           `json:"public_ip,omitempty"`
}

// Device sync levels of POST /phone/devices/sync.
const (
	SyncAccount = 1
	SyncSite    = 2
)
