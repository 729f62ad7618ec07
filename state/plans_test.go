package state

import "testing"

// TestCallingPlans protects the 22 batch names, the inferred type codes and
// that India plans carry no code.
func TestCallingPlans(t *testing.T) {
	ps := CallingPlans()
	if len(ps) != 22 {
		t.Fatalf("%d plans; want the 22 names the batch endpoint takes", len(ps))
	}
	for _, p := range ps {
		india := len(p.Short) > 3 && p.Short[:3] == "IN "
		if india != (p.Type == 0) || p.Inferred != (p.Type != 0) || p.Long == "" {
			t.Errorf("plan %+v: India plans have no code, every code is inferred", p)
		}
	}
	for code, want := range map[int]string{100: "US/CA Metered", 200: "US/CA Unlimited", 202: "UK/Ireland Unlimited",
		1000: "Global Select", 3000: "Pro", 4010: "Power Pack", 600: "Beta"} {
		if got, ok := ShortPlanName(code); !ok || got != want {
			t.Errorf("ShortPlanName(%d) = %q, %v; want %q", code, got, ok, want)
		}
	}
	if _, ok := ShortPlanName(0); ok {
		t.Error("type 0 must not map to a plan")
	}
	if p, ok := LookupPlan(" au/nz metered:FT-SUBREF-21168178"); !ok || p.Short != "AU/NZ Metered" {
		t.Errorf("LookupPlan with subscription suffix = %+v, %v", p, ok)
	}
}
