//go:build unix

package bench

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/state/statetest"
)

// seedLargeHome fills home with n drafts of 10 users and a journal of n
// finished batches: a helpdesk's year of use. The journal goes where
// `zpadd --sandbox` keeps it (each account profile, the sandbox's too, has
// its own state; drafts are shared), so the binary's first frame reads it.
func seedLargeHome(b testing.TB, dir string, n int) state.Home {
	b.Helper()
	h := state.HomeUnder(dir)
	h.State = filepath.Join(h.State, "sandbox")
	statetest.SeedSubmittedDrafts(b, h, n)
	return h
}

// BenchmarkHomeData1000 is what Home reads at start with 1,000 drafts and
// a 1,000-batch journal: the draft list, the history and the unfinished
// intents, as a new process reads them.
func BenchmarkHomeData1000(b *testing.B) {
	home := seedLargeHome(b, b.TempDir(), 1000)
	b.ResetTimer()
	for range b.N {
		store, err := state.OpenStore(home)
		if err != nil {
			b.Fatal(err)
		}
		j, err := state.OpenJournal(home)
		if err != nil {
			b.Fatal(err)
		}
		if ds, _, err := store.List(); err != nil || len(ds) != 1000 {
			b.Fatalf("list: %d drafts, %v", len(ds), err)
		}
		if h, err := j.History(); err != nil || len(h) != 1000 {
			b.Fatalf("history: %d, %v", len(h), err)
		}
		if _, err := j.Unfinished(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstFrame1000Drafts is BenchmarkFirstFrame with 1,000 drafts
// and a 1,000-batch journal (the goal: first frame within 100 ms).
//
//	go test -run '^$' -bench FirstFrame1000 -benchtime 10x ./bench
func BenchmarkFirstFrame1000Drafts(b *testing.B) {
	dir := b.TempDir()
	bin := buildBinary(b, dir)
	home := filepath.Join(dir, "home")
	seedLargeHome(b, home, 1000)
	warmCatalogCache(b, bin, home)
	env := benchEnv(home)
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		f, s := timeToText(b, bin, env, homeText, "--sandbox")
		b.StopTimer()
		times = append(times, f.after)
		if !strings.Contains(f.text, "batch 0999") && !strings.Contains(f.text, "batch") {
			b.Errorf("the first frame lists no draft\n%s", f.text)
		}
		s.quit(b)
		b.StartTimer()
	}
	reportPercentiles(b, times)
}
