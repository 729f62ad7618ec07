package submit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"zpadd/state"
	"zpadd/zoom"
)

// Preflight checks d before anything is sent: state.Validate against a
// catalog made of the cached one overlaid with live reads (plans, the
// templates, phone users and — unless refreshed in this run — unassigned
// numbers of the users' sites, registered desk phones), plus per-user reads
// (the account user is active; not already a phone user). The reads run
// concurrently inside the client's rate limits and each runs once per call
// (ten users at one site cost one read of the site). Each problem is tied to
// a user and field. A read that fails leaves its rule to Zoom and adds a
// warning; only cancellation and authentication failures are errors.
func (s *Service) Preflight(ctx context.Context, d *state.Draft, ev func(Event)) (state.Problems, error) {
	problems, err := s.preflight(ctx, d, newEmitter(ev))
	if err == nil && !problems.Blocking() {
		if body, berr := Body(d); berr == nil {
			s.rememberCheck(bodyHash(body))
		}
	}
	return problems, err
}

// preflightForSubmit is Submit's pre-flight of body (d's request body): a
// clean pre-flight of the very same body run moments ago (the review
// screen), with no POST since, is reused instead of reading everything
// again; errors block with a *BlockedError.
func (s *Service) preflightForSubmit(ctx context.Context, d *state.Draft, body []byte, em *emitter) error {
	hash := bodyHash(body)
	if age, ok := s.recentCheck(hash); ok {
		s.log.Info("reusing the pre-flight of the same body", "age", age)
		return nil
	}
	problems, err := s.preflight(ctx, d, em)
	if err != nil {
		return err
	}
	if problems.Blocking() {
		return &BlockedError{Problems: problems}
	}
	s.rememberCheck(hash)
	return nil
}

// rememberCheck records a clean pre-flight of the body with this hash.
func (s *Service) rememberCheck(hash string) {
	s.mu.Lock()
	s.lastCheck = preflightRecord{hash: hash, at: s.o.Now()}
	s.mu.Unlock()
}

// forgetCheck drops the record once a POST may reach Zoom: it changes who
// is a phone user and which extensions and numbers are taken, so no
// pre-flight from before it may stand in for a fresh one.
func (s *Service) forgetCheck() {
	s.mu.Lock()
	s.lastCheck = preflightRecord{}
	s.mu.Unlock()
}

// recentCheck reports whether a clean pre-flight of the body with this hash
// is recent enough to reuse, and its age.
func (s *Service) recentCheck(hash string) (time.Duration, bool) {
	s.mu.Lock()
	rec := s.lastCheck
	s.mu.Unlock()
	age := s.o.Now().Sub(rec.at)
	return age, s.o.PreflightReuse > 0 && rec.hash == hash && age < s.o.PreflightReuse
}

func bodyHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func (s *Service) preflight(ctx context.Context, d *state.Draft, em *emitter) (state.Problems, error) {
	if d == nil {
		return nil, fmt.Errorf("pre-flight: no draft")
	}
	em.emit(Event{Kind: PreflightStarted, User: -1, Message: fmt.Sprintf("checking %d user(s)", len(d.Users))})
	// One read of the refreshed catalog decides both the base and whether
	// it is fresh, so a refresh landing meanwhile cannot mix them up.
	fresh := s.freshCatalog()
	base := fresh
	if base == nil {
		base = s.CachedCatalog()
	}
	pr := &preflightRun{s: s, d: d, base: base, fresh: fresh != nil}
	live, extra, err := pr.read(ctx)
	if se := s.missingScopes(); se != nil && (err == nil || zoom.AsScopeError(err, "") != nil) {
		return nil, se
	}
	if err != nil {
		return nil, err
	}
	shortenPhoneUserExtensions(live)
	problems := state.Validate(d, live)
	problems = append(problems, extra...)
	problems = dedupeProblems(problems)
	sort.SliceStable(problems, func(a, b int) bool { return problemOrder(problems[a]) < problemOrder(problems[b]) })
	emitChecks(d, problems, em)
	errs := len(problems.Errors())
	em.emit(Event{Kind: PreflightDone, User: -1, Status: map[bool]string{true: "blocked", false: "ok"}[errs > 0],
		Message: s.withNumbersNotice(fmt.Sprintf("%d error(s), %d warning(s)", errs, len(problems)-errs))})
	return problems, nil
}

// problemOrder sorts draft-level problems first, then by user.
func problemOrder(p state.Problem) int { return p.User }

// dedupeProblems drops exact repeats (a rule seen by both the catalog and a
// live read).
func dedupeProblems(ps state.Problems) state.Problems {
	seen := map[string]bool{}
	out := ps[:0:0]
	for _, p := range ps {
		k := fmt.Sprintf("%d\x00%s\x00%d\x00%s", p.User, p.Field, p.Severity, p.Message)
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// checkFields are the fields a per-user CheckDone event reports on.
var checkFields = []string{"email", "extension_number", "site_name", "template_name", "calling_plans", "phone_numbers", "outbound_caller_id", "desk_phones"}

// emitChecks reports one CheckDone per user and field that has a value or a
// problem: "ok", or the worst problem's severity and message.
func emitChecks(d *state.Draft, ps state.Problems, em *emitter) {
	for i, u := range d.Users {
		mine := ps.ForUser(i)
		for _, f := range checkFields {
			var worst *state.Problem
			for k := range mine {
				p := &mine[k]
				if p.Field == f || strings.HasPrefix(p.Field, f+"[") || strings.HasPrefix(p.Field, f+".") ||
					(f == "site_name" && p.Field == "site_code") {
					if worst == nil || p.Severity < worst.Severity {
						worst = p
					}
				}
			}
			if worst == nil && !hasValue(u, f) {
				continue
			}
			ev := Event{Kind: CheckDone, User: i, Email: u.Email, Field: f, Status: "ok"}
			if worst != nil {
				ev.Status, ev.Field, ev.Message = worst.Severity.String(), worst.Field, worst.Message
			}
			em.emit(ev)
		}
	}
}

func hasValue(u state.User, field string) bool {
	switch field {
	case "email":
		return true
	case "extension_number":
		return u.ExtensionNumber != ""
	case "site_name":
		return u.SiteName != "" || u.SiteCode != ""
	case "template_name":
		return u.TemplateName != ""
	case "calling_plans":
		return len(u.CallingPlans) > 0
	case "phone_numbers":
		return len(u.PhoneNumbers) > 0
	case "outbound_caller_id":
		return u.OutboundCallerID != ""
	case "desk_phones":
		return len(u.DeskPhones) > 0
	}
	return false
}
