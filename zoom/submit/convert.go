package submit

import (
	"strconv"
	"strings"

	"zpadd/state"
	"zpadd/zoom"
)

// The conversions from Zoom's wire types to the domain's catalog types live
// here, so a change in either side touches one file.

func siteOf(s zoom.Site) state.Site {
	out := state.Site{ID: s.ID, Name: s.Name, Country: strings.ToUpper(s.Country.Code), ExtensionLength: s.ExtensionLength()}
	if s.SiteCode != 0 {
		out.Code = strconv.Itoa(s.SiteCode)
	}
	return out
}

func templateOf(t zoom.SettingTemplate, siteID string) state.Template {
	return state.Template{ID: t.ID, Name: t.Name, Type: t.Type, SiteID: siteID}
}

func planOf(p zoom.CallingPlan) state.Plan {
	short, _ := state.ShortPlanName(p.Type)
	return state.Plan{Type: p.Type, Name: p.Name, ShortName: short, Subscribed: p.Subscribed, Assigned: p.Assigned, Available: p.Available,
		SubscriptionID: p.BillingSubscriptionID, SubscriptionName: p.BillingSubscriptionName}
}

func numberOf(n zoom.PhoneNumber, siteID string) state.Number {
	out := state.Number{ID: n.ID, Number: e164(n.Number), SiteID: siteID, Assigned: n.Assignee != nil && n.Assignee.ID != "", Pending: n.Pending()}
	if n.Site != nil && n.Site.ID != "" {
		out.SiteID = n.Site.ID
	}
	if out.Assigned {
		out.AssignedTo = n.Assignee.Name
		if n.Assignee.ExtensionNumber != 0 {
			out.AssignedExt = strconv.FormatInt(n.Assignee.ExtensionNumber, 10)
		}
	}
	return out
}

func provisionTemplateOf(t zoom.ProvisionTemplate) state.ProvisionTemplate {
	return state.ProvisionTemplate{ID: t.ID, Name: t.Name}
}

func deviceOf(d zoom.Device) state.Device {
	out := state.Device{ID: d.ID, MAC: bareMAC(d.MACAddress), Type: d.DeviceType, Status: d.Status}
	if d.Assignee != nil {
		out.Assignee = d.Assignee.Name
	}
	return out
}

func phoneUserOf(u zoom.PhoneUser) state.PhoneUser {
	out := state.PhoneUser{ID: u.ID, Email: u.Email, SiteID: u.SiteRefID()}
	if u.ExtensionNumber != 0 {
		out.ExtensionNumber = strconv.FormatInt(u.ExtensionNumber, 10)
	}
	return out
}

// bareMAC is a MAC as 12 lowercase hex digits, whatever separators Zoom or
// the body used ("80-5e-c0-3d-eb-c4" → "805ec03debc4").
func bareMAC(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= '0' && r <= '9') || (r >= 'a' && r <= 'f') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// e164 adds the "+" Zoom sometimes leaves off ("14232058798" in its own
// example of GET /phone/users/{id}).
func e164(n string) string {
	n = strings.TrimSpace(n)
	if n != "" && !strings.HasPrefix(n, "+") {
		return "+" + n
	}
	return n
}
