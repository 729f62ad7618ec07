package sandbox

// Poly Edge phones in a live account (zoom-api.md §11.5): brand "Poly"
// beside "Polycom" VVX phones, hyphenated model ids, and a device_type read
// back with a space ("Poly edge-e220"). Options.PolyEdgeDevices registers
// these on the account (once; they stay when the option is switched off,
// like anything else the account gained).
var polyEdgeSeed = []device{
	{ID: "polyedgee220unassigned", MAC: "64167f0e2201", Brand: "Poly", Model: "edge-e220", SeedStatus: "offline"},
	{ID: "polyedgeb20unassigned0", MAC: "64167f0b2001", Brand: "Poly", Model: "edge-b20", SeedStatus: "online"},
}

// addPolyEdgeLocked registers the Poly Edge phones at the first site.
func (s *Sandbox) addPolyEdgeLocked() {
	if !s.opts.PolyEdgeDevices || len(s.w.sites) == 0 {
		return
	}
	for _, d := range polyEdgeSeed {
		if s.w.deviceByMAC[d.MAC] == nil {
			dev := d
			dev.SiteID = s.w.sites[0].ID
			s.w.addDevice(&dev)
		}
	}
}
