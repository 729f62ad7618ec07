package pickers

import (
	"strings"

	"zpadd/state"
)

// EmergencyAddresses lists the account's emergency addresses for a user at
// site (name or code): first "site's default" (the empty value: no
// follow-up, Zoom gives every new user that one), then the site's other
// addresses, then every other site's, each named with its site.
func EmergencyAddresses(c *state.Catalog, site string) []Item {
	s, _ := SiteByName(c, site)
	def := Item{Value: "", Label: "site's default", Detail: "no follow-up needed"}
	if a, ok := c.SiteDefaultAddress(s.ID); ok {
		def.Detail = a.OneLine()
	}
	items := []Item{def}
	if c == nil {
		return items
	}
	siteName := map[string]string{}
	for _, st := range c.Sites {
		siteName[st.ID] = st.Name
	}
	var others []Item
	for _, a := range c.EmergencyAddresses {
		if a.SiteID == s.ID && a.Default && s.ID != "" {
			continue // it is the first item
		}
		it := Item{Value: a.ID, Label: a.OneLine(), Detail: siteName[a.SiteID]}
		if a.Default {
			it.Detail += " (its default)"
		}
		if s.ID != "" && a.SiteID == s.ID {
			items = append(items, it)
		} else {
			others = append(others, it)
		}
	}
	return append(items, others...)
}

// EmergencyAddressText is how screens show a user's emergency_address:
// "site's default" when empty, the one-line text of a known id, else the
// value as typed.
func EmergencyAddressText(c *state.Catalog, value string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return "site's default"
	}
	if a, ok := c.EmergencyAddressByID(value); ok {
		return a.OneLine()
	}
	return value
}
