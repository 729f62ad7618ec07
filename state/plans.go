package state

import (
	"encoding/json"
	"strings"
	"sync"

	"zpadd/assets"
)

// PlanName is a calling plan as the batch endpoint names it (Short), its
// package name (Long) and the integer type GET /phone/calling_plans returns.
// Inferred marks a type code derived from the names rather than stated by
// Zoom; Type is 0 where no code is known (the India plans).
type PlanName struct {
	Short    string
	Long     string
	Type     int
	Inferred bool
}

var (
	plansOnce   sync.Once
	plans       []PlanName
	planByType  map[int]string
	planByShort map[string]PlanName
	planByLong  map[string]string // lower-case package name -> short name
)

func loadPlans() {
	plansOnce.Do(func() {
		var f struct {
			Plans []struct {
				Short string `json:"short"`
				Long  string `json:"long"`
				Type  int    `json:"type"`
			} `json:"plans"`
		}
		if err := json.Unmarshal(assets.CallingPlansJSON, &f); err != nil {
			panic("zpadd: embedded calling plans: " + err.Error())
		}
		planByType = map[int]string{}
		planByShort = map[string]PlanName{}
		planByLong = map[string]string{}
		for _, p := range f.Plans {
			// Zoom states no name-to-code mapping at all, so every code we
			// hold is an inference; a plan with no code has nothing inferred.
			pn := PlanName{Short: p.Short, Long: p.Long, Type: p.Type, Inferred: p.Type != 0}
			plans = append(plans, pn)
			if p.Type != 0 {
				planByType[p.Type] = p.Short
			}
			planByShort[strings.ToLower(p.Short)] = pn
			planByLong[strings.ToLower(p.Long)] = p.Short
		}
	})
}

// CallingPlans lists the 22 plan names the batch endpoint takes, in Zoom's
// order. The slice is a copy.
func CallingPlans() []PlanName {
	loadPlans()
	return append([]PlanName(nil), plans...)
}

// ShortPlanName maps a GET /phone/calling_plans type code to the name the
// batch endpoint takes.
func ShortPlanName(planType int) (string, bool) {
	loadPlans()
	s, ok := planByType[planType]
	return s, ok
}

// shortPlanForLong maps a plan's package name ("United States/Canada
// Unlimited Calling Plan", any case) to its batch name; "" when unknown.
func shortPlanForLong(long string) string {
	loadPlans()
	return planByLong[strings.ToLower(long)]
}

// LookupPlan finds a batch plan name case-insensitively, ignoring a
// ":<billing subscription>" suffix (accounts with several subscriptions
// send "AU/NZ Metered:FT-SUBREF-21168178").
func LookupPlan(name string) (PlanName, bool) {
	loadPlans()
	base, _, _ := strings.Cut(name, ":")
	p, ok := planByShort[strings.ToLower(strings.TrimSpace(base))]
	return p, ok
}

// isIndiaPlan reports whether a plan name is one of the India plans, which
// need both site_name and site_code.
func isIndiaPlan(name string) bool {
	p, ok := LookupPlan(name)
	return ok && strings.HasPrefix(p.Short, "IN ")
}
