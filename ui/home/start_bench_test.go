package home

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// BenchmarkHomeStart1000 is Home's start (what it reads, then its first
// View) in a new process's state: 1,000 drafts of 10 users and a journal of
// 1,000 finished batches. BenchmarkFirstFrame1000Drafts in bench/ times the
// same through the binary; this one can be profiled.
func BenchmarkHomeStart1000(b *testing.B) {
	home := state.HomeUnder(b.TempDir())
	if err := home.Ensure(); err != nil {
		b.Fatal(err)
	}
	store, _ := state.OpenStore(home)
	journal, _ := state.OpenJournal(home)
	for i := range 1000 {
		d := state.NewDraft(fmt.Sprintf("batch %04d", i), state.Defaults{SiteName: "Main Site"})
		for k := range 10 {
			if _, err := d.AddUser(fmt.Sprintf("user%04d.%d@example.com", i, k)); err != nil {
				b.Fatal(err)
			}
		}
		if err := store.Save(d); err != nil {
			b.Fatal(err)
		}
		in, err := journal.Begin(d.ID, d.Name, []byte(`{"users":[]}`))
		if err != nil {
			b.Fatal(err)
		}
		var res []state.UserResult
		for _, u := range d.Users {
			res = append(res, state.UserResult{Email: u.Email, Status: state.ResultCreated, ID: "x"})
		}
		if err := journal.Finish(in.ID, state.Submission{Results: res}); err != nil {
			b.Fatal(err)
		}
	}
	// Saved earlier, not in the last seconds (a start trusts the draft
	// list's index only for files older than a coarse clock's tick).
	old := time.Now().Add(-time.Hour)
	files, _ := os.ReadDir(store.Dir())
	for _, f := range files {
		_ = os.Chtimes(filepath.Join(store.Dir(), f.Name()), old, old)
	}
	sb := sandbox.New(sandbox.Options{})
	b.ResetTimer()
	for range b.N {
		store, _ := state.OpenStore(home)
		journal, _ := state.OpenJournal(home)
		svc, _, err := submit.NewForSandbox(sb, home, store, journal)
		if err != nil {
			b.Fatal(err)
		}
		ctx := &common.Context{Styles: styles.New(true), Home: home, Store: store, Journal: journal, Service: svc, Width: 100, Height: 30}
		m := New(ctx, common.Navigate{}).(*Model)
		_ = m.View()
	}
}
