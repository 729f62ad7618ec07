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
// account's rate limits. It is resumable: the submit workflow reconciles a
// batch of a draft left in flight and never sends a user an earlier run
// created.
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
	// Hold every draft before sending any: a draft another zpadd has open
	// (the wizard, or a submit of it in flight) is never sent from here,
	// and nothing is sent when one of them is held.
	sessions, code := openSessions(e, svc, drafts)
	if code != ExitOK {
		return code
	}
	defer func() {
		for _, ss := range sessions {
			_ = ss.Close()
		}
	}()

	var (
		subs    []*state.Submission
		results []state.UserResult
		lastErr error
	)
	for i, ss := range sessions {
		d := ss.Draft() // as saved when the lock was taken
		fmt.Fprintf(e.Stderr, "batch %d of %d: %s (%d users)\n", i+1, len(drafts), line(d.Name), len(d.Users))
		// Submit settles a batch of this draft left in flight and never
		// sends a user an earlier run created, so running again resumes.
		sub, err := ss.Submit(ctx, progressPrinter(e, d))
		var blocked *submit.BlockedError
		switch {
		case sub != nil:
			subs = append(subs, sub)
			results = append(results, sub.Results...)
		case errors.As(err, &blocked):
			results = append(results, preflightResults(d, blocked.Problems)...)
		}
		if err == nil {
			continue
		}
		lastErr = err
		if errors.As(err, &blocked) {
			printProblems(e.Stderr, d, blocked.Problems)
			continue
		}
		e.errorf("%s: %v", d.Name, err)
		if ctx.Err() != nil {
			break
		}
	}
	writeResults(e, results, o.JSON)
	return submit.ExitCode(subs, lastErr)
}

// openSessions takes the lock of every draft; when one is held by another
// zpadd it names that process and returns ExitInvalid (nothing sent).
func openSessions(e *Env, svc *submit.Service, drafts []*state.Draft) ([]*submit.Session, int) {
	var out []*submit.Session
	for _, d := range drafts {
		ss, err := submit.OpenSession(e.Store, svc, d.ID)
		if err == nil && ss.ReadOnly() != nil {
			err = &submit.HeldError{Held: ss.ReadOnly()}
			_ = ss.Close()
		}
		if err != nil {
			for _, o := range out {
				_ = o.Close()
			}
			e.errorf("%v", err)
			return nil, ExitInvalid
		}
		out = append(out, ss)
	}
	return out, ExitOK
}

func dryRun(e *Env, drafts []*state.Draft) int {
	code := ExitOK
	for _, d := range drafts {
		problems := state.Validate(d, nil)
		for _, p := range problems {
			fmt.Fprintf(e.Stderr, "%s: %s\n", line(d.Name), lineOf(p))
		}
		if problems.Blocking() {
			code = ExitInvalid
		}
		body, err := submit.Body(d)
		if err != nil {
			e.errorf("%s: %v", d.Name, err)
			return ExitInvalid
		}
		fmt.Fprintf(e.Stderr, "POST /phone/users/batch (%s, %d users) — dry run, not sent:\n", line(d.Name), len(d.Users))
		e.Stdout.Write(body)
		fmt.Fprintln(e.Stdout)
		if line := followUpPlan(d); line != "" {
			fmt.Fprintf(e.Stderr, "%s: %s\n", d.Name, line)
		}
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
