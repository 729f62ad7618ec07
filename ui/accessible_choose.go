package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"zpadd/state/safetext"
	"zpadd/ui/pickers"
)

// chooseLine is the accessible form of a picker: the list printed once,
// then one line answered with numbers or words, matched like the
// full-screen pickers ("uk unl" → UK/Ireland Unlimited). A list with one
// choosable item is chosen without asking; a multi list takes several
// answers separated by commas. No re-printing per answer, no "enter the
// number 1".
func chooseLine(in io.Reader, out io.Writer, title string, items []pickers.Item, multi bool, vals *[]string) error {
	if only, ok := pickers.Only(items); ok && !multi {
		*vals = []string{only}
		fmt.Fprintf(out, "%s: %s (the only one)\n", title, safetext.Line(only))
		return nil
	}
	fmt.Fprintf(out, "%s:\n", title)
	for i, it := range items {
		// Names come from Zoom: escaped, one line each (state/safetext).
		line := fmt.Sprintf("  %d. %s", i+1, safetext.Line(cmpOr(it.Label, it.Value)))
		if d := safetext.Line(it.Detail); d != "" {
			line += " (" + d + ")"
		}
		fmt.Fprintln(out, line)
	}
	prompt := "number or name"
	if multi {
		prompt = "numbers or names, separated by commas"
	}
	answer := ""
	current := safetext.Line(strings.Join(*vals, ", "))
	err := ask(in, out, huh.NewInput().Title(withDefault(title+" ("+prompt+")", current)).Value(&answer).
		Validate(func(s string) error {
			_, err := resolveChoices(items, s, multi)
			return err
		}))
	if err != nil {
		return err
	}
	if strings.TrimSpace(answer) == "" {
		return nil // blank keeps the current value
	}
	got, _ := resolveChoices(items, answer, multi)
	*vals = got
	return nil
}

// resolveChoices turns an answer into values: each part a list number or
// words the matcher resolves; a part matching nothing, a disabled item or
// several parts for a single choice are refused with the reason.
func resolveChoices(items []pickers.Item, answer string, multi bool) ([]string, error) {
	if strings.TrimSpace(answer) == "" {
		return nil, nil
	}
	parts := []string{answer}
	if multi {
		parts = strings.Split(answer, ",")
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		var it pickers.Item
		if n, err := strconv.Atoi(p); err == nil {
			if n < 1 || n > len(items) {
				return nil, fmt.Errorf("%d is not in the list (1–%d)", n, len(items))
			}
			it = items[n-1]
		} else {
			ranked := pickers.Rank(items, p)
			if len(ranked) == 0 {
				return nil, fmt.Errorf("%q matches nothing in the list", safetext.Line(p))
			}
			it = ranked[0]
		}
		if it.Disabled {
			return nil, fmt.Errorf("%s cannot be chosen: %s", safetext.Line(it.Value), safetext.Line(it.Detail))
		}
		out = append(out, it.Value)
	}
	return out, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// chooseOne is chooseLine for a single value.
func chooseOne(in io.Reader, out io.Writer, title string, items []pickers.Item, v *string) error {
	vals := []string{}
	if *v != "" {
		vals = []string{*v}
	}
	if err := chooseLine(in, out, title, items, false, &vals); err != nil {
		return err
	}
	if len(vals) > 0 {
		*v = vals[0]
	}
	return nil
}
