package submit

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"zpadd/state"
	"zpadd/zoom"
)

// Run submits several drafts in one go (`zpadd submit A B C…`) at close to
// the batch endpoint's rate: the lists every draft needs (sites, a site's
// details and templates, plans, and whole lists where they are cheaper than
// the run's targeted reads) are read once for the run, and the next draft's
// pre-flight runs while the current draft is POSTed and verified. Each draft
// still goes through Submit, so the journal and never-twice guarantees are
// exactly those of a single submit; a pre-flight that ran before an
// earlier draft's POST is completed by a local check against the users
// this run already sent (same email, extension at a site, number or MAC).
type Run struct {
	s      *Service
	drafts []*state.Draft
	reads  sharedReads

	mu       sync.Mutex
	prefetch map[int]*prefetched // by draft index
	sent     []state.User        // users this run sent whose creation is not ruled out
	dup      map[string]bool     // draft ids given more than once: not prefetched
	plansOf  map[string]planNote // by draft id: Submit works on snapshots
}

// planNote is the plan availability a draft's pre-flight checked against,
// and how many of the run's sent users it had already counted.
type planNote struct {
	plans  []state.Plan
	sentAt int
}

// notePlans records what d's pre-flight knew of the licences.
func (r *Run) notePlans(d *state.Draft, plans []state.Plan, sentAt int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.plansOf == nil {
		r.plansOf = map[string]planNote{}
	}
	r.plansOf[d.ID] = planNote{plans: append([]state.Plan(nil), plans...), sentAt: sentAt}
}

// licenceProblems reports the plans d needs more of than are left once the
// users the run sent after d's pre-flight read them are counted.
func (r *Run) licenceProblems(d *state.Draft) state.Problems {
	r.mu.Lock()
	note, ok := r.plansOf[d.ID]
	r.mu.Unlock()
	if !ok {
		return nil
	}
	since := r.sentSince(note.sentAt)
	if len(since) == 0 {
		return nil
	}
	takeLicences(note.plans, since)
	need := map[string]int{}
	for _, u := range d.Users {
		for _, name := range u.CallingPlans {
			need[strings.ToLower(strings.TrimSpace(name))]++
		}
	}
	var out state.Problems
	for i, u := range d.Users {
		for k, name := range u.CallingPlans {
			key := strings.ToLower(strings.TrimSpace(name))
			left, known := 0, false
			for _, p := range note.plans {
				if strings.EqualFold(p.ShortName, key) || strings.EqualFold(p.Name, key) {
					left, known = left+p.Available, true
				}
			}
			if known && need[key] > left {
				out = append(out, state.Problem{User: i, Email: u.Email, Field: fmt.Sprintf("calling_plans[%d]", k), Severity: state.Error,
					Message: fmt.Sprintf("%d user(s) need %s but only %d licence(s) are left after the earlier batches of this run", need[key], name, max(left, 0))})
			}
		}
	}
	return out
}

// prefetched is a pre-flight started ahead of its draft's turn.
type prefetched struct {
	hash     string
	done     chan struct{}
	problems state.Problems
	err      error
}

// NewRun prepares a run over drafts (in the order they will be sent).
func (s *Service) NewRun(drafts []*state.Draft) *Run {
	r := &Run{s: s, drafts: drafts, prefetch: map[int]*prefetched{}, dup: map[string]bool{}}
	r.reads.run = r
	seen := map[string]bool{}
	for _, d := range drafts {
		if d != nil && seen[d.ID] {
			r.dup[d.ID] = true
		}
		if d != nil {
			seen[d.ID] = true
		}
	}
	return r
}

type runKey struct{}

func runFrom(ctx context.Context) *Run {
	r, _ := ctx.Value(runKey{}).(*Run)
	return r
}

// Submit submits draft i of the run (see Service.Submit), first starting
// the pre-flight of draft i+1 so it overlaps this draft's POST.
func (r *Run) Submit(ctx context.Context, i int, ev func(Event)) (*state.Submission, error) {
	return r.SubmitVia(ctx, i, func(ctx context.Context) (*state.Submission, error) { return r.s.Submit(ctx, r.drafts[i], ev) })
}

