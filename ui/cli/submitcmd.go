package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"zpadd/state"
	"zpadd/zoom/submit"
)

// SubmitOptions are the flags of `zpadd submit`.
type SubmitOptions struct {
	Yes, JSON, DryRun bool
}

// Submit sends each draft as one batch, one after another, inside the
// account's rate limits. It is resumable: an unfinished batch of these drafts
// is reconciled first, and a user already created by an earlier run is never
// sent again.
func Submit(ctx context.Context, e *Env, refs []string, o SubmitOptions) int {
	drafts := make([]*state.Draft, 0, len(refs))
	for _, ref := range refs {
		d, err := e.findDraft(ref)
		if err != nil {
			e.errorf("%v", err)
			return ExitInvalid
		}
		drafts = append(drafts, d)
	}
	if o.DryRun {
		return dryRun(e, drafts)
	}
	if !o.Yes {
		if code, ok := confirm(e, drafts); !ok {
			return code
		}
	}
	svc, err := e.Service()
	if err != nil {
		e.errorf("%v", err)
		return ExitOther
	}
	if err := reconcileInFlight(ctx, e, svc, drafts); err != nil {
		e.errorf("reconciling an unfinished batch: %v", err)
		return ExitOther
	}

	var (
		subs    []*state.Submission
		results []state.UserResult
		lastErr error
	)
	for i, d := range drafts {
		fmt.Fprintf(e.Stderr, "batch %d of %d: %s (%d users)\n", i+1, len(drafts), d.Name, len(d.Users))
		done, rest := e.splitCreated(d)
		results = append(results, done...)
		if len(rest.Users) == 0 {
			fmt.Fprintf(e.Stderr, "%s: every user was created by an earlier run\n", d.Name)
			continue
		}
		sub, err := svc.Submit(ctx, rest, progressPrinter(e, d))
		if sub != nil {
			subs = append(subs, sub)
			results = append(results, sub.Results...)
		}
		if err != nil {
			lastErr = err
			var blocked *submit.BlockedError
			if errors.As(err, &blocked) {
				printProblemsTo(e.Stderr, d, blocked.Problems)
				results = append(results, preflightResults(rest, blocked.Problems)...)
				continue
			}
			e.errorf("%s: %v", d.Name, err)
			if ctx.Err() != nil {
				break
			}
		}
	}
	writeResults(e, results, o.JSON)
	return submit.ExitCode(subs, lastErr)
}

// splitCreated separates the users an earlier run already created (from the
// history) from those still to send.
func (e *Env) splitCreated(d *state.Draft) ([]state.UserResult, *state.Draft) {
	created := map[string]state.UserResult{}
	if hist, err := e.Journal.History(); err == nil {
		for _, s := range hist {
			if s.DraftID != d.ID {
				continue
			}
			for _, r := range s.Results {
				if r.Status == "created" {
					created[strings.ToLower(r.Email)] = r
				}
			}
		}
	}
	rest := *d
	rest.Users = nil
	var done []state.UserResult
	for _, u := range d.Users {
		if r, ok := created[strings.ToLower(u.Email)]; ok {
			done = append(done, r)
			continue
		}
		rest.Users = append(rest.Users, u)
	}
	return done, &rest
}

// reconcileInFlight settles any batch of these drafts whose outcome was never
// recorded (ctrl+c, a crash, a lost connection) before anything is resent.
func reconcileInFlight(ctx context.Context, e *Env, svc *submit.Service, drafts []*state.Draft) error {
	pending, err := e.Journal.Unfinished()
	if err != nil {
		return err
	}
	wanted := map[string]*state.Draft{}
	for _, d := range drafts {
		wanted[d.ID] = d
	}
	for _, in := range pending {
		d, ok := wanted[in.DraftID]
		if !ok {
			continue
		}
		fmt.Fprintf(e.Stderr, "%s: a batch sent %s has no recorded outcome; reading its users back from Zoom\n",
			d.Name, in.Time.Local().Format("2006-01-02 15:04"))
		if _, err := svc.Reconcile(ctx, in, progressPrinter(e, d)); err != nil {
			return err
		}
	}
	return nil
}

func dryRun(e *Env, drafts []*state.Draft) int {
	code := ExitOK
	for _, d := range drafts {
		problems := state.Validate(d, nil)
		for _, p := range problems {
			fmt.Fprintf(e.Stderr, "%s: %s\n", d.Name, p)
		}
		if problems.Blocking() {
			code = ExitInvalid
		}
		body, err := submit.Body(d)
		if err != nil {
			e.errorf("%s: %v", d.Name, err)
			return ExitInvalid
		}
		fmt.Fprintf(e.Stderr, "POST /phone/users/batch (%s, %d users) — dry run, not sent:\n", d.Name, len(d.Users))
		e.Stdout.Write(body)
		fmt.Fprintln(e.Stdout)
	}
	return code
}

// confirm asks on a terminal; without one it refuses, since a script that
// forgot --yes must not hang or submit by accident.
func confirm(e *Env, drafts []*state.Draft) (int, bool) {
	users := 0
	for _, d := range drafts {
		users += len(d.Users)
	}
	if !e.StdinIsTerminal {
		e.errorf("not submitting %d users: standard input is not a terminal, so zpadd cannot ask; add --yes to submit without asking", users)
		return ExitInvalid, false
	}
	fmt.Fprintf(e.Stderr, "Submit %d users in %d batches to Zoom? [y/N] ", users, len(drafts))
	answer, _ := bufio.NewReader(e.Stdin).ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	if answer != "y" && answer != "yes" {
		fmt.Fprintln(e.Stderr, "nothing sent")
		return ExitInvalid, false
	}
	return ExitOK, true
}
