package submit

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
)

// maxHolderReads bounds the reads of readHolders in one pre-flight: a draft
// full of wrong numbers is told "not a phone number of this account" for
// those past it, rather than costing a request each.
const maxHolderReads = 10

// readHolders asks Zoom, number by number, about the draft's phone numbers
// that the known number list lacks. The list pre-flight and the cache hold
// is of unassigned numbers, so it cannot tell a number someone holds from
// one the account does not have. FindNumber reads the number's own record,
// whose assignee / assigned_list (zoom-api.md §5.4/§5.5) says who holds it,
// so validation says "is assigned to Ann Lee (ext 1204)" instead of "is not
// a phone number of this account". Only numbers already in trouble are
// read, and none already read by number (t): a draft whose numbers are
// all free costs nothing more.
func (pr *preflightRun) readHolders(ctx context.Context, live *state.Catalog, t *targetedReads) {
	if !live.Known[knownNumbers] {
		return // validation does not judge numbers without a list
	}
	listed := map[string]bool{}
	for _, n := range live.Numbers {
		listed[numberKey(n.Number)] = true
	}
	var missing []string
	for _, u := range pr.d.Users {
		for _, n := range u.PhoneNumbers {
			k := numberKey(e164(n))
			// A number read by number already has Zoom's own answer.
			if n != "" && !listed[k] && !t.numbersRd[k] && len(missing) < maxHolderReads {
				listed[k] = true
				missing = append(missing, e164(n))
			}
		}
	}
	var (
		g  errgroup.Group
		mu sync.Mutex
	)
	for _, n := range missing {
		g.Go(func() error {
			hit, err := pr.s.c.FindNumber(ctx, n)
			if err != nil || hit == nil {
				// Not the account's, or unreadable now: the list's verdict
				// stands, and the list stays known.
				return nil
			}
			mu.Lock()
			live.Numbers = append(live.Numbers, numberOf(*hit, ""))
			mu.Unlock()
			return nil
		})
	}
	_ = g.Wait()
}
