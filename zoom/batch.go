package zoom

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"zpadd/state"
)

// BatchRequest is the body of POST /phone/users/batch.
type BatchRequest struct {
	Users []BatchUser `json:"users"`
}

// BatchUser is one users[] item, field for field as Zoom's schema names
// them. email, extension_number and calling_plans are required, so they are
// always sent; every optional field is left out when empty.
type BatchUser struct {
	Email                  string           `json:"email"`
	FirstName              string           `json:"first_name,omitempty"`
	LastName               string           `json:"last_name,omitempty"`
	CallingPlans           []string         `json:"calling_plans"`
	SiteCode               string           `json:"site_code,omitempty"`
	SiteName               string           `json:"site_name,omitempty"`
	TemplateName           string           `json:"template_name,omitempty"`
	ExtensionNumber        string           `json:"extension_number"`
	ActivationStatus       string           `json:"activation_status,omitempty"`
	PhoneNumbers           []string         `json:"phone_numbers,omitempty"`
	OutboundCallerID       string           `json:"outbound_caller_id,omitempty"`
	SelectOutboundCallerID *bool            `json:"select_outbound_caller_id,omitempty"`
	SMS                    *bool            `json:"sms,omitempty"`
	DeskPhones             []BatchDeskPhone `json:"desk_phones,omitempty"`
}

// BatchDeskPhone is one desk_phones[] item. MAC is sent hyphenated and
// lowercase ("80-5e-c0-3d-eb-c4"), the form of Zoom's own example;
// ProvisionTemplate is the template's name, not its id.
type BatchDeskPhone struct {
	Brand             string `json:"brand,omitempty"`
	Model             string `json:"model,omitempty"`
	MAC               string `json:"mac,omitempty"`
	ProvisionTemplate string `json:"provision_template,omitempty"`
}

// BatchResult is one item of the 201 answer: a user Zoom created.
type BatchResult struct {
	Email string `json:"email"`
	ID    string `json:"id"`
}

// MaxBatch is the most users Zoom takes in one batch request.
const MaxBatch = state.MaxUsers

// BatchUsers builds the exact body items from draft users: names, not ids;
// strings trimmed; MACs hyphenated lowercase via state.FormatMAC (a MAC that
// is not valid goes as typed, for validation to name it); empty optional
// fields and empty list entries left out.
func BatchUsers(users []state.User) []BatchUser {
	out := make([]BatchUser, 0, len(users))
	for _, u := range users {
		b := BatchUser{
			Email:                  strings.TrimSpace(u.Email),
			FirstName:              strings.TrimSpace(u.FirstName),
			LastName:               strings.TrimSpace(u.LastName),
			CallingPlans:           nonEmpty(u.CallingPlans),
			SiteCode:               strings.TrimSpace(u.SiteCode),
			SiteName:               strings.TrimSpace(u.SiteName),
			TemplateName:           strings.TrimSpace(u.TemplateName),
			ExtensionNumber:        strings.TrimSpace(u.ExtensionNumber),
			PhoneNumbers:           nonEmpty(u.PhoneNumbers),
			OutboundCallerID:       strings.TrimSpace(u.OutboundCallerID),
			SelectOutboundCallerID: u.SelectOutboundCallerID,
			SMS:                    u.SMS,
		}
		if b.CallingPlans == nil {
			b.CallingPlans = []string{} // required: send [], never null
		}
		for _, d := range u.DeskPhones {
			p := BatchDeskPhone{
				Brand:             strings.TrimSpace(d.Brand),
				Model:             strings.TrimSpace(d.Model),
				MAC:               state.FormatMAC(strings.TrimSpace(d.MAC), "-"),
				ProvisionTemplate: strings.TrimSpace(d.ProvisionTemplate),
			}
			if p != (BatchDeskPhone{}) {
				b.DeskPhones = append(b.DeskPhones, p)
			}
		}
		out = append(out, b)
	}
	return out
}

func nonEmpty(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// BatchAddUsers sends POST /phone/users/batch once and returns the users
// Zoom reports created. It is NEVER retried here (Zoom has no idempotency
// key): on a transport error or 5xx the outcome is unknown and the caller
// must read the users back. Only a 401 code 124 (expired token, not acted
// on) is resent with a new token. IsNotSent(err) is true when nothing left
// this process.
func (c *Client) BatchAddUsers(ctx context.Context, users []BatchUser) ([]BatchResult, error) {
	if len(users) == 0 {
		return nil, &NotSentError{Err: fmt.Errorf("zoom: BatchAddUsers: no users to add")}
	}
	if len(users) > MaxBatch {
		return nil, &NotSentError{Err: fmt.Errorf("zoom: BatchAddUsers: %d users; Zoom takes at most %d per batch", len(users), MaxBatch)}
	}
	var raw json.RawMessage
	// Urgent for the rate limiter: in a run of drafts the next draft's
	// reads queue up behind this POST, and everything after it waits on it.
	if err := c.do(withUrgency(ctx), call{route: routeBatchAdd, segments: seg("phone/users/batch"), body: BatchRequest{Users: users}}, &raw); err != nil {
		return nil, err
	}
	return decodeBatchResults(raw)
}

// decodeBatchResults reads Zoom's documented array answer, and tolerates an
// object wrapping it in "users" should Zoom ever send one.
func decodeBatchResults(raw json.RawMessage) ([]BatchResult, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var out []BatchResult
	if raw[0] == '{' {
		var w struct {
			Users []BatchResult `json:"users"`
		}
		if err := json.Unmarshal(raw, &w); err != nil {
			return nil, fmt.Errorf("zoom: POST /phone/users/batch: unreadable answer: %w", err)
		}
		return w.Users, nil
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("zoom: POST /phone/users/batch: unreadable answer: %w", err)
	}
	return out, nil
}
