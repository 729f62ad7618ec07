package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// portingPerSite is how many free numbers of each site are being ported in
// when Options.PendingNumbers is on.
const portingPerSite = 3

// markPorting picks each site's first free numbers as the ones being ported.
func markPorting(w *world) {
	marked := map[string]int{}
	for _, n := range w.numbers {
		if n.AssigneeID == "" && marked[n.SiteID] < portingPerSite {
			n.Porting = true
			marked[n.SiteID]++
		}
	}
}

// pendingLocked reports a number being ported in (zoom-api.md §11.3).
func (s *Sandbox) pendingLocked(n *phoneNumber) bool { return s.opts.PendingNumbers && n.Porting }

type managedSiteJSON struct {
	SiteID string `json:"site_id"`
	Name   string `json:"name"`
}

type managedAssigneeJSON struct {
	AssignedToID    string `json:"assigned_to_id"`
	AssignedToName  string `json:"assigned_to_name"`
	AssignedToType  string `json:"assigned_to_type"`
	ExtensionNumber string `json:"extension_number,omitempty"`
}

type managedLocationJSON struct {
	Country string `json:"country"`
	City    string `json:"city,omitempty"`
}

type managedNumberJSON struct {
	ID               string                `json:"id"`
	Number           string                `json:"number"`
	AllocatedProduct string                `json:"allocated_product"`
	NumberType       string                `json:"number_type"`
	DisplayName      string                `json:"display_name"`
	Source           string                `json:"source"`
	Status           string                `json:"status"`
	Capability       []string              `json:"capability"`
	Site             managedSiteJSON       `json:"site"`
	AssignedList     []managedAssigneeJSON `json:"assigned_list"`
	Location         managedLocationJSON   `json:"location"`
}

// managedEnums are the query enums GET /number_management/numbers checks
// (zoom-api.md §5.5; a wrong value is 400/999).
var managedEnums = map[string][]string{
	"allocated_product": {"UNALLOCATED", "ZOOM_PHONE", "ZOOM_CONTACT_CENTER"},
	"number_status":     {"Normal", "Pending"},
	"number_type":       {"Toll", "TollFree", "VirtualService", "Mobile", "SharedCost", "National", "ITFS"},
}

// handleManagedNumbers is GET /number_management/numbers (§5.5): site_id,
// assigned_to_type (PhoneUnassigned or User), number_status, keyword
// (prefix of the number), page size up to 200.
func (s *Sandbox) handleManagedNumbers(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.NewNumbersRefused {
		writeError(w, http.StatusBadRequest, 104, "Invalid access token, does not contain scopes:[number_management:read:list_numbers:admin].")
		return
	}
	q := r.URL.Query()
	for name, allowed := range managedEnums {
		if v := q.Get(name); v != "" && !slices.Contains(allowed, v) {
			writeError(w, http.StatusBadRequest, 999, fmt.Sprintf("Invalid parameter %s: %q.", name, v))
			return
		}
	}
	siteID := q.Get("site_id")
	if siteID != "" && s.w.siteByID[siteID] == nil {
		writeError(w, http.StatusBadRequest, 1002010, "The site does not exist")
		return
	}
	assignedTo, status := q.Get("assigned_to_type"), q.Get("number_status")
	keyword := strings.TrimPrefix(strings.TrimSpace(q.Get("keyword")), "+")
	var matched []*phoneNumber
	for _, n := range s.w.numbers {
		assigned := n.AssigneeID != ""
		switch {
		case assignedTo == "PhoneUnassigned" && assigned, assignedTo == "User" && !assigned,
			assignedTo != "" && assignedTo != "PhoneUnassigned" && assignedTo != "User":
			continue
		case siteID != "" && n.SiteID != siteID:
			continue
		case status == "Pending" && !s.pendingLocked(n), status == "Normal" && s.pendingLocked(n):
			continue
		case keyword != "" && !strings.HasPrefix(strings.TrimPrefix(n.Number, "+"), keyword):
			continue
		}
		matched = append(matched, n)
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(matched), 200, 1003100)
	if !ok {
		return
	}
	items := []managedNumberJSON{}
	for _, n := range matched[lo:hi] {
		items = append(items, s.managedNumberJSON(n))
	}
	// Zoom's schema for this list has no total_records.
	writeJSON(w, http.StatusOK, struct {
		NextPageToken string              `json:"next_page_token"`
		PageSize      int                 `json:"page_size"`
		Numbers       []managedNumberJSON `json:"numbers"`
	}{meta.NextPageToken, meta.PageSize, items})
}

func (s *Sandbox) managedNumberJSON(n *phoneNumber) managedNumberJSON {
	st := s.w.siteByID[n.SiteID]
	out := managedNumberJSON{ID: n.ID, Number: n.Number, AllocatedProduct: "ZOOM_PHONE", NumberType: "Toll", Source: "Zoom",
		Status: "Normal", Capability: []string{"Incoming", "Outgoing"}, Site: managedSiteJSON{SiteID: st.ID, Name: st.Name},
		AssignedList: []managedAssigneeJSON{}, Location: managedLocationJSON{Country: st.Country, City: n.Location}}
	if s.pendingLocked(n) {
		out.Status, out.Source = "Pending", "ZoomPorted"
	}
	if n.AssigneeID != "" {
		u := s.w.userByID[n.AssigneeID]
		a := managedAssigneeJSON{AssignedToID: u.ID, AssignedToName: displayName(u), AssignedToType: "User"}
		if pu := s.w.phoneByUserID[u.ID]; pu != nil {
			a.ExtensionNumber = itoa64(s.extensionOut(pu))
		}
		out.AssignedList = append(out.AssignedList, a)
	}
	return out
}
