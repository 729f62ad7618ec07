package bench

import (
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// latency is added by the sandbox to every request: one "round trip".
const latency = 50 * time.Millisecond

// benchEmails are seeded active users of the standard sandbox account who
// are not phone users yet.
var benchEmails = []string{
	"grace.wilson@example.com", "henry.moore@example.com", "isabel.taylor@example.com",
}

// sandboxService wires a service on sb over one store and journal of a
// fresh home, as main.go does, at share of Zoom's quotas (0: zpadd's
// default).
func sandboxService(b testing.TB, sb *sandbox.Sandbox, share float64) (*submit.Service, *zoom.Client, error) {
	return serviceAt(sb, state.HomeUnder(b.TempDir()), share)
}

// serviceAt is a service on sb over home's store and journal (a start of
// the binary on that home), at share of Zoom's quotas (0: the default).
func serviceAt(sb *sandbox.Sandbox, home state.Home, share float64) (*submit.Service, *zoom.Client, error) {
	if err := home.Ensure(); err != nil {
		return nil, nil, err
	}
	st, err := state.OpenStore(home)
	if err != nil {
		return nil, nil, err
	}
	j, err := state.OpenJournal(home)
	if err != nil {
		return nil, nil, err
	}
	c, err := zoom.New(submit.SandboxConfig(zoom.Config{RateShare: share}, sb))
	if err != nil {
		return nil, nil, err
	}
	return submit.New(c, home, j, submit.Options{Store: st}), c, nil
}
