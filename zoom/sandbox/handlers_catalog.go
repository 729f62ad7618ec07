package sandbox

import (
	"net/http"
	"strings"
)

type callingPlanJSON struct {
	Name                    string `json:"name"`
	Type                    int    `json:"type"`
	Subscribed              int    `json:"subscribed"`
	Assigned                int    `json:"assigned"`
	Available               int    `json:"available"`
	BillingSubscriptionID   string `json:"billing_subscription_id,omitempty"`
	BillingSubscriptionName string `json:"billing_subscription_name,omitempty"`
}

// handleCallingPlans is GET /phone/calling_plans (no pagination).
func (s *Sandbox) handleCallingPlans(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	items := []callingPlanJSON{}
	for _, p := range s.w.plans {
		subs := s.subscriptionsLocked(p.Type)
		if len(subs) == 0 {
			items = append(items, callingPlanJSON{Name: p.Name, Type: p.Type, Subscribed: p.Subscribed, Assigned: p.Assigned, Available: p.available()})
			continue
		}
		for k, b := range subs {
			subscribed, assigned := p.subscriptionCounts(subs, k)
			items = append(items, callingPlanJSON{Name: p.Name, Type: p.Type, Subscribed: subscribed, Assigned: assigned,
				Available: subscribed - assigned, BillingSubscriptionID: b.ID, BillingSubscriptionName: b.Name})
		}
	}
	writeJSON(w, http.StatusOK, struct {
		CallingPlans []callingPlanJSON `json:"calling_plans"`
	}{items})
}

type provisionTemplateJSON struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Description      string `json:"description"`
	BoundDeviceCount int    `json:"bound_device_count"`
}

// handleProvisionTemplates is GET /phone/provision_templates (max 300).
func (s *Sandbox) handleProvisionTemplates(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	bound := map[string]int{} // provision template id → devices using it
	for _, d := range s.w.devices {
		bound[d.ProvisionTemplateID]++
	}
	var items []provisionTemplateJSON
	for _, p := range s.w.provisionTemplates {
		items = append(items, provisionTemplateJSON{ID: p.ID, Name: p.Name, Description: p.Description, BoundDeviceCount: bound[p.ID]})
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(items), 300, 300)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		ProvisionTemplates []provisionTemplateJSON `json:"provision_templates"`
	}{meta, nonNil(items[lo:hi])})
}

type numberAssigneeJSON struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	ExtensionNumber int64  `json:"extension_number"`
	Type            string `json:"type"`
}

type numberJSON struct {
	ID          string              `json:"id"`
	Number      string              `json:"number"`
	DisplayName string              `json:"display_name"`
	Location    string              `json:"location"`
	NumberType  string              `json:"number_type"`
	Source      string              `json:"source"`
	Status      string              `json:"status"`
	Capability  []string            `json:"capability"`
	Site        idName              `json:"site"`
	Assignee    *numberAssigneeJSON `json:"assignee,omitempty"`
}

// handleNumbers is GET /phone/numbers (type, site_id, phone_number; max 100).
func (s *Sandbox) handleNumbers(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.OldNumbersGone {
		writeError(w, http.StatusNotFound, 404, "The API endpoint GET /phone/numbers has been removed; use GET /number_management/numbers.")
		return
	}
	q := r.URL.Query()
	typ := q.Get("type")
	switch typ {
	case "", "all", "assigned", "unassigned", "byoc":
	default:
		writeError(w, http.StatusBadRequest, 300, "Invalid field: type must be one of assigned, unassigned, byoc, all.")
		return
	}
	siteID := q.Get("site_id")
	if siteID != "" && s.w.siteByID[siteID] == nil {
		writeError(w, http.StatusBadRequest, 300, "The site does not exist.")
		return
	}
	want := ""
	if v := q.Get("phone_number"); v != "" {
		want = canonicalE164(v)
	}
	var matched []*phoneNumber
	for _, n := range s.w.numbers {
		assigned := n.AssigneeID != ""
		switch {
		case typ == "assigned" && !assigned, typ == "unassigned" && assigned, typ == "byoc":
			continue
		case siteID != "" && n.SiteID != siteID, want != "" && n.Number != want:
			continue
		}
		matched = append(matched, n)
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(matched), 100, 300)
	if !ok {
		return
	}
	items := []numberJSON{} // only the page is rendered: lists run to thousands
	for _, n := range matched[lo:hi] {
		items = append(items, s.numberToJSON(n))
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		PhoneNumbers []numberJSON `json:"phone_numbers"`
	}{meta, items})
}

func (s *Sandbox) numberToJSON(n *phoneNumber) numberJSON {
	st := s.w.siteByID[n.SiteID]
	out := numberJSON{ID: n.ID, Number: n.Number, Location: n.Location, NumberType: "toll", Source: "internal",
		Status: "available", Capability: []string{"incoming", "outgoing"}, Site: idName{ID: st.ID, Name: st.Name}}
	if s.pendingLocked(n) {
		out.Status, out.Source = "pending", "external"
	}
	if n.AssigneeID != "" {
		u := s.w.userByID[n.AssigneeID]
		out.Assignee = &numberAssigneeJSON{ID: u.ID, Name: displayName(u), Type: "user"}
		if pu := s.w.phoneByUserID[u.ID]; pu != nil {
			out.Assignee.ExtensionNumber = s.extensionOut(pu)
		}
	}
	return out
}

func displayName(u *accountUser) string {
	return strings.TrimSpace(u.FirstName + " " + u.LastName)
}
