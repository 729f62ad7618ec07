package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// extensionOut is a phone user's extension_number as Zoom returns it: an
// integer, the short extension or (FullExtensions) site code + short.
func (s *Sandbox) extensionOut(pu *phoneUser) int64 {
	ext := pu.Extension
	if s.opts.FullExtensions {
		ext = strconv.Itoa(s.w.siteByID[pu.SiteID].Code) + ext
	}
	n, _ := strconv.ParseInt(ext, 10, 64)
	return n
}

type planRefJSON struct {
	Name string `json:"name,omitempty"`
	Type int    `json:"type"`
}

type numberRefJSON struct {
	ID     string `json:"id"`
	Number string `json:"number"`
}

type phoneUserListJSON struct {
	ID               string          `json:"id"`
	PhoneUserID      string          `json:"phone_user_id"`
	Email            string          `json:"email"`
	Name             string          `json:"name"`
	ExtensionID      string          `json:"extension_id"`
	ExtensionNumber  int64           `json:"extension_number"`
	Site             idName          `json:"site"`
	Status           string          `json:"status"`
	ActivationStatus string          `json:"activation_status"`
	CallingPlans     []planRefJSON   `json:"calling_plans"`
	PhoneNumbers     []numberRefJSON `json:"phone_numbers"`
	Department       string          `json:"department"`
	CostCenter       string          `json:"cost_center"`
}

// handlePhoneUsers is GET /phone/users (site_id, keyword, status,
// calling_type; max 100).
func (s *Sandbox) handlePhoneUsers(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := r.URL.Query()
	siteID, status := q.Get("site_id"), q.Get("status")
	keyword := strings.ToLower(strings.TrimSpace(q.Get("keyword")))
	callingType := 0
	if v := q.Get("calling_type"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			writeError(w, http.StatusBadRequest, 300, fmt.Sprintf("Invalid field: calling_type must be an integer, got %q.", v))
			return
		}
		callingType = n
	}
	var matched []*phoneUser
	for _, pu := range s.w.phoneUsers {
		if (siteID != "" && pu.SiteID != siteID) || (status != "" && status != pu.Status) {
			continue
		}
		if callingType != 0 && !slices.Contains(pu.PlanTypes, callingType) {
			continue
		}
		if keyword != "" && !s.phoneUserMatches(pu, keyword) {
			continue
		}
		matched = append(matched, pu)
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(matched), 100, 400)
	if !ok {
		return
	}
	items := []phoneUserListJSON{} // only the page is rendered: large accounts hold thousands
	for _, pu := range matched[lo:hi] {
		items = append(items, s.phoneUserListItem(pu))
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		Users []phoneUserListJSON `json:"users"`
	}{meta, items})
}

// phoneUserMatches is the keyword search: name, email, extension or number.
func (s *Sandbox) phoneUserMatches(pu *phoneUser, keyword string) bool {
	u := s.w.userByID[pu.UserID]
	if strings.Contains(strings.ToLower(displayName(u)), keyword) || strings.Contains(strings.ToLower(u.Email), keyword) ||
		strings.Contains(itoa64(s.extensionOut(pu)), keyword) {
		return true
	}
	for _, n := range pu.Numbers {
		if strings.Contains(n, strings.TrimPrefix(keyword, "+")) {
			return true
		}
	}
	return false
}

func (s *Sandbox) phoneUserListItem(pu *phoneUser) phoneUserListJSON {
	u := s.w.userByID[pu.UserID]
	st := s.w.siteByID[pu.SiteID]
	item := phoneUserListJSON{ID: u.ID, PhoneUserID: pu.PhoneUserID, Email: u.Email, Name: displayName(u), ExtensionID: pu.ExtensionID,
		ExtensionNumber: s.extensionOut(pu), Site: idName{ID: st.ID, Name: st.Name}, Status: pu.Status,
		ActivationStatus: "activated", CallingPlans: []planRefJSON{}, PhoneNumbers: s.numberRefs(pu, false), Department: u.Dept}
	for _, t := range pu.PlanTypes {
		ref := planRefJSON{Type: t}
		if p := s.w.planByType(t); p != nil {
			ref.Name = p.Name
		}
		item.CallingPlans = append(item.CallingPlans, ref)
	}
	return item
}

