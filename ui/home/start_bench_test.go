package home

import (
	"testing"

	"zpadd/state"
	"zpadd/state/statetest"
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
	statetest.SeedSubmittedDrafts(b, home, 1000)
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
