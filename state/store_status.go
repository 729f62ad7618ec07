package state

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Draft statuses, as List and `zpadd drafts --json` show them.
const (
	StatusDraft     = "draft"     // not submitted yet
	StatusSubmitted = "submitted" // every user created
	StatusPartial   = "partial"   // some users created, some refused
	StatusUnknown   = "unknown"   // sent, outcome not known yet
)

// statusFile is the sidecar beside a draft. The status lives apart from the
// draft so the submit workflow can set it while the editor holds the draft
// (and its next autosave cannot undo it).
type statusFile struct {
	Schema  int       `json:"schema"`
	Status  string    `json:"status"`
	Updated time.Time `json:"updated"`
}

// SetStatus records a draft's status: "draft", "submitted", "partial" or "unknown".
func (s *Store) SetStatus(id, status string) error {
	if err := checkDraftID(id); err != nil {
		return err
	}
	switch status {
	case StatusDraft, StatusSubmitted, StatusPartial, StatusUnknown:
	default:
		return fmt.Errorf("draft %s: status %q is not one of draft, submitted, partial, unknown", id, status)
	}
	if _, err := os.Stat(s.draftPath(id)); err != nil {
		return fmt.Errorf("set status of draft %s: %w", id, err)
	}
	raw, err := json.Marshal(statusFile{Schema: SchemaVersion, Status: status, Updated: s.now().UTC()})
	if err != nil {
		return err
	}
	return WriteFileAtomic(s.statusPath(id), raw)
}

// status reads a draft's status; a missing or unreadable sidecar means "draft".
func (s *Store) status(id string) string {
	raw, err := os.ReadFile(s.statusPath(id))
	if err != nil { // missing or unreadable
		return StatusDraft
	}
	var sf statusFile
	if json.Unmarshal(raw, &sf) != nil || sf.Status == "" {
		return StatusDraft
	}
	return sf.Status
}

// Status is the status of one draft ("draft" when never set).
func (s *Store) Status(id string) string {
	if checkDraftID(id) != nil {
		return StatusDraft
	}
	return s.status(id)
}
