package state

import "strings"

// knownEmergencyAddresses is the Catalog.Known key of the address list.
const knownEmergencyAddresses = "emergency_addresses"

// emergencyAddressRules checks that a user's emergency_address names one
// of the account's addresses (by id or one-line text). Empty is always
// fine: Zoom gives a new user the site's default (zoom-api.md §11.6). An
// address of another site is allowed (a user may sit in another building)
// but said, since it is life-safety information.
func (v *validator) emergencyAddressRules(i int, u User, site *Site) {
	value := strings.TrimSpace(u.EmergencyAddress)
	if value == "" || !v.idx.known(knownEmergencyAddresses) {
		return
	}
	siteID := ""
	if site != nil {
		siteID = site.ID
	}
	a, err := v.idx.c.ResolveEmergencyAddress(value, siteID)
	if err != nil {
		v.add(i, "emergency_address", Error, "%v", err)
		return
	}
	if site != nil && a.SiteID != "" && a.SiteID != site.ID {
		other := a.SiteID
		if s := v.idx.sitesByID[a.SiteID]; s != nil {
			other = s.Name
		}
		v.add(i, "emergency_address", Warning, "%s is an address of site %s, not of the user's site %s: emergency services will be sent there", a.OneLine(), other, site.Name)
	}
}
