package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ResyncSpacing is how often Zoom takes a desk-phone resync (POST
// /phone/devices/sync: "one request every 15 minutes", Zoom's Phone OpenAPI
// document; zoom-api.md §11.6).
const ResyncSpacing = 15 * time.Minute

// resyncFile remembers when a resync was last sent from this home (one per
// profile), so a second one inside 15 minutes is refused here, across runs,
// instead of by Zoom.
type resyncFile struct {
	Schema int       `json:"schema"`
	Last   time.Time `json:"last"`
	SiteID string    `json:"site_id,omitempty"`
}

func resyncPath(h Home) string { return filepath.Join(h.State, "last-resync.json") }

// LastResync is when a resync was last sent (zero when never, or when the
// file is unreadable: then Zoom's own refusal is the guard).
func LastResync(h Home) time.Time {
	raw, err := os.ReadFile(resyncPath(h))
	if err != nil {
		return time.Time{}
	}
	var f resyncFile
	if json.Unmarshal(raw, &f) != nil || f.Schema > SchemaVersion {
		return time.Time{}
	}
	return f.Last
}

// RecordResync remembers that a resync was sent at t (siteID for people
// reading the file; the spacing is per account).
func RecordResync(h Home, t time.Time, siteID string) error {
	if h.State == "" {
		return errors.New("record resync: home folders are not set")
	}
	if err := ensureDir(h.State); err != nil {
		return fmt.Errorf("record resync: %w", err)
	}
	raw, err := json.Marshal(resyncFile{Schema: SchemaVersion, Last: t.UTC(), SiteID: siteID})
	if err != nil {
		return err
	}
	return WriteFileAtomic(resyncPath(h), append(raw, '\n'))
}

// ForgetResync drops the record (a resync that was never sent).
func ForgetResync(h Home) error {
	if err := os.Remove(resyncPath(h)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
