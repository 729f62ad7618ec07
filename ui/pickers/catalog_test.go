package pickers

import (
	"strings"
	"testing"

	"zpadd/state"
)

// A plan held under two billing subscriptions is offered once per
// subscription, labelled with it and its availability, and chosen as
// "<name>:<subscription id>"; a plan under one subscription keeps its short
// name (zoom-api.md §4.2).
func TestPlansOfferEachBillingSubscription(t *testing.T) {
	c := &state.Catalog{Plans: []state.Plan{
		{Type: 200, ShortName: "US/CA Unlimited", Name: "US/CA Unlimited Calling Plan", Available: 5, SubscriptionID: "SUB-E", SubscriptionName: "East"},
		{Type: 200, ShortName: "US/CA Unlimited", Name: "US/CA Unlimited Calling Plan", Available: 7, SubscriptionID: "SUB-W", SubscriptionName: "West"},
		{Type: 100, ShortName: "US/CA Metered", Name: "US/CA Metered Calling Plan", Available: 3},
	}}
	byValue := map[string]Item{}
	for _, it := range Plans(c, map[string]int{"US/CA Unlimited:SUB-W": 2}, "") {
		byValue[it.Value] = it
	}
	east, west := byValue["US/CA Unlimited:SUB-E"], byValue["US/CA Unlimited:SUB-W"]
	if !strings.Contains(east.Label, "East") || !strings.Contains(east.Detail, "5 available") {
		t.Errorf("East item = %+v; want its subscription and 5 available", east)
	}
	if !strings.Contains(west.Label, "West") || !strings.Contains(west.Detail, "5 available") {
		t.Errorf("West item = %+v; want its subscription and 7-2 = 5 available", west)
	}
	if _, bare := byValue["US/CA Unlimited"]; bare {
		t.Error("the bare name is offered for a plan held under two subscriptions")
	}
	if m := byValue["US/CA Metered"]; m.Label != "US/CA Metered" {
		t.Errorf("single-subscription plan item = %+v; want the short name as today", m)
	}
}

// A bare name the account holds under several subscriptions is not kept
// ticked (it cannot be sent); other plans are.
func TestWithoutAmbiguousPlans(t *testing.T) {
	c := &state.Catalog{Plans: []state.Plan{
		{Type: 200, ShortName: "US/CA Unlimited", SubscriptionID: "SUB-E"},
		{Type: 200, ShortName: "US/CA Unlimited", SubscriptionID: "SUB-W"},
		{Type: 100, ShortName: "US/CA Metered"},
	}}
	got := WithoutAmbiguousPlans(c, []string{"US/CA Unlimited", "US/CA Metered", "US/CA Unlimited:SUB-W"})
	if strings.Join(got, ",") != "US/CA Metered,US/CA Unlimited:SUB-W" {
		t.Errorf("WithoutAmbiguousPlans = %v", got)
	}
}
