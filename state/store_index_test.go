package state

import (
	"bytes"
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
