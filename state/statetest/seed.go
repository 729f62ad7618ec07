// Package statetest builds local data for tests and benchmarks of other
// packages: a home as a helpdesk's year of use leaves it.
package statetest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"zpadd/state"
)

// SeedSubmittedDrafts fills home with n drafts of 10 users and a journal of
// n finished batches, each user created. The draft files are dated an hour
// back: a start trusts the draft list's index only for files older than a
// coarse clock's tick, as drafts saved on earlier days are.
func SeedSubmittedDrafts(tb testing.TB, home state.Home, n int) {
	tb.Helper()
	if err := home.Ensure(); err != nil {
		tb.Fatal(err)
	}
	store, err := state.OpenStore(home)
	if err != nil {
		tb.Fatal(err)
	}
	j, err := state.OpenJournal(home)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		d := state.NewDraft(fmt.Sprintf("batch %04d", i), state.Defaults{SiteName: "Main Site"})
		for k := range 10 {
			if _, err := d.AddUser(fmt.Sprintf("user%04d.%d@example.com", i, k)); err != nil {
				tb.Fatal(err)
			}
		}
		if err := store.Save(d); err != nil {
			tb.Fatal(err)
		}
		in, err := j.Begin(d.ID, d.Name, []byte(`{"users":[]}`))
		if err != nil {
			tb.Fatal(err)
		}
		var res []state.UserResult
		for _, u := range d.Users {
			res = append(res, state.UserResult{Email: u.Email, Status: state.ResultCreated, ID: "x"})
		}
		if err := j.Finish(in.ID, state.Submission{Results: res}); err != nil {
			tb.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	files, _ := os.ReadDir(store.Dir())
	for _, f := range files {
		_ = os.Chtimes(filepath.Join(store.Dir(), f.Name()), old, old)
	}
}
