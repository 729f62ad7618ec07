package zoom

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// Pending phone users (zoom-api.md §6.4, §11.6): accounts on Zoom
// Workplace bundles hold users who have the licence but not the Phone
// feature. GET /phone/users/{email} can succeed for them, with status
// "pending"; PUT /phone/users/batch with batch_type assign_pending_user
// (§4.5) makes them phone users.

var routeBatchUpdate = route{http.MethodPut, "/phone/users/batch", phoneLight}

// PhoneUserPending is the status of a phone user who holds the licence but
// not yet the Phone feature.
const PhoneUserPending = "pending"

// Pending reports a half phone user: found, but without the Phone feature.
func (u PhoneUser) Pending() bool { return strings.EqualFold(u.Status, PhoneUserPending) }

// BatchUpdateRequest is the body of PUT /phone/users/batch (§4.5).
type BatchUpdateRequest struct {
	BatchType string   `json:"batch_type"`
	UserIDs   []string `json:"user_ids"`
}

// AssignPendingRequest is the body that assigns pending users.
func AssignPendingRequest(userIDs []string) BatchUpdateRequest {
	return BatchUpdateRequest{BatchType: "assign_pending_user", UserIDs: userIDs}
}

// AssignPendingUsers sends PUT /phone/users/batch with batch_type
// assign_pending_user once (a write: never retried here; Zoom answers 204).
func (c *Client) AssignPendingUsers(ctx context.Context, req BatchUpdateRequest) error {
	if len(req.UserIDs) == 0 {
		return &NotSentError{Err: fmt.Errorf("zoom: AssignPendingUsers: no users")}
	}
	if len(req.UserIDs) > MaxBatch {
		return &NotSentError{Err: fmt.Errorf("zoom: AssignPendingUsers: %d users; Zoom takes at most %d", len(req.UserIDs), MaxBatch)}
	}
	return c.do(ctx, call{route: routeBatchUpdate, segments: seg("phone/users/batch"), body: req}, nil)
}
