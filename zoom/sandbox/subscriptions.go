package sandbox

import (
	"fmt"
	"strings"
)

// Accounts billed across several subscriptions (zoom-api.md §4.2, §5.3):
// GET /phone/calling_plans lists the same plan type once per subscription,
// with billing_subscription_id and _name, and a batch names the one to use
// as "<name>:<billing_subscription_id or name>". Options.BillingSubscriptions
// plays US/CA Unlimited (200) split over two subscriptions.

type billingSubscription struct{ ID, Name string }

var billingSubscriptions = map[int][]billingSubscription{
	200: {{ID: "FT-SUBREF-21168178", Name: "US East"}, {ID: "FT-SUBREF-21168179", Name: "US West"}},
}

// subscriptionsLocked are the subscriptions a plan type is held under.
func (s *Sandbox) subscriptionsLocked(planType int) []billingSubscription {
	if !s.opts.BillingSubscriptions {
		return nil
	}
	return billingSubscriptions[planType]
}

// subscriptionCounts splits a plan's seeded licences evenly over its
// subscriptions and adds what batches assigned under each.
func (p *callingPlan) subscriptionCounts(subs []billingSubscription, k int) (subscribed, assigned int) {
	share := func(total int) int {
		n := total / len(subs)
		if k < total%len(subs) {
			n++
		}
		return n
	}
	fromBatches := 0
	for _, n := range p.SubAssigned {
		fromBatches += n
	}
	return share(p.Subscribed), share(p.Assigned-fromBatches) + p.SubAssigned[subs[k].ID]
}

// resolveSubscription finds the id of the subscription a batch names (by
// id or name) for a plan; a non-empty msg is the refusal instead.
func (s *Sandbox) resolveSubscription(p *callingPlan, short, sub string, hasSub bool) (id string, msg string) {
	subs := s.subscriptionsLocked(p.Type)
	switch {
	case len(subs) == 0 && hasSub:
		return "", fmt.Sprintf("Billing subscription %q does not exist on this account.", sub)
	case len(subs) == 0:
		return "", ""
	case !hasSub:
		return "", fmt.Sprintf("Calling plan %s is held under several billing subscriptions: send it as %q.", short, short+":"+subs[0].ID)
	}
	for k, b := range subs {
		if strings.EqualFold(b.ID, sub) || strings.EqualFold(b.Name, sub) {
			subscribed, assigned := p.subscriptionCounts(subs, k)
			if subscribed-assigned <= 0 {
				return "", fmt.Sprintf("No licences left for calling plan %s under billing subscription %s.", short, b.Name)
			}
			return b.ID, ""
		}
	}
	return "", fmt.Sprintf("Billing subscription %q does not hold calling plan %s.", sub, short)
}
