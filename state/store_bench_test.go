package state

import "testing"

// BenchmarkSaveDraft is one autosave of a full 10-user draft, fsyncs
// included: the cost of every keystroke-triggered save in the wizard.
func BenchmarkSaveDraft(b *testing.B) {
	s, _ := storeTestStore(b)
	d := storeSampleDraft("bench", MaxUsers)
	l, err := s.Lock(d.ID)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Release()
	for b.Loop() {
		if err := s.Save(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveDraftUnlocked is the same save by a process that did not
// Lock the draft (zpadd import): it pays for a transient lock.
func BenchmarkSaveDraftUnlocked(b *testing.B) {
	s, _ := storeTestStore(b)
	d := storeSampleDraft("bench", MaxUsers)
	for b.Loop() {
		if err := s.Save(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJournalBegin is the durable intent written before each POST.
func BenchmarkJournalBegin(b *testing.B) {
	h := storeTestHome(b)
	j, err := OpenJournal(h)
	if err != nil {
		b.Fatal(err)
	}
	body := make([]byte, 4096)
	for i := range body {
		body[i] = 'a'
	}
	for b.Loop() {
		if _, err := j.Begin("d", "n", body); err != nil {
			b.Fatal(err)
		}
	}
}
