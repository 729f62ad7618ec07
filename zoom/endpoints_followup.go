package zoom

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// The follow-up routes with the rate-limit label Zoom documents for each
// (Zoom's Phone OpenAPI document: listEmergencyAddresses Medium,
// addEmergencyAddress Light, updateUserProfile LIGHT, getADevice LIGHT,
// rebootPhoneDevice Heavy, syncPhoneDevice Heavy). They share the client's
// limiters with every other call, so a batch and its follow-ups together
// stay within the account's quotas. Scopes (classic / granular), from the
// same document, for a doctor or a Marketplace set-up:
//
//	GET /phone/emergency_addresses      phone:read:admin  / phone:read:list_emergency_addresses:admin
//	PATCH /phone/users/{userId}         phone:write:admin / phone:update:user:admin
//	GET /phone/devices/{deviceId}       phone:read:admin  / phone:read:device:admin
//	POST /phone/devices/{id}/reboot     phone:write:admin / phone:write:reboot_device:admin
//	POST /phone/devices/sync            phone:write:admin / phone:write:sync_device:admin
var (
	routeEmergencyAddresses = route{http.MethodGet, "/phone/emergency_addresses", phoneMedium}
	routeUpdatePhoneUser    = route{http.MethodPatch, "/phone/users/{userId}", phoneLight}
	routeGetDevice          = route{http.MethodGet, "/phone/devices/{deviceId}", phoneLight}
	routeRebootDevice       = route{http.MethodPost, "/phone/devices/{deviceId}/reboot", phoneHeavy}
	routeSyncDevices        = route{http.MethodPost, "/phone/devices/sync", phoneHeavy}
)

// pageEmergencyAddresses is listEmergencyAddresses' largest page_size.
const pageEmergencyAddresses = 300

// ListEmergencyAddresses returns the account's company emergency addresses
// (level 0), every site's, in one listing: each item names its site.
func (c *Client) ListEmergencyAddresses(ctx context.Context) ([]EmergencyAddress, error) {
	q := url.Values{"level": {"0"}}
	return listAll[EmergencyAddress](ctx, c, call{route: routeEmergencyAddresses, segments: seg("phone/emergency_addresses"), query: q}, "emergency_addresses", pageEmergencyAddresses)
}

// SetEmergencyAddress sets a phone user's emergency address (PATCH
// /phone/users/{userId} with only emergency_address_id; Zoom answers 204).
// It is a write: never retried here. After an unclear answer, read the user
// back (GetPhoneUser) before deciding anything.
func (c *Client) SetEmergencyAddress(ctx context.Context, userID, addressID string) error {
	if err := needID("user id", "SetEmergencyAddress", userID); err != nil {
		return err
	}
	if err := needID("emergency address id", "SetEmergencyAddress", addressID); err != nil {
		return err
	}
	body := struct {
		EmergencyAddressID string `json:"emergency_address_id"`
	}{addressID}
	return c.do(ctx, call{route: routeUpdatePhoneUser, segments: seg("phone/users", strings.TrimSpace(userID)), body: body}, nil)
}

// GetDevice returns one desk phone with its provisioning type and URL.
func (c *Client) GetDevice(ctx context.Context, deviceID string) (*DeviceDetail, error) {
	if err := needID("device id", "GetDevice", deviceID); err != nil {
		return nil, err
	}
	var d DeviceDetail
	if err := c.do(ctx, call{route: routeGetDevice, segments: seg("phone/devices", deviceID)}, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// RebootDevice asks Zoom to reboot one online zero-touch or assisted desk
// phone (202). Zoom refuses with 400 for an offline phone or one whose type
// cannot be rebooted remotely.
func (c *Client) RebootDevice(ctx context.Context, deviceID string) error {
	if err := needID("device id", "RebootDevice", deviceID); err != nil {
		return err
	}
	return c.do(ctx, call{route: routeRebootDevice, segments: seg("phone/devices", deviceID, "reboot")}, nil)
}

// SyncDevices asks Zoom to resync the online zero-touch and assisted desk
// phones of a site (siteID set) or of the whole account (204). Zoom takes
// one such request per 15 minutes; callers must space them.
func (c *Client) SyncDevices(ctx context.Context, siteID string) error {
	body := struct {
		Level  int    `json:"level"`
		SiteID string `json:"site_id,omitempty"`
	}{Level: SyncAccount}
	if strings.TrimSpace(siteID) != "" {
		body.Level, body.SiteID = SyncSite, strings.TrimSpace(siteID)
	}
	return c.do(ctx, call{route: routeSyncDevices, segments: seg("phone/devices", "sync"), body: body}, nil)
}