// SubmitVia is Submit through submit, which must send draft i with the
// context it is given (a Session's Submit, which holds the draft's lock).
func (r *Run) SubmitVia(ctx context.Context, i int, submit func(context.Context) (*state.Submission, error)) (*state.Submission, error) {
	d := r.drafts[i]
	ctx = context.WithValue(ctx, runKey{}, r)
	r.startPrefetch(ctx, i) // usually already running, started by draft i-1
	r.startPrefetch(ctx, i+1)
	sub, err := submit(ctx)
	if sub != nil {
		r.mu.Lock()
		for k, res := range sub.Results {
			if res.Status != StatusFailed && res.Status != StatusSkipped && k < len(d.Users) {
				r.sent = append(r.sent, d.Users[k])
			}
		}
		r.mu.Unlock()
	}
	return sub, err
}

// startPrefetch starts draft i's pre-flight unless it has one, is given
// twice in the run, or is being resumed (its body then differs and the
// prefetch would go unused).
func (r *Run) startPrefetch(ctx context.Context, i int) {
	if i < 0 || i >= len(r.drafts) || r.drafts[i] == nil || len(r.drafts[i].Users) == 0 || r.dup[r.drafts[i].ID] {
		return
	}
	r.mu.Lock()
	if _, ok := r.prefetch[i]; ok {
		r.mu.Unlock()
		return
	}
	d := r.drafts[i]
	body, err := Body(d)
	if err != nil {
		r.mu.Unlock()
		return
	}
	p := &prefetched{hash: bodyHash(body), done: make(chan struct{})}
	r.prefetch[i] = p
	r.mu.Unlock()
	go func() {
		defer close(p.done)
		p.problems, p.err = r.s.preflight(ctx, d, newEmitter(nil))
	}()
}

// prefetchedFor waits for and hands out the prefetched pre-flight of the
// body with this hash, once; ok is false when there is none.
func (r *Run) prefetchedFor(ctx context.Context, hash string) (state.Problems, error, bool) {
	if r == nil {
		return nil, nil, false
	}
	r.mu.Lock()
	var p *prefetched
	for i, c := range r.prefetch {
		if c != nil && c.hash == hash {
			p = c
			r.prefetch[i] = nil // used once
			break
		}
	}
	r.mu.Unlock()
	if p == nil {
		return nil, nil, false
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		return nil, ctx.Err(), true
	}
	return p.problems, p.err, true
}

// againstSent reports the users of d that collide with users this run
// already sent: a pre-flight that ran before their POST could not see them.
func (r *Run) againstSent(d *state.Draft) state.Problems {
	r.mu.Lock()
	sent := append([]state.User(nil), r.sent...)
	r.mu.Unlock()
	if len(sent) == 0 {
		return nil
	}
	out := r.licenceProblems(d)
	emails, exts, numbers, macs := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, u := range sent {
		emails[state.EmailKey(u.Email)] = true
		if u.ExtensionNumber != "" {
			exts[siteKey(u)+"\x00"+strings.TrimSpace(u.ExtensionNumber)] = true
		}
		for _, n := range u.PhoneNumbers {
			numbers[numberKey(n)] = true
		}
		for _, p := range u.DeskPhones {
			macs[bareMAC(p.MAC)] = true
		}
	}
	add := func(i int, u state.User, field, msg string) {
		out = append(out, state.Problem{User: i, Email: u.Email, Field: field, Severity: state.Error, Message: msg})
	}
	for i, u := range d.Users {
		if emails[state.EmailKey(u.Email)] {
			add(i, u, "email", "already sent in an earlier batch of this run")
		}
		if u.ExtensionNumber != "" && exts[siteKey(u)+"\x00"+strings.TrimSpace(u.ExtensionNumber)] {
			add(i, u, "extension_number", fmt.Sprintf("extension %s was given to a user of an earlier batch of this run", u.ExtensionNumber))
		}
		for j, n := range u.PhoneNumbers {
			if numbers[numberKey(n)] {
				add(i, u, fmt.Sprintf("phone_numbers[%d]", j), n+" was given to a user of an earlier batch of this run")
			}
		}
		for j, p := range u.DeskPhones {
			if macs[bareMAC(p.MAC)] {
				add(i, u, fmt.Sprintf("desk_phones[%d].mac", j), "this desk phone was given to a user of an earlier batch of this run")
			}
		}
	}
	return out
}

