package submit

import (
	"context"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// Poly Edge phones (zoom-api.md §11.5): on an account that already holds
// some, their MACs are found; a new one is added under brand Poly with its
// hyphenated model id, pre-flight does not doubt Poly for a Polycom MAC
// prefix, and verification reads it back as "Poly edge-e220".
func TestPolyEdgeDeskPhones(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{PolyEdgeDevices: true}, Options{})
	if found, err := e.svc.CheckMAC(context.Background(), "64-16-7F-0E-22-01"); err != nil || !found {
		t.Errorf("CheckMAC of the account's Edge E220 = %v, %v; want found", found, err)
	}
	d := mainSiteDraft(t, e.refresh(), 1)
	d.Users[0].DeskPhones = []state.DeskPhone{{MAC: "64167f0e2299", Brand: "Poly", Model: "edge-e220"}}
	ps, err := e.svc.Preflight(context.Background(), d, nil)
	if err != nil || ps.Blocking() {
		t.Fatalf("Preflight = %v, %v", ps, err)
	}
	for _, p := range ps.ForUser(0) {
		if strings.HasPrefix(p.Field, "desk_phones") {
			t.Errorf("pre-flight doubts a Poly Edge E220 with a Poly MAC: %s: %s", p.Field, p.Message)
		}
	}
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	var detail string
	for _, c := range sub.Results[0].Checks {
		if c.Name == CheckDeskPhone {
			detail = c.Detail
		}
	}
	if !strings.Contains(detail, "registered as Poly edge-e220") {
		t.Errorf("desk phone check = %q; want it read back as Poly edge-e220", detail)
	}
}
