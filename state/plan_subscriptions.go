package state

import (
	"cmp"
	"strings"
)

// Accounts billed across several subscriptions hold the same plan under
// each; the batch then needs "<name>:<billing_subscription_id>" (or the
// subscription's name) to say which licences to use (zoom-api.md §4.2).
// With one subscription the short name stays as it is.

// PlanSubscriptions groups the catalog's plans by short name, for the
// plans held under more than one subscription.
func PlanSubscriptions(c *Catalog) map[string][]Plan {
	out := map[string][]Plan{}
	if c == nil {
		return out
	}
	for _, p := range c.Plans {
		if p.ShortName != "" && p.SubscriptionID+p.SubscriptionName != "" {
			out[p.ShortName] = append(out[p.ShortName], p)
		}
	}
	return out
}

// PlanWithSubscription is the batch name of p with its subscription.
func PlanWithSubscription(p Plan) string {
	return p.ShortName + ":" + cmp.Or(p.SubscriptionID, p.SubscriptionName)
}

// SubscriptionLabel names p's subscription for people: its name and id.
func SubscriptionLabel(p Plan) string {
	switch {
	case p.SubscriptionName != "" && p.SubscriptionID != "":
		return p.SubscriptionName + " (" + p.SubscriptionID + ")"
	}
	return cmp.Or(p.SubscriptionName, p.SubscriptionID)
}

// subscriptionOf finds the plan of subs a batch name's suffix names (by id
// or name, ignoring case).
func subscriptionOf(subs []*Plan, suffix string) *Plan {
	suffix = strings.TrimSpace(suffix)
	for _, p := range subs {
		if strings.EqualFold(p.SubscriptionID, suffix) || strings.EqualFold(p.SubscriptionName, suffix) {
			return p
		}
	}
	return nil
}

// subscriptionRules: where the account holds the plan under several
// subscriptions, the name must say which one, one the account has, with
// licences left; a suffix on a plan held under one subscription or none is
// refused by Zoom too.
func (v *validator) subscriptionRules(i int, field, name, short string) {
	if !v.idx.known("plans") {
		return
	}
	var subs []*Plan
	for _, p := range v.idx.plans[short] {
		if p.SubscriptionID+p.SubscriptionName != "" {
			subs = append(subs, p)
		}
	}
	_, suffix, hasSuffix := strings.Cut(name, ":")
	switch {
	case len(subs) < 2 && !hasSuffix:
		return
	case len(subs) < 2:
		if len(subs) == 1 && subscriptionOf(subs, suffix) != nil {
			return
		}
		v.add(i, field, Error, "%q names billing subscription %q, which the account does not hold %s under: use %q", name, suffix, short, short)
	case !hasSuffix:
		labels := make([]string, len(subs))
		for k, p := range subs {
			labels[k] = SubscriptionLabel(*p)
		}
		v.add(i, field, Error, "the account holds %s under %d billing subscriptions (%s): choose one, such as %q", short, len(subs), strings.Join(labels, ", "), PlanWithSubscription(*subs[0]))
	default:
		p := subscriptionOf(subs, suffix)
		switch {
		case p == nil:
			v.add(i, field, Error, "billing subscription %q does not hold %s on this account", suffix, short)
		case p.Available <= 0:
			v.add(i, field, Error, "no %s licences are left under billing subscription %s: choose another subscription or plan", short, SubscriptionLabel(*p))
		}
	}
}
