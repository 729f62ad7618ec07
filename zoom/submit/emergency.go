package submit

import (
	"context"
	"strings"

	"zpadd/state"
	"zpadd/zoom"
)

// knownEmergencyAddresses is the Catalog.Known key of the address list.
const knownEmergencyAddresses = "emergency_addresses"

// emergencyAddresses reads the account's company emergency addresses in one
// listing (every site's; each item names its site).
func (s *Service) emergencyAddresses(ctx context.Context) ([]state.EmergencyAddress, error) {
	list, err := s.c.ListEmergencyAddresses(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]state.EmergencyAddress, 0, len(list))
	for _, a := range list {
		out = append(out, emergencyAddressOf(a))
	}
	return out, nil
}

func emergencyAddressOf(a zoom.EmergencyAddress) state.EmergencyAddress {
	out := state.EmergencyAddress{ID: a.ID, Line1: a.AddressLine1, Line2: a.AddressLine2, City: a.City,
		StateCode: a.StateCode, Zip: a.Zip, Country: strings.ToUpper(a.Country), Default: a.IsDefault}
	if a.Site != nil {
		out.SiteID = a.Site.ID
	}
	return out
}

// addressCatalog is a catalog that knows the account's emergency
// addresses: this run's, the cached one, or (when neither lists them) one
// read now. Its sites come from whichever catalog was at hand.
func (s *Service) addressCatalog(ctx context.Context) (*state.Catalog, error) {
	c := s.freshCatalog()
	if c == nil {
		c = s.CachedCatalog()
	}
	if c != nil && c.Known[knownEmergencyAddresses] {
		return c, nil
	}
	addrs, err := s.emergencyAddresses(ctx)
	if err != nil {
		return nil, err
	}
	out := &state.Catalog{Known: map[string]bool{knownEmergencyAddresses: true}, EmergencyAddresses: addrs}
	if c != nil {
		out.Sites, out.Known["sites"] = c.Sites, c.Known["sites"]
	}
	return out, nil
}

// readEmergencyAddresses lists the account's emergency addresses for a
// pre-flight when a user names one and the catalog does not know them, so
// check can say which user names an address the account lacks.
func (pr *preflightRun) readEmergencyAddresses(ctx context.Context, live *state.Catalog) {
	if live.Known[knownEmergencyAddresses] {
		return
	}
	named := false
	for _, u := range pr.d.Users {
		named = named || strings.TrimSpace(u.EmergencyAddress) != ""
	}
	if !named {
		return
	}
	addrs, err := pr.s.emergencyAddresses(ctx)
	if err != nil {
		pr.readFailed(ctx, "emergency addresses", knownEmergencyAddresses, err)
		return
	}
	live.EmergencyAddresses, live.Known[knownEmergencyAddresses] = addrs, true
}
