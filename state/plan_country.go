package state

import "strings"

// planRegions maps a site's ISO country to the prefix of the calling plans
// sold for it ("UK/Ireland Unlimited" for GB). Plans outside this table
// (Europe zones, Global Select, Pro, add-ons) serve no single country and
// are listed after the country's own.
var planRegions = map[string]string{
	"US": "US/CA ", "CA": "US/CA ",
	"GB": "UK/Ireland ", "IE": "UK/Ireland ",
	"AU": "AU/NZ ", "NZ": "AU/NZ ",
	"JP": "JP ",
	"IN": "IN ",
}

// PlanServesCountry reports whether the plan with this batch name is the
// one sold for the country (ISO 3166 alpha-2, any case).
func PlanServesCountry(short, country string) bool {
	p, ok := planRegions[strings.ToUpper(country)]
	return ok && strings.HasPrefix(short, p)
}
