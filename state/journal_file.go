package state

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/gofrs/flock"
)

// Journal record types, one JSON object per line.
const (
	recordIntent  = "intent"
	recordOutcome = "outcome"
)

type journalRecord struct {
	Type    string        `json:"type"`
	Intent  *intentRecord `json:"intent,omitempty"`
	Outcome *Submission   `json:"outcome,omitempty"`
	// The follow-up writes after a batch (journal_followup.go).
	FollowUp        *FollowUp        `json:"followup,omitempty"`
	FollowUpOutcome *FollowUpOutcome `json:"followup_outcome,omitempty"`
}

// intentRecord stores the body as text, not base64, so the journal can be
// read (and audited) by a person.
type intentRecord struct {
	ID        string `json:"id"`
	DraftID   string `json:"draft_id"`
	DraftName string `json:"draft_name"`
	Body      string `json:"body,omitempty"`
	// BodyBase64 holds a body that is not valid UTF-8 (JSON text would
	// silently replace its bad bytes and break the hash).
	BodyBase64 []byte    `json:"body_base64,omitempty"`
	Hash       string    `json:"sha256"`
	Time       time.Time `json:"time"`
	PID        int       `json:"pid,omitempty"`
}

func intentToRecord(in Intent) *intentRecord {
	r := &intentRecord{ID: in.ID, DraftID: in.DraftID, DraftName: in.DraftName, Hash: in.Hash, Time: in.Time, PID: in.PID}
	if utf8.Valid(in.Body) {
		r.Body = string(in.Body)
	} else {
		r.BodyBase64 = in.Body
	}
	return r
}

func (r *intentRecord) toIntent() Intent {
	body := []byte(r.Body)
	if r.BodyBase64 != nil {
		body = r.BodyBase64
	}
	return Intent{ID: r.ID, DraftID: r.DraftID, DraftName: r.DraftName, Body: body, Hash: r.Hash, Time: r.Time, PID: r.PID}
}

// append writes one record as a line and fsyncs it, under a file lock so
// two zpadd processes never interleave lines.
func (j *Journal) append(rec journalRecord) error {
	line, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := guardSecrets(j.path, line); err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	fl := flock.New(j.lockPath, flock.SetPermissions(filePerm))
	if err := fl.Lock(); err != nil {
		return fmt.Errorf("cannot lock journal %s: %w", j.lockPath, err)
	}
	defer func() { _ = fl.Unlock() }()

	_, statErr := os.Stat(j.path)
	created := errors.Is(statErr, fs.ErrNotExist)
	f, err := os.OpenFile(j.path, os.O_RDWR|os.O_CREATE|os.O_APPEND, filePerm)
	if err != nil {
		return fmt.Errorf("cannot open journal %s: %w", j.path, err)
	}
	defer f.Close()
	// A crash mid-append leaves a torn last line; start on a fresh line so
	// this record is not glued to it (the torn fragment is skipped on read).
	if torn, err := endsTorn(f); err != nil {
		return fmt.Errorf("cannot read journal %s: %w", j.path, err)
	} else if torn {
		line = append([]byte{'\n'}, line...)
	}
	line = append(line, '\n')
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("cannot write journal %s: %w", j.path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("cannot fsync journal %s: %w", j.path, err)
	}
	if created {
		if err := (osFS{}).SyncDir(filepath.Dir(j.path)); err != nil {
			return fmt.Errorf("cannot fsync journal folder of %s: %w", j.path, err)
		}
	}
	return nil
}

// endsTorn reports whether a non-empty file lacks its final newline.
func endsTorn(f *os.File) (bool, error) {
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return false, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], info.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// read returns every record that parses, in file order. Lines that do not
// parse (a torn last line from a crash) are skipped: a torn intent was never
// fully written, so its request was never sent.
func (j *Journal) read() ([]journalRecord, error) {
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read journal %s: %w", j.path, err)
	}
	defer f.Close()
	var recs []journalRecord
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadBytes('\n')
		if line = bytes.TrimSpace(line); len(line) > 0 {
			var rec journalRecord
			if json.Unmarshal(line, &rec) == nil {
				recs = append(recs, rec)
			}
		}
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read journal %s: %w", j.path, err)
		}
	}
}
