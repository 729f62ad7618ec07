package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"charm.land/huh/v2"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui/cli"
	"zpadd/zoom/submit"
)

// reviewAndSubmit saves the draft, runs the pre-flight and prints its
// problems as lines; when nothing blocks it asks once and sends the draft
// through the session, printing each submit event as `zpadd submit` does
// (with the created users' Zoom ids). It reports whether anything was sent.
func reviewAndSubmit(ctx context.Context, o Options, ss *submit.Session, d *state.Draft, in io.Reader, out io.Writer) (bool, error) {
	// Submit sends the version last saved: save the one on screen first.
	if err := ss.Save(d); err != nil {
		fmt.Fprintf(out, "Not saved, so not sent: %v\n", err)
		return false, nil
	}
	if o.Service == nil {
		fmt.Fprintf(out, "No connection to Zoom is configured: nothing was sent. Submit later with: zpadd submit %s\n", d.ID)
		return false, nil
	}
	fmt.Fprintln(out, "Review: checking the draft against Zoom…")
	ps, err := o.Service.Preflight(ctx, d, nil)
	if err != nil {
		if ctx.Err() != nil {
			return false, err
		}
		fmt.Fprintf(out, "The pre-flight failed (%v): nothing was sent.\n", err)
		return false, nil
	}
	printReview(d, ps, out)
	if ps.Blocking() {
		fmt.Fprintf(out, "Submitting is blocked by %d errors: nothing was sent. Edit the users named above.\n", len(ps.Errors()))
		return false, nil
	}
	yes := false
	title := fmt.Sprintf("Submit %d users to Zoom?", len(d.Users))
	if o.Sandbox {
		title = fmt.Sprintf("Submit %d users to the sandbox?", len(d.Users))
	}
	if err := ask(in, out, huh.NewConfirm().Title(title).Value(&yes)); err != nil || !yes {
		fmt.Fprintln(out, "Not sent.")
		return false, err
	}
	sub, err := ss.Submit(ctx, eventPrinter(out))
	var blocked *submit.BlockedError
	if errors.As(err, &blocked) {
		printReview(d, blocked.Problems, out)
		fmt.Fprintln(out, "Submitting is blocked: nothing was sent.")
		return false, nil
	}
	if sub != nil {
		printOutcome(sub, out)
	}
	if err != nil {
		fmt.Fprintf(out, "Submit: %v\n", safetext.Line(err.Error()))
	}
	return sub != nil, nil
}

// eventPrinter prints the submit's events as they arrive, one line each;
// events may come from several goroutines.
func eventPrinter(out io.Writer) func(submit.Event) {
	var mu sync.Mutex
	return func(ev submit.Event) {
		if l := cli.DescribeEvent(ev); l != "" {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintln(out, "  "+safetext.Line(l))
		}
	}
}

// printReview prints the pre-flight's problems, errors before warnings as
// state orders them, and the counts.
func printReview(d *state.Draft, ps state.Problems, out io.Writer) {
	for _, p := range ps {
		fmt.Fprintln(out, "  "+safetext.Line(p.String()))
	}
	fmt.Fprintf(out, "Review of %q: %d users, %d errors, %d warnings.\n", safetext.Line(d.Name), len(d.Users),
		len(ps.Errors()), len(ps)-len(ps.Errors()))
}

// printOutcome lists each user's result with the created user's Zoom id.
func printOutcome(sub *state.Submission, out io.Writer) {
	fmt.Fprintln(out, "Results:")
	for _, r := range sub.Results {
		line := fmt.Sprintf("  %s: %s", r.Email, r.Status)
		if r.ID != "" {
			line += " (id " + r.ID + ")"
		}
		if r.Field != "" {
			line += ": " + r.Field
		}
		if r.Error != "" {
			line += ": " + r.Error
		}
		fmt.Fprintln(out, safetext.Line(line))
	}
}
