package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
)

// pendingPhoneEmails are the active account users that Options.PendingUsers
// plays as pending phone users: a Zoom Workplace licence without the Phone
// feature (zoom-api.md §6.4, §11.6).
var pendingPhoneEmails = []string{"mei.chen@example.com", "priya.patel@example.com"}

// phonePendingLocked reports a pending phone user not yet assigned.
func (s *Sandbox) phonePendingLocked(u *accountUser) bool {
	return s.opts.PendingUsers && u != nil && s.w.phoneByUserID[u.ID] == nil &&
		slices.Contains(pendingPhoneEmails, strings.ToLower(u.Email))
}

// writePendingPhoneUser is GET /phone/users/{userId} for a pending phone
// user: found, status "pending", no extension, plan or number.
func writePendingPhoneUser(w http.ResponseWriter, u *accountUser) {
	writeJSON(w, http.StatusOK, phoneUserProfileJSON{ID: u.ID, Email: u.Email, Status: "pending",
		CallingPlans: []planRefJSON{}, PhoneNumbers: []numberRefJSON{}, Department: u.Dept})
}

// handleBatchUpdate is PUT /phone/users/batch (§4.5). Only
// assign_pending_user is played: each user must be a pending phone user;
// they become phone users at the first site with its next free extension.
// Answers 204.
func (s *Sandbox) handleBatchUpdate(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBatchBody))
	if err != nil {
		writeError(w, http.StatusBadRequest, 300, "Request body could not be read: "+err.Error())
		return
	}
	var req struct {
		BatchType string   `json:"batch_type"`
		UserIDs   []string `json:"user_ids"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, 300, "Request Body should be a valid JSON object: "+err.Error())
		return
	}
	switch {
	case !slices.Contains([]string{"move_site", "assign_pending_user", "activate"}, req.BatchType):
		writeValidation(w, []fieldError{{Field: "batch_type", Message: "Invalid field."}})
		return
	case req.BatchType != "assign_pending_user":
		writeError(w, http.StatusBadRequest, 400, "Current batch type does not support in the sandbox.")
		return
	case len(req.UserIDs) == 0 || len(req.UserIDs) > 10:
		writeValidation(w, []fieldError{{Field: "user_ids", Message: "user_ids must hold 1 to 10 users."}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var users []*accountUser
	for _, id := range req.UserIDs {
		u := s.w.userByIDOrEmail(id)
		if !s.phonePendingLocked(u) {
			writeError(w, http.StatusBadRequest, 400, fmt.Sprintf("Current batch type does not support user %s: not a pending phone user.", id))
			return
		}
		users = append(users, u)
	}
	st := s.w.sites[0]
	c := &batchCheck{s: s, exts: map[string]int{}}
	for _, u := range users {
		s.w.addPhoneUser(&phoneUser{UserID: u.ID, PhoneUserID: s.w.ids.next("phoneuser"), ExtensionID: s.w.ids.next("extension"),
			Extension: c.nextFreeExtension(st), SiteID: st.ID, Status: "activate"})
	}
	w.WriteHeader(http.StatusNoContent)
}
