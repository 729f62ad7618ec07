package sandbox

import (
	"io"
	"net/http"
	"slices"
	"strings"
)

// maxBatchBody bounds the request body: ten users with every field fit in
// a few kilobytes.
const maxBatchBody = 1 << 20

type createdJSON struct {
	Email string `json:"email"`
	ID    string `json:"id"`
}

// handleBatch is POST /phone/users/batch: schema check, the optional slow
// commit, the business rules, then the per-user or all-or-nothing outcome.
func (s *Sandbox) handleBatch(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBatchBody))
	if err != nil {
		writeError(w, http.StatusBadRequest, 300, "Request body could not be read: "+err.Error())
		return
	}
	users, schemaErrs, sizeErr, jsonErr := parseBatch(body)
	s.mu.Lock()
	opts := s.opts
	s.mu.Unlock()
	switch {
	case jsonErr != nil:
		writeError(w, http.StatusBadRequest, 300, "Request Body should be a valid JSON object: "+jsonErr.Error())
		return
	case sizeErr, opts.RefuseTen && len(users) == 10:
		writeError(w, http.StatusBadRequest, 400, msgUserSize)
		return
	case len(schemaErrs) > 0:
		writeBatchValidation(w, schemaErrs, opts.TerseErrors)
		return
	case slices.ContainsFunc(users, func(u batchUser) bool { return opts.invitationExpired(u.Email) }):
		// Zoom's answer names no user (zoom-api.md §11.4).
		writeError(w, http.StatusBadRequest, codeInvitationExpired, msgInvitationExpired)
		return
	}

	// A slow commit: a client that gives up before it ends creates nothing.
	if !sleepCtx(r, opts.PostDelay) {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Context().Err() != nil {
		return
	}
	c := s.checkBatchLocked(users)
	if len(c.errs) > 0 && (s.opts.Outcome == AllOrNothing || len(c.planned) == 0) {
		if c.onlyTpl {
			writeError(w, http.StatusNotFound, 404, msgTemplateInvalid)
			return
		}
		writeBatchValidation(w, c.errs, s.opts.TerseErrors)
		return
	}
	created := []createdJSON{}
	for _, p := range c.planned {
		s.commitLocked(p)
		created = append(created, createdJSON{Email: p.email, ID: p.acct.ID})
	}
	if len(c.errs) > 0 && s.opts.Outcome == PartialRefusal {
		writeBatchValidation(w, c.errs, s.opts.TerseErrors)
		return
	}
	if s.opts.OverstatedSuccess {
		// Every user of the batch named as created, with 200, whatever
		// really happened: a client must trust only its read-back.
		all := make([]createdJSON, len(users))
		for i, u := range users {
			all[i] = createdJSON{Email: u.Email}
			if a := s.w.userByEmail[strings.ToLower(strings.TrimSpace(u.Email))]; a != nil {
				all[i].ID = a.ID
			}
		}
		writeJSON(w, http.StatusOK, all)
		return
	}
	writeJSON(w, http.StatusCreated, created)
}

// commitLocked makes a planned user a phone user: extension, numbers
// assigned, licences used, desk phones registered (offline at first).
func (s *Sandbox) commitLocked(p plannedUser) {
	w := s.w
	now := s.opts.now()
	pu := &phoneUser{UserID: p.acct.ID, PhoneUserID: w.ids.next("phoneuser"), ExtensionID: w.ids.next("extension"),
		Extension: p.extension, SiteID: p.site.ID, PlanTypes: p.planTypes, Status: p.status}
	for _, n := range p.numbers {
		n.AssigneeID = p.acct.ID
		pu.Numbers = append(pu.Numbers, n.Number)
	}
	for k, t := range p.planTypes {
		plan := w.planByType(t)
		plan.Assigned++
		if k < len(p.planSubs) && p.planSubs[k] != "" {
			if plan.SubAssigned == nil {
				plan.SubAssigned = map[string]int{}
			}
			plan.SubAssigned[p.planSubs[k]]++
		}
	}
	w.addPhoneUser(pu)
	for _, d := range p.devices {
		w.addDevice(&device{ID: w.ids.next("device"), MAC: d.mac, Brand: d.brand, Model: d.model, SiteID: p.site.ID,
			AssigneeID: p.acct.ID, ProvisionTemplateID: d.provisionTemplateID, AddedAt: now, FromBatch: true})
	}
}