func (s *Sandbox) numberRefs(pu *phoneUser, bare bool) []numberRefJSON {
	out := []numberRefJSON{}
	for _, n := range pu.Numbers {
		ref := numberRefJSON{Number: n}
		if num := s.w.numberByE164[n]; num != nil {
			ref.ID = num.ID
		}
		if bare {
			ref.Number = strings.TrimPrefix(n, "+")
		}
		out = append(out, ref)
	}
	return out
}

type phoneUserProfileJSON struct {
	ID              string          `json:"id"`
	PhoneUserID     string          `json:"phone_user_id"`
	Email           string          `json:"email"`
	ExtensionID     string          `json:"extension_id"`
	ExtensionNumber int64           `json:"extension_number"`
	SiteID          string          `json:"site_id"`
	Status          string          `json:"status"`
	CallingPlans    []planRefJSON   `json:"calling_plans"`
	PhoneNumbers    []numberRefJSON `json:"phone_numbers"`
	Department      string          `json:"department"`
	CostCenter      string          `json:"cost_center"`
	SiteAdmin       bool            `json:"site_admin"`
	// EmergencyAddress is the address set by PATCH, else the site's default.
	EmergencyAddress *userAddressJSON `json:"emergency_address,omitempty"`
}

// handlePhoneUser is GET /phone/users/{userId}, by id or email: how a
// client verifies a batch.
func (s *Sandbox) handlePhoneUser(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := r.PathValue("userId")
	if strings.TrimSpace(key) == "" {
		writeError(w, http.StatusBadRequest, 300, "Invalid user id.")
		return
	}
	u := s.w.userByIDOrEmail(key)
	var pu *phoneUser
	if u != nil {
		pu = s.w.phoneByUserID[u.ID]
	}
	if pu == nil && s.phonePendingLocked(u) {
		writePendingPhoneUser(w, u)
		return
	}
	if pu == nil {
		writeError(w, http.StatusNotFound, 1001, fmt.Sprintf("User does not exist: %s.", key))
		return
	}
	out := phoneUserProfileJSON{ID: u.ID, PhoneUserID: pu.PhoneUserID, Email: u.Email, ExtensionID: pu.ExtensionID,
		ExtensionNumber: s.extensionOut(pu), SiteID: pu.SiteID, Status: pu.Status, CallingPlans: []planRefJSON{},
		PhoneNumbers: s.numberRefs(pu, s.opts.BareProfileNumbers), Department: u.Dept,
		EmergencyAddress: s.userAddressLocked(pu).userJSON()}
	for _, t := range pu.PlanTypes {
		out.CallingPlans = append(out.CallingPlans, planRefJSON{Type: t}) // Zoom gives no name here
	}
	writeJSON(w, http.StatusOK, out)
}

type userJSON struct {
	ID            string `json:"id"`
	Email         string `json:"email"`
	FirstName     string `json:"first_name"`
	LastName      string `json:"last_name"`
	DisplayName   string `json:"display_name"`
	Type          int    `json:"type"`
	Status        string `json:"status"`
	RoleID        string `json:"role_id"`
	Dept          string `json:"dept"`
	Timezone      string `json:"timezone"`
	Verified      int    `json:"verified"`
	Language      string `json:"language"`
	CreatedAt     string `json:"created_at"`
	UserCreatedAt string `json:"user_created_at"`
	AccountID     string `json:"account_id"`
}

// handleUser is GET /users/{userId} of the main Users API. A pending user
// comes back with only id and created_at, as Zoom's docs say.
func (s *Sandbox) handleUser(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := r.PathValue("userId")
	u := s.w.userByIDOrEmail(key)
	if u == nil {
		writeError(w, http.StatusNotFound, 1001, fmt.Sprintf("User does not exist: %s.", key))
		return
	}
	if s.opts.invitationExpired(u.Email) {
		writeError(w, http.StatusBadRequest, codeInvitationExpired, msgInvitationExpired)
		return
	}
	created := u.CreatedAt.UTC().Format(time.RFC3339)
	if u.Status == "pending" {
		writeJSON(w, http.StatusOK, struct {
			ID        string `json:"id"`
			CreatedAt string `json:"created_at"`
		}{u.ID, created})
		return
	}
	writeJSON(w, http.StatusOK, userJSON{ID: u.ID, Email: u.Email, FirstName: u.FirstName, LastName: u.LastName,
		DisplayName: displayName(u), Type: u.Type, Status: u.Status, RoleID: "2", Dept: u.Dept, Timezone: u.Timezone,
		Verified: 1, Language: "en-US", CreatedAt: created, UserCreatedAt: created, AccountID: s.w.acct.ID})
}
