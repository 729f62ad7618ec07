package state

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func journalTestOpen(t *testing.T) (*Journal, Home) {
	t.Helper()
	h := storeTestHome(t)
	j, err := OpenJournal(h)
	if err != nil {
		t.Fatal(err)
	}
	return j, h
}

func TestJournalBeginIsUnfinishedUntilFinished(t *testing.T) {
	j, h := journalTestOpen(t)
	body := []byte(`{"users":[{"email":"a@example.com","extension_number":"101"}]}`)
	in, err := j.Begin("d1", "Batch one", body)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(body)
	if in.Hash != hex.EncodeToString(sum[:]) || !bytes.Equal(in.Body, body) || in.ID == "" || in.Time.IsZero() {
		t.Fatalf("intent = %+v", in)
	}
	// A new process (another Journal on the same home) sees it as unfinished.
	j2, err := OpenJournal(h)
	if err != nil {
		t.Fatal(err)
	}
	open, err := j2.Unfinished()
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || !reflect.DeepEqual(open[0].Body, in.Body) || open[0].ID != in.ID ||
		open[0].Hash != in.Hash || open[0].DraftName != "Batch one" || !open[0].Time.Equal(in.Time) {
		t.Fatalf("unfinished = %+v, want the intent", open)
	}
	results := []UserResult{{Email: "a@example.com", Status: ResultCreated, ID: "u1"}}
	if err := j2.Finish(in.ID, Submission{Results: results}); err != nil {
		t.Fatal(err)
	}
	if open, _ := j.Unfinished(); len(open) != 0 {
		t.Errorf("finished intent still unfinished: %+v", open)
	}
	hist, err := j.History()
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 {
		t.Fatalf("history = %+v", hist)
	}
	s := hist[0]
	if s.ID != in.ID || s.DraftID != "d1" || s.DraftName != "Batch one" || !s.Sent.Equal(in.Time) ||
		s.Finished.IsZero() || s.Outcome != OutcomeDone || !reflect.DeepEqual(s.Results, results) {
		t.Errorf("history entry = %+v", s)
	}
}

func TestJournalSurvivesATornLastLine(t *testing.T) {
	j, _ := journalTestOpen(t)
	done, _ := j.Begin("d1", "done batch", []byte(`{"users":[]}`))
	if err := j.Finish(done.ID, Submission{}); err != nil {
		t.Fatal(err)
	}
	pending, _ := j.Begin("d2", "pending batch", []byte(`{"users":[{"email":"p@example.com"}]}`))
	// A crash mid-append: half a record, no newline.
	f, err := os.OpenFile(j.Path(), os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"type":"outcome","outcome":{"id":"` + pending.ID + `","results":[{"email":"p@exa`)
	f.Close()

	open, err := j.Unfinished()
	if err != nil {
		t.Fatalf("reading a journal with a torn line: %v", err)
	}
	if len(open) != 1 || open[0].ID != pending.ID {
		t.Fatalf("unfinished = %+v, want only the pending intent (the torn outcome never completed)", open)
	}
	hist, err := j.History()
	if err != nil || len(hist) != 1 || hist[0].ID != done.ID {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	// The next record must not be glued to the torn fragment.
	next, err := j.Begin("d3", "after crash", []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	open, _ = j.Unfinished()
	if len(open) != 2 || open[1].ID != next.ID {
		t.Fatalf("unfinished after a new Begin = %+v, want pending and the new one", open)
	}
	if err := j.Finish(next.ID, Submission{}); err != nil {
		t.Fatal(err)
	}
	if hist, _ := j.History(); len(hist) != 2 {
		t.Errorf("history after finishing = %+v", hist)
	}
}

func TestJournalHistoryIsNewestFirstAndLatestOutcomeWins(t *testing.T) {
	j, _ := journalTestOpen(t)
	clock := &storeClock{t: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)}
	j.now = clock.now
	first, _ := j.Begin("d1", "first", []byte(`{}`))
	clock.advance(time.Minute)
	second, _ := j.Begin("d2", "second", []byte(`{}`))
	unknown := []UserResult{{Email: "a@example.com", Status: ResultUnknown}}
	if err := j.Finish(first.ID, Submission{Results: unknown}); err != nil {
		t.Fatal(err)
	}
	if err := j.Finish(second.ID, Submission{Results: []UserResult{{Email: "b@example.com", Status: ResultFailed, Error: "taken"}}}); err != nil {
		t.Fatal(err)
	}
	hist, _ := j.History()
	if len(hist) != 2 || hist[0].ID != second.ID || hist[1].ID != first.ID {
		t.Fatalf("history order = %+v, want newest sent first", hist)
	}
	if hist[1].Outcome != OutcomeUnknown {
		t.Errorf("outcome with an unknown user = %q, want unknown", hist[1].Outcome)
	}
	// Reconciled later: the user was created after all.
	if err := j.Finish(first.ID, Submission{Results: []UserResult{{Email: "a@example.com", Status: ResultCreated, ID: "u9"}}}); err != nil {
		t.Fatal(err)
	}
	hist, _ = j.History()
	if len(hist) != 2 || hist[1].Outcome != OutcomeDone || hist[1].Results[0].Status != ResultCreated {
		t.Errorf("after reconcile history = %+v, want the latest outcome for the first batch", hist)
	}
}

func TestJournalFinishOfUnknownIntentFails(t *testing.T) {
	j, _ := journalTestOpen(t)
	err := j.Finish("no-such-intent", Submission{})
	if err == nil || !strings.Contains(err.Error(), "no-such-intent") {
		t.Fatalf("Finish of a missing intent = %v", err)
	}
}

func TestJournalKeepsNonUTF8BodiesExactly(t *testing.T) {
	j, _ := journalTestOpen(t)
	body := []byte{'{', 0xff, 0xfe, '}'}
	in, err := j.Begin("d", "bin", body)
	if err != nil {
		t.Fatal(err)
	}
	open, _ := j.Unfinished()
	if len(open) != 1 || !bytes.Equal(open[0].Body, body) || open[0].Hash != in.Hash {
		t.Fatalf("body came back as %q", open[0].Body)
	}
}

func TestSubmissionCounts(t *testing.T) {
	s := Submission{Results: []UserResult{
		{Status: ResultCreated}, {Status: ResultCreated}, {Status: ResultFailed},
		{Status: ResultSkipped}, {Status: ResultUnknown}, {Status: "weird"},
	}}
	c, f, sk, u := s.Counts()
	if c != 2 || f != 1 || sk != 1 || u != 2 {
		t.Errorf("Counts = %d %d %d %d, want 2 1 1 2", c, f, sk, u)
	}
}

func TestJournalConcurrentAppendsKeepEveryRecord(t *testing.T) {
	j, h := journalTestOpen(t)
	j2, _ := OpenJournal(h)
	done := make(chan error, 2)
	for _, jj := range []*Journal{j, j2} {
		go func() {
			for range 20 {
				in, err := jj.Begin("d", "n", bytes.Repeat([]byte("x"), 5000))
				if err == nil {
					err = jj.Finish(in.ID, Submission{})
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	hist, _ := j.History()
	open, _ := j.Unfinished()
	if len(hist) != 40 || len(open) != 0 {
		t.Errorf("history %d, unfinished %d; want 40 and 0", len(hist), len(open))
	}
}