func siteKey(u state.User) string {
	if u.SiteName != "" {
		return "n:" + strings.ToLower(strings.TrimSpace(u.SiteName))
	}
	return "c:" + strings.TrimSpace(u.SiteCode)
}

// sharedReads are the reads a run makes once for all its drafts. The lists
// can change under later drafts (earlier drafts take extensions and
// numbers): againstSent covers what this run did, the POST the rest.
type sharedReads struct {
	run            *Run
	sites          memo[[]zoom.Site]
	site           memo[*zoom.Site]
	templates      memo[[]zoom.SettingTemplate]
	plans          memo[sharedPlans]
	sitePhoneUsers memo[[]zoom.PhoneUser]
	siteNumbers    memo[[]zoom.PhoneNumber]
	devices        memo[[]state.Device]

	countMu sync.Mutex
	counts  map[string]int // kind + site → distinct keys in the whole run
}

// runCount is how many distinct extensions ("ext") or numbers ("num") the
// whole run's users have at the site, or MACs ("mac") in all: the number
// of targeted reads the run would make, against which a shared list read
// once is weighed.
func (sr *sharedReads) runCount(kind, siteID string, sites []state.Site, sitesKnown bool) int {
	key := kind + "\x00" + siteID
	sr.countMu.Lock()
	defer sr.countMu.Unlock()
	if n, ok := sr.counts[key]; ok {
		return n
	}
	if sr.counts == nil {
		sr.counts = map[string]int{}
	}
	seen := map[string]bool{}
	for _, d := range sr.run.drafts {
		if d == nil {
			continue
		}
		if kind == "mac" {
			for _, m := range draftMACs(d) {
				seen[m] = true
			}
			continue
		}
		for _, u := range d.Users {
			if id, ok := resolveSite(u, sites, sitesKnown); !ok || id != siteID {
				continue
			}
			switch kind {
			case "ext":
				if e := strings.TrimSpace(u.ExtensionNumber); e != "" {
					seen[e] = true
				}
			case "num":
				for _, n := range u.PhoneNumbers {
					seen[numberKey(n)] = true
				}
				if u.OutboundCallerID != "" {
					seen[numberKey(u.OutboundCallerID)] = true
				}
			}
		}
	}
	sr.counts[key] = len(seen)
	return len(seen)
}

// sharedPlans is the run's one read of the calling plans, with how many
// users the run had sent when it was made: the users sent after it took
// licences the read still counts as available.
type sharedPlans struct {
	plans      []zoom.CallingPlan
	sentBefore int
}

// sentSince returns the users the run sent after the first n.
func (r *Run) sentSince(n int) []state.User {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n >= len(r.sent) {
		return nil
	}
	return append([]state.User(nil), r.sent[n:]...)
}

func (r *Run) sentCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.sent)
}

// takeLicences counts the licences the users took out of plans' available
// ones, so a later draft of the run is checked against what is left.
func takeLicences(plans []state.Plan, users []state.User) {
	for _, u := range users {
		for _, name := range u.CallingPlans {
			for i := range plans {
				if strings.EqualFold(plans[i].ShortName, strings.TrimSpace(name)) || strings.EqualFold(plans[i].Name, strings.TrimSpace(name)) {
					plans[i].Available--
					plans[i].Assigned++
					break
				}
			}
		}
	}
}

// runUsers is how many distinct users the run's drafts hold.
func (sr *sharedReads) runUsers() int {
	sr.countMu.Lock()
	defer sr.countMu.Unlock()
	if n, ok := sr.counts["users"]; ok {
		return n
	}
	if sr.counts == nil {
		sr.counts = map[string]int{}
	}
	seen := map[string]bool{}
	for _, d := range sr.run.drafts {
		if d != nil {
			for _, u := range d.Users {
				seen[state.EmailKey(u.Email)] = true
			}
		}
	}
	sr.counts["users"] = len(seen)
	return len(seen)
}
