package sandbox

// batchPlanTypes maps the 22 calling-plan names the batch endpoint accepts
// to the plan codes of GET /phone/calling_plans. The mapping is inferred
// from the names (Zoom does not state it); India plans have no published
// code, so they map to 0 and an account never has them.
var batchPlanTypes = map[string]int{
	"AU/NZ Metered":                   101,
	"AU/NZ Unlimited":                 201,
	"UK/Ireland Metered":              102,
	"UK/Ireland Unlimited":            202,
	"US/CA Metered":                   100,
	"US/CA Unlimited":                 200,
	"Europe Zone A Metered":           103,
	"Europe Zone A Unlimited":         203,
	"Europe Zone B Metered":           104,
	"Europe Zone B Unlimited":         204,
	"JP Metered":                      107,
	"JP Unlimited":                    207,
	"IN Metered":                      0,
	"IN Unlimited":                    0,
	"IN Pro":                          0,
	"IN International Calling Add-On": 0,
	"Global Select Metered":           1001,
	"Global Select":                   1000,
	"International Calling Add-On":    4000,
	"Beta":                            600,
	"Pro":                             3000,
	"Power Pack":                      4010,
}

// batchPlanType returns the plan code of an accepted batch name. Names
// are matched exactly, as a strict server would.
func batchPlanType(name string) (int, bool) {
	code, ok := batchPlanTypes[name]
	return code, ok
}
