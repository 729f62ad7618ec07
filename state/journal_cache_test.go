package state

import (
	"fmt"
	"os"
	"testing"
)

// The journal keeps what it read: a second read parses only lines
// appended since, including lines another process appended, and a journal
// file replaced or cut short is read again from the start.
func TestJournalReadsOnlyWhatWasAppended(t *testing.T) {
	j, h := journalTestOpen(t)
	other, err := OpenJournal(h) // another zpadd on the same home
	if err != nil {
		t.Fatal(err)
	}
	in, err := j.Begin("d1", "one", []byte(`{"users":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if open, _ := j.Unfinished(); len(open) != 1 {
		t.Fatalf("unfinished = %d, want 1", len(open))
	}
	offset := j.cache.offset
	if err := other.Finish(in.ID, Submission{Results: []UserResult{{Email: "a@example.com", Status: ResultCreated}}}); err != nil {
		t.Fatal(err)
	}
	hist, err := j.History()
	if err != nil || len(hist) != 1 {
		t.Fatalf("history after another process finished: %v %v", hist, err)
	}
	if open, _ := j.Unfinished(); len(open) != 0 {
		t.Errorf("unfinished = %d after the other process's outcome, want 0", len(open))
	}
	if j.cache.offset <= offset || len(j.cache.records) != 2 {
		t.Errorf("cache: offset %d (was %d), %d records; want it grown by the appended line", j.cache.offset, offset, len(j.cache.records))
	}
	// Changing what a read returned does not change the cache.
	hist[0].Results[0].Status = "tampered"
	again, _ := j.History()
	if again[0].Results[0].Status != ResultCreated {
		t.Errorf("a caller's change reached the cache: %q", again[0].Results[0].Status)
	}
	// A replaced, shorter file is read afresh.
	if err := os.WriteFile(j.Path(), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if hist, _ := j.History(); len(hist) != 0 {
		t.Errorf("history of an emptied journal = %d, want 0", len(hist))
	}
}

// A long journal is decoded in chunks side by side; the records still come
// back in file order, and a torn line among them is skipped, not fatal.
func TestLongJournalDecodesInFileOrderSkippingATornLine(t *testing.T) {
	var lines [][]byte
	for i := range 1500 {
		lines = append(lines, []byte(fmt.Sprintf(`{"type":"intent","intent":{"id":"i%04d","draft_id":"d","draft_name":"n"}}`, i)))
		if i == 700 {
			lines = append(lines, []byte(`{"type":"intent","intent":{"id":"torn`), []byte("  "))
		}
	}
	got := decodeRecords(lines)
	if len(got) != 1500 {
		t.Fatalf("%d records, want 1500 (the torn and blank lines skipped)", len(got))
	}
	for i, r := range got {
		if want := fmt.Sprintf("i%04d", i); r.Intent == nil || r.Intent.ID != want {
			t.Fatalf("record %d is %+v, want intent %s: file order lost", i, r.Intent, want)
		}
	}
}
