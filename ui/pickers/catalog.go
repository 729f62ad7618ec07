package pickers

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"zpadd/state"
)

// SiteByName finds a site by name or code (case-insensitive).
func SiteByName(c *state.Catalog, nameOrCode string) (state.Site, bool) {
	if c == nil || nameOrCode == "" {
		return state.Site{}, false
	}
	for _, s := range c.Sites {
		if strings.EqualFold(s.Name, nameOrCode) || (s.Code != "" && strings.EqualFold(s.Code, nameOrCode)) {
			return s, true
		}
	}
	return state.Site{}, false
}

// Sites lists the account's sites.
func Sites(c *state.Catalog) []Item {
	if c == nil {
		return nil
	}
	items := make([]Item, 0, len(c.Sites))
	for _, s := range c.Sites {
		var d []string
		if s.Code != "" {
			d = append(d, "code "+s.Code)
		}
		if s.Country != "" {
			d = append(d, s.Country)
		}
		if s.ExtensionLength > 0 {
			d = append(d, fmt.Sprintf("%d-digit extensions", s.ExtensionLength))
		}
		items = append(items, Item{Value: s.Name, Label: s.Name, Detail: strings.Join(d, " · ")})
	}
	return items
}

// Templates lists the user setting templates of one site (only "user"
// templates may go in a batch).
func Templates(c *state.Catalog, site string) []Item {
	s, ok := SiteByName(c, site)
	if !ok {
		return nil
	}
	var items []Item
	for _, t := range c.Templates {
		if t.SiteID == s.ID && strings.EqualFold(t.Type, "user") {
			items = append(items, Item{Value: t.Name, Label: t.Name})
		}
	}
	return items
}

// Plans lists the calling plans the batch takes by short name, with their
// available counts from the catalog when known; inUse is how many of each
// this batch already uses (so the count shown is what is left). The plans
// sold for the site's country come first (site: name or code; "" keeps
// Zoom's order); a plan with none left is shown but cannot be chosen.
func Plans(c *state.Catalog, inUse map[string]int, site string) []Item {
	var items []Item
	seen := map[string]bool{}
	if c != nil {
		subs := state.PlanSubscriptions(c)
		for _, p := range c.Plans {
			name := p.ShortName
			if name == "" {
				continue
			}
			if len(subs[name]) > 1 {
				// Held under several billing subscriptions: one item each,
				// sent as "<name>:<subscription>" (zoom-api.md §4.2).
				value := state.PlanWithSubscription(p)
				items = append(items, Item{Value: value, Label: name + " · " + state.SubscriptionLabel(p),
					Detail: fmt.Sprintf("%d available · %s", p.Available-inUse[value], p.Name)})
				seen[name] = true
				continue
			}
			left := p.Available - inUse[name]
			items = append(items, Item{Value: name, Label: name, Disabled: left <= 0,
				Detail: fmt.Sprintf("%d available · %s", left, p.Name)})
			seen[name] = true
		}
	}
	// Plans the account's list does not show are still valid batch names;
	// list them after, without counts.
	for _, p := range state.CallingPlans() {
		if !seen[p.Short] {
			items = append(items, Item{Value: p.Short, Label: p.Short, Detail: "availability unknown"})
			seen[p.Short] = true
		}
	}
	country := ""
	if s, ok := SiteByName(c, site); ok {
		country = s.Country
	}
	// The country's plans first, and within each group the plans that can
	// be chosen before those with none left.
	slices.SortStableFunc(items, func(a, b Item) int {
		if d := boolRank(state.PlanServesCountry(a.Value, country)) - boolRank(state.PlanServesCountry(b.Value, country)); d != 0 {
			return d
		}
		return boolRank(!a.Disabled) - boolRank(!b.Disabled)
	})
	return items
}

// boolRank sorts true first.
func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// ProvisionTemplates lists the account's desk-phone provision templates.
func ProvisionTemplates(c *state.Catalog) []Item {
	if c == nil {
		return nil
	}
	items := make([]Item, 0, len(c.ProvisionTemplates))
	for _, p := range c.ProvisionTemplates {
		items = append(items, Item{Value: p.Name, Label: p.Name})
	}
	return items
}

// Brands lists desk-phone brands from the device catalog (Zoom's published
// list first).
func Brands() []Item {
	var items []Item
	for _, b := range state.Devices().Brands() {
		d := ""
		if len(b.Alt) > 0 {
			d = "also " + strings.Join(b.Alt, ", ")
		}
		items = append(items, Item{Value: b.Name, Label: b.Name, Detail: d})
	}
	return items
}

// Models lists one brand's models; unconfirmed ones say so.
func Models(brand string) []Item {
	var items []Item
	for _, b := range state.Devices().Brands() {
		if !strings.EqualFold(b.Name, brand) && !containsFold(b.Alt, brand) {
			continue
		}
		for _, m := range b.Models {
			d := ""
			if !m.Confirmed {
				d = "not on Zoom's published list"
			}
			items = append(items, Item{Value: m.ID, Label: m.ID, Detail: d})
		}
	}
	return items
}

func containsFold(vs []string, v string) bool {
	for _, x := range vs {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// Only is the value of a list with exactly one choosable item: a field with
// one option is filled without asking.
func Only(items []Item) (string, bool) {
	v, n := "", 0
	for _, it := range items {
		if !it.Disabled {
			v, n = it.Value, n+1
		}
	}
	return v, n == 1
}

// Has reports whether v is one of the items' values (case-insensitive).
func Has(items []Item, v string) bool {
	for _, it := range items {
		if strings.EqualFold(it.Value, v) {
			return true
		}
	}
	return false
}

// ErrNoBrand is why the model list cannot open yet.
var ErrNoBrand = errors.New("choose the desk-phone brand first: models belong to a brand")

// ModelsFor lists a brand's models, or says the brand comes first.
func ModelsFor(brand string) ([]Item, error) {
	if strings.TrimSpace(brand) == "" {
		return nil, ErrNoBrand
	}
	return Models(brand), nil
}

// WithoutAmbiguousPlans drops from a current selection the bare plan names
// the account holds under several billing subscriptions: they cannot be
// sent as they are, and the picker offers one item per subscription
// instead, so the operator's choice replaces them.
func WithoutAmbiguousPlans(c *state.Catalog, cur []string) []string {
	subs := state.PlanSubscriptions(c)
	out := cur[:0:0]
	for _, p := range cur {
		if len(subs[strings.TrimSpace(p)]) > 1 {
			continue
		}
		out = append(out, p)
	}
	return out
}
