package state

import (
	"fmt"
	"strings"
	"unicode"
)

// EmergencyAddress is one of the account's company emergency addresses
// (GET /phone/emergency_addresses, level 0). SiteID is the site it belongs
// to; Default marks the site's default address, which a new phone user gets
// without any follow-up (zoom-api.md §11.6).
type EmergencyAddress struct {
	ID        string `json:"id"`
	SiteID    string `json:"site_id,omitempty"`
	Line1     string `json:"address_line1"`
	Line2     string `json:"address_line2,omitempty"`
	City      string `json:"city,omitempty"`
	StateCode string `json:"state_code,omitempty"`
	Zip       string `json:"zip,omitempty"`
	Country   string `json:"country,omitempty"`
	Default   bool   `json:"is_default,omitempty"`
}

// OneLine is the address as one line, the form the CSV column accepts:
// "55 Almaden Blvd, 8 Floor, San Jose, CA 95113, US".
func (a EmergencyAddress) OneLine() string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(a.Line1)
	add(a.Line2)
	add(a.City)
	add(strings.TrimSpace(a.StateCode + " " + a.Zip))
	add(a.Country)
	return strings.Join(parts, ", ")
}

// addressKey compares one-line addresses the way a person reads them:
// case, punctuation and spacing do not matter.
func addressKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// EmergencyAddressByID finds an address of the catalog by its id.
func (c *Catalog) EmergencyAddressByID(id string) (EmergencyAddress, bool) {
	if c == nil {
		return EmergencyAddress{}, false
	}
	for _, a := range c.EmergencyAddresses {
		if a.ID == id {
			return a, true
		}
	}
	return EmergencyAddress{}, false
}

// SiteDefaultAddress is the default emergency address of a site, if the
// catalog knows one.
func (c *Catalog) SiteDefaultAddress(siteID string) (EmergencyAddress, bool) {
	if c == nil || siteID == "" {
		return EmergencyAddress{}, false
	}
	for _, a := range c.EmergencyAddresses {
		if a.SiteID == siteID && a.Default {
			return a, true
		}
	}
	return EmergencyAddress{}, false
}

// ResolveEmergencyAddress finds the address a user's emergency_address
// value names: an id first, then the one-line text (compared without case,
// spacing or punctuation). When the text matches addresses of several
// sites, the one of siteID wins; when it still matches more than one, the
// error says to use the id.
func (c *Catalog) ResolveEmergencyAddress(value, siteID string) (EmergencyAddress, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return EmergencyAddress{}, fmt.Errorf("no emergency address given")
	}
	if a, ok := c.EmergencyAddressByID(value); ok {
		return a, nil
	}
	key := addressKey(value)
	var matches []EmergencyAddress
	for _, a := range c.EmergencyAddresses {
		if key != "" && addressKey(a.OneLine()) == key {
			matches = append(matches, a)
		}
	}
	if len(matches) > 1 {
		var atSite []EmergencyAddress
		for _, a := range matches {
			if a.SiteID == siteID {
				atSite = append(atSite, a)
			}
		}
		if len(atSite) > 0 {
			matches = atSite
		}
	}
	switch len(matches) {
	case 0:
		return EmergencyAddress{}, fmt.Errorf("the account has no emergency address %q: pick one of the site's addresses, give its id, or leave it empty for the site's default", value)
	case 1:
		return matches[0], nil
	}
	return EmergencyAddress{}, fmt.Errorf("%q matches %d emergency addresses: give the address's id instead (%s or %s)", value, len(matches), matches[0].ID, matches[1].ID)
}

// NeedsEmergencyFollowUp reports whether a user's emergency address must be
// set after creation, and which address: not when the value is empty or
// names the site's default, which Zoom gives every new user already.
func (c *Catalog) NeedsEmergencyFollowUp(u User, siteID string) (EmergencyAddress, bool, error) {
	if strings.TrimSpace(u.EmergencyAddress) == "" {
		return EmergencyAddress{}, false, nil
	}
	a, err := c.ResolveEmergencyAddress(u.EmergencyAddress, siteID)
	if err != nil {
		return EmergencyAddress{}, false, err
	}
	if a.Default && a.SiteID == siteID {
		return a, false, nil
	}
	return a, true, nil
}

// UserSiteID is the id of the user's site (by name, else code), or the
// only site of a single-site account; "" when the catalog cannot tell.
func (c *Catalog) UserSiteID(u User) string {
	if c == nil {
		return ""
	}
	name, code := strings.TrimSpace(u.SiteName), strings.TrimSpace(u.SiteCode)
	for _, s := range c.Sites {
		if name != "" && strings.EqualFold(s.Name, name) {
			return s.ID
		}
	}
	for _, s := range c.Sites {
		if code != "" && s.Code == code {
			return s.ID
		}
	}
	if name == "" && code == "" && len(c.Sites) == 1 {
		return c.Sites[0].ID
	}
	return ""
}
