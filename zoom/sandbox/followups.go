package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The calls made after a batch (zoom-api.md §11.6): emergency addresses,
// a user's address set by PATCH, a desk phone's provisioning, reboot and
// resync. Shapes follow Zoom's published Phone OpenAPI document
// (listEmergencyAddresses, updateUserProfile, getADevice,
// rebootPhoneDevice, syncPhoneDevice); GET /phone/users/{userId}'s
// emergency_address is in the project's OpenAPI subset.

// emergencyAddress is a company (level 0) emergency address of a site.
type emergencyAddress struct {
	ID, SiteID                              string
	Line1, Line2, City, State, Zip, Country string
	Default                                 bool
}

// followupState is the part of the world the follow-up calls change.
type followupState struct {
	addresses   []*emergencyAddress
	addressByID map[string]*emergencyAddress
	lastReboot  map[string]time.Time // device id → last accepted reboot
	lastSync    time.Time            // last accepted resync
}

// Zoom's spacing of the two device commands (Zoom's Phone OpenAPI
// document: reboot "one request every second", sync "one request every 15
// minutes").
const (
	rebootSpacing = time.Second
	syncSpacing   = 15 * time.Minute
)

// seedEmergencyAddress is one entry of a seed's "emergency_addresses".
type seedEmergencyAddress struct {
	ID        string `json:"id"`
	SiteID    string `json:"site_id"`
	Line1     string `json:"address_line1"`
	Line2     string `json:"address_line2"`
	City      string `json:"city"`
	StateCode string `json:"state_code"`
	Zip       string `json:"zip"`
	Country   string `json:"country"`
	IsDefault bool   `json:"is_default"`
}

// loadEmergencyAddresses adds a seed's addresses to the world; each must
// name a known site, and a site has at most one default.
func (w *world) loadEmergencyAddresses(seed string, raw []byte) error {
	var sf struct {
		EmergencyAddresses []seedEmergencyAddress `json:"emergency_addresses"`
	}
	if err := json.Unmarshal(raw, &sf); err != nil {
		return fmt.Errorf("sandbox seed %q: emergency_addresses: %w", seed, err)
	}
	w.followups = followupState{addressByID: map[string]*emergencyAddress{}, lastReboot: map[string]time.Time{}}
	hasDefault := map[string]bool{}
	for i, a := range sf.EmergencyAddresses {
		if w.siteByID[a.SiteID] == nil {
			return fmt.Errorf("sandbox seed %q: emergency_addresses[%d]: unknown site_id %q", seed, i, a.SiteID)
		}
		if a.IsDefault && hasDefault[a.SiteID] {
			return fmt.Errorf("sandbox seed %q: emergency_addresses[%d]: site %q already has a default address", seed, i, a.SiteID)
		}
		hasDefault[a.SiteID] = hasDefault[a.SiteID] || a.IsDefault
		ea := &emergencyAddress{ID: a.ID, SiteID: a.SiteID, Line1: a.Line1, Line2: a.Line2, City: a.City,
			State: a.StateCode, Zip: a.Zip, Country: a.Country, Default: a.IsDefault}
		w.followups.addresses = append(w.followups.addresses, ea)
		w.followups.addressByID[ea.ID] = ea
	}
	return nil
}

// userAddressLocked is the emergency address a phone user has: the one set
// by PATCH, else the site's default (what Zoom gives a new user).
func (s *Sandbox) userAddressLocked(pu *phoneUser) *emergencyAddress {
	if a := s.w.followups.addressByID[pu.EmergencyAddressID]; a != nil {
		return a
	}
	for _, a := range s.w.followups.addresses {
		if a.SiteID == pu.SiteID && a.Default {
			return a
		}
	}
	return nil
}

// userAddressJSON is emergency_address in GET /phone/users/{userId}.
type userAddressJSON struct {
	ID           string `json:"id"`
	AddressLine1 string `json:"address_line1"`
	AddressLine2 string `json:"address_line2"`
	City         string `json:"city"`
	Country      string `json:"country"`
	StateCode    string `json:"state_code"`
	Zip          string `json:"zip"`
}

