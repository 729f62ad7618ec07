package state

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// List answers from its index for drafts whose files are unchanged (it
// does not read them again), and reads again any draft saved since.
func TestListUsesItsIndexAndSeesChanges(t *testing.T) {
	h := storeTestHome(t)
	st, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	a, b := NewDraft("alpha", Defaults{}), NewDraft("beta", Defaults{})
	for _, d := range []*Draft{a, b} {
		if err := st.Save(d); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour) // beyond the coarse-clock slack
	for _, d := range []*Draft{a, b} {
		if err := os.Chtimes(st.draftPath(d.ID), old, old); err != nil {
			t.Fatal(err)
		}
	}
	if ds, _, err := st.List(); err != nil || len(ds) != 2 {
		t.Fatalf("first list: %v %v", ds, err)
	}
	// Garble alpha's file in place, same size and time: a List that read
	// it would move it aside; one that trusts its index lists it as before.
	path := st.draftPath(a.ID)
	raw, _ := os.ReadFile(path)
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), len(raw)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	ds, moved, err := st.List()
	if err != nil || len(moved) != 0 || len(ds) != 2 {
		t.Fatalf("second list read the unchanged file again: %v moved %v err %v", ds, moved, err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	// A save changes the file: the next list shows the new name.
	b.Name = "beta renamed"
	if err := st.Save(b); err != nil {
		t.Fatal(err)
	}
	ds, _, _ = st.List()
	names := map[string]bool{}
	for _, d := range ds {
		names[d.Name] = true
	}
	if !names["beta renamed"] || !names["alpha"] {
		t.Errorf("after a save: %v, want alpha and beta renamed", ds)
	}
	// Without its index, List still works.
	_ = os.Remove(st.indexPath())
	if ds, _, err := st.List(); err != nil || len(ds) != 2 {
		t.Errorf("without the index: %v %v", ds, err)
	}
}

// A draft naming an emergency address is listed as such, from its file and
// from the index alike (Home loads only those drafts to look for follow-ups
// left undone); an index from before the field existed is not trusted.
func TestListSaysWhichDraftsNameAnEmergencyAddress(t *testing.T) {
	h := storeTestHome(t)
	st, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	with, without := NewDraft("with", Defaults{}), NewDraft("without", Defaults{})
	with.Users = []User{{Email: "a@example.com", EmergencyAddress: "EA1"}}
	without.Users = []User{{Email: "b@example.com"}}
	for _, d := range []*Draft{with, without} {
		if err := st.Save(d); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(st.draftPath(d.ID), old, old); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		ds, _, err := st.List()
		if err != nil || len(ds) != 2 {
			t.Fatalf("%s: %v %v", when, ds, err)
		}
		for _, d := range ds {
			if want := d.ID == with.ID; d.EmergencyAddresses != want {
				t.Errorf("%s: %q EmergencyAddresses = %v, want %v", when, d.Name, d.EmergencyAddresses, want)
			}
		}
	}
	check("from the files")
	check("from the index")
	// An index of the previous version has no such field: it must be
	// rebuilt, not read as "no address anywhere".
	idx := st.loadIndex()
	if len(idx.Entries) != 2 {
		t.Fatalf("index has %d entries, want 2", len(idx.Entries))
	}
	for id, e := range idx.Entries {
		e.Emergency = false
		idx.Entries[id] = e
	}
	idx.Version = draftIndexVersion - 1
	raw, _ := json.Marshal(idx)
	if err := os.WriteFile(st.indexPath(), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	check("after an older index")
}
