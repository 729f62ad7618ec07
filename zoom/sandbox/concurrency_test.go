package sandbox

import (
	"fmt"
	"sync"
	"testing"
)

// Concurrent batches for the same extension: exactly one wins.
func TestConcurrentBatchesDoNotDoubleAssign(t *testing.T) {
	e := newEnv(t, Options{})
	var wg sync.WaitGroup
	statuses := make([]int, 8)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i], _ = e.call("POST", "/v2/phone/users/batch", batch(goodUser(free(i), "1300")))
			e.call("GET", "/v2/phone/users?keyword=1300", nil)
		}()
	}
	wg.Wait()
	wins := 0
	for _, s := range statuses {
		if s == 201 {
			wins++
		}
	}
	if wins != 1 {
		t.Fatalf("statuses %v: %d batches got extension 1300, want 1", statuses, wins)
	}
	if n := e.sb.CountRequests("", ""); n != 17 {
		t.Errorf("%s", fmt.Sprint("logged ", n, " requests, want 17 (token + 16)"))
	}
}
