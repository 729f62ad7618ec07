package sandbox

import (
	"net/http"
	"strings"
	"time"
)

type deviceAssigneeJSON struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	ExtensionNumber int64  `json:"extension_number"`
	ExtensionType   string `json:"extension_type"`
	ExtensionID     string `json:"extension_id,omitempty"`
}

type deviceJSON struct {
	ID                  string               `json:"id"`
	DisplayName         string               `json:"display_name"`
	DeviceType          string               `json:"device_type"`
	MACAddress          string               `json:"mac_address"`
	Status              string               `json:"status"`
	Site                idName               `json:"site"`
	ProvisionTemplateID string               `json:"provision_template_id"`
	Assignee            *deviceAssigneeJSON  `json:"assignee,omitempty"`
	Assignees           []deviceAssigneeJSON `json:"assignees,omitempty"`
}

// deviceTypeEnum maps a brand to the device_type filter of GET /phone/devices.
func deviceTypeEnum(brand string) string {
	switch strings.ToLower(strings.ReplaceAll(brand, " ", "")) {
	case "cisco":
		return "cisco"
	case "polycom", "poly":
		return "poly"
	case "audiocodes":
		return "audioCodes"
	case "yealink":
		return "yealink"
	case "grandstream":
		return "grandstream"
	case "algo":
		return "algo"
	case "cyberdata":
		return "cyberData"
	}
	return "other"
}

// deviceStatusLocked is "online" or "offline". Seeded phones keep their
// seeded status; phones added by a batch come online DeviceOnlineAfter
// after they were added, as if someone plugged them in.
func (s *Sandbox) deviceStatusLocked(d *device, now time.Time) string {
	if !d.FromBatch {
		return d.SeedStatus
	}
	if after, ever := s.opts.deviceOnlineAfter(); ever && !now.Before(d.AddedAt.Add(after)) {
		return "online"
	}
	return "offline"
}

// handleDevices is GET /phone/devices (type required; keyword, site_id,
// device_type; max 300).
func (s *Sandbox) handleDevices(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := r.URL.Query()
	typ := q.Get("type")
	if typ != "assigned" && typ != "unassigned" {
		writeError(w, http.StatusBadRequest, 300, "Invalid field: type is required and must be assigned or unassigned.")
		return
	}
	siteID, devType := q.Get("site_id"), q.Get("device_type")
	keyword := strings.ToLower(strings.TrimSpace(q.Get("keyword")))
	now := s.opts.now()
	var items []deviceJSON
	for _, d := range s.w.devices {
		if (typ == "assigned") != (d.AssigneeID != "") {
			continue
		}
		if (siteID != "" && d.SiteID != siteID) || (devType != "" && !strings.EqualFold(devType, deviceTypeEnum(d.Brand))) {
			continue
		}
		dj := s.deviceToJSON(d, now)
		if keyword != "" && !deviceMatches(dj, keyword) {
			continue
		}
		items = append(items, dj)
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(items), 300, 300)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		Devices []deviceJSON `json:"devices"`
	}{meta, nonNil(items[lo:hi])})
}

// deviceMatches is the keyword search: user, extension, MAC (in any
// separator style) or name.
func deviceMatches(d deviceJSON, keyword string) bool {
	mac := macSeparators.Replace(keyword)
	if mac != "" && strings.Contains(d.MACAddress, mac) {
		return true
	}
	if strings.Contains(strings.ToLower(d.DisplayName), keyword) || strings.Contains(strings.ToLower(d.DeviceType), keyword) {
		return true
	}
	if a := d.Assignee; a != nil {
		return strings.Contains(strings.ToLower(a.Name), keyword) || strings.Contains(itoa64(a.ExtensionNumber), keyword)
	}
	return false
}

func (s *Sandbox) deviceToJSON(d *device, now time.Time) deviceJSON {
	st := s.w.siteByID[d.SiteID]
	out := deviceJSON{ID: d.ID, DisplayName: d.Brand + " " + d.Model, DeviceType: d.Brand + " " + d.Model, MACAddress: d.MAC,
		Status: s.deviceStatusLocked(d, now), Site: idName{ID: st.ID, Name: st.Name}, ProvisionTemplateID: d.ProvisionTemplateID}
	if d.AssigneeID != "" {
		u := s.w.userByID[d.AssigneeID]
		pu := s.w.phoneByUserID[d.AssigneeID]
		a := deviceAssigneeJSON{ID: u.ID, Name: displayName(u), ExtensionNumber: s.extensionOut(pu), ExtensionType: "user"}
		out.DisplayName = displayName(u) + "'s " + d.Brand + " " + d.Model
		out.Assignee = &a
		withID := a // only assignees[] carries extension_id
		withID.ExtensionID = pu.ExtensionID
		out.Assignees = []deviceAssigneeJSON{withID}
	}
	return out
}