func (a *emergencyAddress) userJSON() *userAddressJSON {
	if a == nil {
		return nil
	}
	return &userAddressJSON{ID: a.ID, AddressLine1: a.Line1, AddressLine2: a.Line2, City: a.City, Country: a.Country, StateCode: a.State, Zip: a.Zip}
}

// emergencyAddressJSON is an item of GET /phone/emergency_addresses: the
// user's fields and the list's own.
type emergencyAddressJSON struct {
	userAddressJSON
	IsDefault bool   `json:"is_default"`
	Level     int    `json:"level"`
	Site      idName `json:"site"`
	Status    int    `json:"status"`
}

// handleEmergencyAddresses is GET /phone/emergency_addresses (site_id,
// level, address_keyword; page_size max 300). The sandbox holds company
// addresses only (level 0), verification not required (status 1).
func (s *Sandbox) handleEmergencyAddresses(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := r.URL.Query()
	siteID := q.Get("site_id")
	if siteID != "" && s.w.siteByID[siteID] == nil {
		writeError(w, http.StatusBadRequest, 400, fmt.Sprintf("Site does not exist: %s", siteID))
		return
	}
	if lv := q.Get("level"); lv != "" && lv != "0" {
		if _, err := strconv.Atoi(lv); err != nil {
			writeError(w, http.StatusBadRequest, 300, fmt.Sprintf("Invalid field: level must be 0, 1 or 2, got %q.", lv))
			return
		}
		writeJSON(w, http.StatusOK, struct {
			pageMeta
			Addresses []emergencyAddressJSON `json:"emergency_addresses"`
		}{pageMeta{PageSize: 30}, []emergencyAddressJSON{}})
		return
	}
	keyword := strings.ToLower(strings.TrimSpace(q.Get("address_keyword")))
	var items []emergencyAddressJSON
	for _, a := range s.w.followups.addresses {
		if siteID != "" && a.SiteID != siteID {
			continue
		}
		text := strings.ToLower(strings.Join([]string{a.Line1, a.Line2, a.City, a.State, a.Zip}, " "))
		if keyword != "" && !strings.Contains(text, keyword) {
			continue
		}
		st := s.w.siteByID[a.SiteID]
		items = append(items, emergencyAddressJSON{userAddressJSON: *a.userJSON(), IsDefault: a.Default, Level: 0,
			Site: idName{ID: st.ID, Name: st.Name}, Status: 1})
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(items), 300, 300)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		Addresses []emergencyAddressJSON `json:"emergency_addresses"`
	}{meta, nonNil(items[lo:hi])})
}

