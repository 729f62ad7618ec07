package state

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Journal is the submission journal: an intent is written (and fsynced)
// before a batch is POSTed, and its outcome after, so a crash or a lost
// connection in between leaves an "outcome unknown" intent to reconcile
// before anything is resent (Zoom's batch endpoint has no idempotency key).
// It is an append-only JSON-lines file shared safely by zpadd processes.
type Journal struct {
	path     string
	lockPath string
	now      func() time.Time
	mu       sync.Mutex
}

// Intent is a batch about to be sent: the exact body and its sha256.
type Intent struct {
	ID        string
	DraftID   string
	DraftName string
	Body      []byte
	Hash      string // sha256 of Body, hex
	Time      time.Time
	// PID is the process that journalled the intent and sends it. While
	// that process holds the draft's lock the intent is in flight there;
	// once the OS has released the lock, its owner is gone (a crash) and the
	// intent must be reconciled.
	PID int
}

// OpenJournal opens (creating its folder 0700) the journal of h.
func OpenJournal(h Home) (*Journal, error) {
	if h.State == "" {
		return nil, errors.New("open journal: home folders are not set (use ResolveHome)")
	}
	dir := filepath.Join(h.State, "journal")
	for _, d := range []string{h.State, dir} {
		if err := ensureDir(d); err != nil {
			return nil, fmt.Errorf("open journal: %w", err)
		}
	}
	j := &Journal{
		path:     filepath.Join(dir, "journal.jsonl"),
		lockPath: filepath.Join(dir, "journal.lock"),
		now:      time.Now,
	}
	if err := tightenFile(j.path); err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	return j, nil
}

// Path is the journal file (for messages).
func (j *Journal) Path() string { return j.path }

// Begin records that body is about to be sent for a draft. It returns only
// once the record is on disk (fsynced): only then may the request go out.
func (j *Journal) Begin(draftID, draftName string, body []byte) (Intent, error) {
	sum := sha256.Sum256(body)
	in := Intent{
		ID:        newIntentID(j.now()),
		DraftID:   draftID,
		DraftName: draftName,
		Body:      append([]byte(nil), body...),
		Hash:      hex.EncodeToString(sum[:]),
		Time:      j.now().UTC(),
		PID:       os.Getpid(),
	}
	rec := journalRecord{Type: recordIntent, Intent: intentToRecord(in)}
	if err := j.append(rec); err != nil {
		return Intent{}, fmt.Errorf("journal the batch of draft %q before sending: %w; nothing was sent", draftName, err)
	}
	return in, nil
}

// Finish records the outcome of an intent, which also puts it in the
// history. Empty fields of sub are filled from the intent (ID, draft, Sent),
// Finished from the clock, Outcome from the results ("unknown" when any
// user's result is unknown). Finishing again later (a reconcile) replaces
// the outcome shown in History.
func (j *Journal) Finish(intentID string, sub Submission) error {
	recs, err := j.read()
	if err != nil {
		return err
	}
	var in *intentRecord
	for _, r := range recs {
		if r.Type == recordIntent && r.Intent != nil && r.Intent.ID == intentID {
			in = r.Intent
		}
	}
	if in == nil {
		return fmt.Errorf("journal %s has no intent %q to finish", j.path, intentID)
	}
	sub.ID = intentID
	if sub.DraftID == "" {
		sub.DraftID = in.DraftID
	}
	if sub.DraftName == "" {
		sub.DraftName = in.DraftName
	}
	if sub.Sent.IsZero() {
		sub.Sent = in.Time
	}
	if sub.Finished.IsZero() {
		sub.Finished = j.now().UTC()
	}
	if sub.Outcome == "" {
		sub.Outcome = OutcomeDone
		if _, _, _, unknown := sub.Counts(); unknown > 0 {
			sub.Outcome = OutcomeUnknown
		}
	}
	if err := j.append(journalRecord{Type: recordOutcome, Outcome: &sub}); err != nil {
		return fmt.Errorf("record the outcome of the batch of draft %q: %w", sub.DraftName, err)
	}
	return nil
}

// Unfinished returns the intents with no recorded outcome, oldest first:
// their requests may or may not have reached Zoom, so they must be
// reconciled (users read back) before anything is resent.
func (j *Journal) Unfinished() ([]Intent, error) {
	recs, err := j.read()
	if err != nil {
		return nil, err
	}
	finished := map[string]bool{}
	for _, r := range recs {
		if r.Type == recordOutcome && r.Outcome != nil {
			finished[r.Outcome.ID] = true
		}
	}
	var out []Intent
	for _, r := range recs {
		if r.Type == recordIntent && r.Intent != nil && !finished[r.Intent.ID] {
			out = append(out, r.Intent.toIntent())
			finished[r.Intent.ID] = true // a duplicated line counts once
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Time.Before(out[b].Time) })
	return out, nil
}

// newIntentID is sortable by time and unique across processes.
func newIntentID(now time.Time) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}
