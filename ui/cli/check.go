package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zpadd/state"
	"zpadd/zoom/submit"
)

// Check runs pre-flight (local rules and reads against Zoom) and sends no
// write. Exit 0 when nothing blocks, 2 when something does.
func Check(ctx context.Context, e *Env, ref string, asJSON bool) int {
	d, svc, code := e.draftAndService(ref)
	if code != ExitOK {
		return code
	}
	problems, err := svc.Preflight(ctx, d, progressPrinter(e, d))
	if err != nil {
		e.errorf("%s: %v", d.Name, err)
		return ExitOther
	}
	if asJSON {
		writeResults(e, preflightResults(d, problems), true)
	} else {
		printProblems(e.Stdout, d, problems)
	}
	if problems.Blocking() {
		return ExitInvalid
	}
	return ExitOK
}

// preflightResults gives pre-flight per user in the result shape: nobody is
// sent, so every user is "skipped", with one check per problem and the
// blocking ones joined in Error.
func preflightResults(d *state.Draft, problems state.Problems) []state.UserResult {
	out := make([]state.UserResult, 0, len(d.Users))
	for i, u := range d.Users {
		r := state.UserResult{Email: u.Email, Status: state.ResultSkipped, Checks: []state.Check{}}
		var errs []string
		for _, p := range problems.ForUser(i) {
			r.Checks = append(r.Checks, state.Check{Name: p.Field, OK: p.Severity == state.Warning, Detail: p.Message})
			if p.Severity == state.Error {
				errs = append(errs, p.Field+": "+p.Message)
			}
		}
		r.Error = strings.Join(errs, "; ")
		out = append(out, r)
	}
	return out
}

// printProblems lists problems one a line, then a summary line.
func printProblems(w io.Writer, d *state.Draft, problems state.Problems) {
	if len(problems) == 0 {
		fmt.Fprintf(w, "%s: %d users, no problems\n", line(d.Name), len(d.Users))
		return
	}
	for _, p := range problems {
		fmt.Fprintln(w, line(p.String()))
	}
	fmt.Fprintf(w, "%s: %d users, %d errors, %d warnings\n", line(d.Name), len(d.Users),
		len(problems.Errors()), len(problems)-len(problems.Errors()))
}

// progressPrinter turns workflow events into progress lines on stderr.
func progressPrinter(e *Env, d *state.Draft) func(submit.Event) {
	return func(ev submit.Event) {
		if l := DescribeEvent(ev); l != "" {
			fmt.Fprintf(e.Stderr, "%s: %s\n", line(d.Name), line(l))
		}
	}
}
