package submit

import (
	"context"
	"errors"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// On an account billed across two subscriptions for US/CA Unlimited (§4.2,
// §5.3) the catalog keeps each subscription's counts; a bare plan name is
// refused by pre-flight, naming the subscriptions, and "<name>:<id>" is
// sent and takes a licence from that subscription only.
func TestBillingSubscriptionsNeedTheSubscriptionInThePlanName(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{BillingSubscriptions: true}, Options{})
	cat := e.refresh()
	subs := state.PlanSubscriptions(cat)["US/CA Unlimited"]
	if len(subs) != 2 {
		t.Fatalf("catalog holds US/CA Unlimited under %d subscriptions, want 2: %+v", len(subs), cat.Plans)
	}
	d := mainSiteDraft(t, cat, 1)
	_, err := e.svc.Submit(context.Background(), d, nil)
	var be *BlockedError
	if !errors.As(err, &be) || !hasProblem(be.Problems.ForUser(0), "calling_plans[0]", "2 billing subscriptions") {
		t.Fatalf("Submit with the bare name = %v; want blocked naming the subscriptions", err)
	}
	west := subs[1]
	d.Users[0].CallingPlans = []string{state.PlanWithSubscription(west)}
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatalf("Submit with %q: %v", d.Users[0].CallingPlans[0], err)
	}
	requireAll(t, sub, StatusCreated)
	after := state.PlanSubscriptions(e.refresh())["US/CA Unlimited"]
	if after[1].Available != west.Available-1 || after[0].Available != subs[0].Available {
		t.Errorf("availability after = %d/%d, want %d/%d: only the chosen subscription's licence used",
			after[0].Available, after[1].Available, subs[0].Available, west.Available-1)
	}
}

// With one subscription the short names stay exactly as before.
func TestOneSubscriptionKeepsShortPlanNames(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	if subs := state.PlanSubscriptions(e.refresh()); len(subs) != 0 {
		t.Errorf("plans with subscriptions on a single-subscription account: %v", subs)
	}
}
