package state

import (
	"math/rand/v2"
	"reflect"
	"syscall"
	"testing"
	"time"
)

// A process saving a draft over and over is killed (SIGKILL: no cleanup,
// no deferred code) at random moments. Every time, the draft on disk must
// parse and be exactly one of the versions written, never a mix or a tear,
// and versions never go backwards.
func TestDraftOnDiskSurvivesKillMidSave(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns 30 processes")
	}
	s, h := storeTestStore(t)
	if err := s.Save(crashVersion(0)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	last := 0
	const rounds = 30
	for round := range rounds {
		child, _ := storeStartChild(t, "crash-saver", h.root, "saving")
		time.Sleep(time.Duration(rng.IntN(30_000)) * time.Microsecond)
		if err := child.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = child.Wait()

		got, err := s.Load("crash")
		if err != nil {
			t.Fatalf("round %d: draft on disk does not load after kill: %v", round, err)
		}
		v, ok := crashVersionOf(got)
		if !ok {
			t.Fatalf("round %d: draft name %q is no version", round, got.Name)
		}
		want := crashVersion(v)
		if got.Name != want.Name || !reflect.DeepEqual(got.Users, want.Users) || !reflect.DeepEqual(got.Defaults, want.Defaults) {
			t.Fatalf("round %d: draft on disk is not version %d as written:\n got %+v\nwant %+v", round, v, got, want)
		}
		if v < last {
			t.Fatalf("round %d: version went back from %d to %d", round, last, v)
		}
		last = v
	}
	if last < rounds {
		t.Errorf("only %d versions saved in %d rounds; the children barely ran", last, rounds)
	}
	t.Logf("%d rounds, last version on disk %d", rounds, last)
}