// handleUpdatePhoneUser is PATCH /phone/users/{userId}. The sandbox applies
// emergency_address_id (so a read-back shows it) and accepts, without
// acting on them, the profile's other fields. RefuseFollowUp refuses the
// address with Zoom's validation body.
func (s *Sandbox) handleUpdatePhoneUser(w http.ResponseWriter, r *http.Request) {
	var body struct {
		EmergencyAddressID *string `json:"emergency_address_id"`
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err == nil && len(strings.TrimSpace(string(raw))) > 0 {
		err = json.Unmarshal(raw, &body)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, 300, "Request Body should be a valid JSON object.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := r.PathValue("userId")
	u := s.w.userByIDOrEmail(key)
	var pu *phoneUser
	if u != nil {
		pu = s.w.phoneByUserID[u.ID]
	}
	if pu == nil {
		writeError(w, http.StatusNotFound, 1001, fmt.Sprintf("User does not exist: %s.", key))
		return
	}
	if body.EmergencyAddressID != nil {
		id := strings.TrimSpace(*body.EmergencyAddressID)
		if s.opts.RefuseFollowUp || s.w.followups.addressByID[id] == nil {
			writeJSON(w, http.StatusBadRequest, apiError{Code: 300, Message: msgValidationFailed,
				Errors: []fieldError{{Field: "emergency_address_id", Message: "Invalid field."}}})
			return
		}
		pu.EmergencyAddressID = id
	}
	w.WriteHeader(http.StatusNoContent)
}

type deviceProvisionJSON struct {
	Type string `json:"type"`
	URL  string `json:"url,omitempty"`
}

type deviceDetailJSON struct {
	deviceJSON
	Provision deviceProvisionJSON `json:"provision"`
	PrivateIP string              `json:"private_ip,omitempty"`
	PublicIP  string              `json:"public_ip,omitempty"`
}

// provisionOf is how the sandbox provisions a brand: Zoom's zero-touch
// partners by ZTP, Cisco assisted, the rest by hand with a URL typed into
// the phone (Zoom's enum: assisted, ztp, manual).
func provisionOf(d *device) deviceProvisionJSON {
	brand := strings.ToLower(strings.ReplaceAll(d.Brand, " ", ""))
	url := "https://provision.sandbox.zpadd.invalid/" + brand + "/" + strings.ToLower(d.Model)
	switch brand {
	case "yealink", "polycom", "poly", "audiocodes":
		return deviceProvisionJSON{Type: "ztp", URL: url}
	case "cisco":
		return deviceProvisionJSON{Type: "assisted", URL: url}
	}
	return deviceProvisionJSON{Type: "manual", URL: url}
}

func (s *Sandbox) deviceByIDLocked(id string) *device {
	for _, d := range s.w.devices {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// handleDevice is GET /phone/devices/{deviceId}: the device with its
// provisioning type and URL. (Zoom's answer also lists SIP accounts with
// passwords; the sandbox leaves them out, and zpadd never reads them.)
func (s *Sandbox) handleDevice(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.deviceByIDLocked(r.PathValue("deviceId"))
	if d == nil {
		writeError(w, http.StatusBadRequest, 400, "Device does not exist in the system.")
		return
	}
	out := deviceDetailJSON{deviceJSON: s.deviceToJSON(d, s.opts.now()), Provision: provisionOf(d)}
	if out.Status == "online" {
		out.PrivateIP = "192.168.10." + strconv.Itoa(10+len(d.ID)%200)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleRebootDevice is POST /phone/devices/{deviceId}/reboot: 202 for an
// online ZTP or assisted phone, Zoom's 400s otherwise.
func (s *Sandbox) handleRebootDevice(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.deviceByIDLocked(r.PathValue("deviceId"))
	now := s.opts.now()
	switch {
	case d == nil:
		writeError(w, http.StatusBadRequest, 404, fmt.Sprintf("Device does not exist: %s.", r.PathValue("deviceId")))
	case provisionOf(d).Type == "manual":
		writeError(w, http.StatusBadRequest, 400, "The given device type does not support this action")
	case s.deviceStatusLocked(d, now) != "online":
		writeError(w, http.StatusBadRequest, 400, "The given device is offline")
	case now.Sub(s.w.followups.lastReboot[d.ID]) < rebootSpacing:
		writeError(w, http.StatusBadRequest, 400, "Operation is too frequent. Please try again in a few minutes.")
	default:
		s.w.followups.lastReboot[d.ID] = now
		w.WriteHeader(http.StatusAccepted)
	}
}

// handleSyncDevices is POST /phone/devices/sync: level 1 (account) or 2
// (site, with site_id); one accepted request per 15 minutes.
func (s *Sandbox) handleSyncDevices(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Level  int    `json:"level"`
		SiteID string `json:"site_id"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, 300, "Request Body should be a valid JSON object.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.now()
	switch {
	case body.Level != 1 && body.Level != 2:
		writeJSON(w, http.StatusBadRequest, apiError{Code: 300, Message: msgValidationFailed,
			Errors: []fieldError{{Field: "level", Message: "must be 1 (account) or 2 (site)"}}})
	case body.Level == 2 && s.w.siteByID[body.SiteID] == nil:
		writeJSON(w, http.StatusBadRequest, apiError{Code: 300, Message: msgValidationFailed,
			Errors: []fieldError{{Field: "site_id", Message: "Invalid field."}}})
	case !s.w.followups.lastSync.IsZero() && now.Sub(s.w.followups.lastSync) < syncSpacing:
		writeError(w, http.StatusBadRequest, 429, "Too many concurrent requests. A request has already been made.")
	default:
		s.w.followups.lastSync = now
		w.WriteHeader(http.StatusNoContent)
	}
}
