package keys

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Action is one thing a screen does on a key, in one record (after
// lazygit's Binding): its keys and help text, whether it works right now
// and why not, and what it does. A screen keeps a list of them; Update runs
// the first whose keys match, and the help line and "?" are built from the
// same list, so a key shown is a key handled.
type Action struct {
	Binding key.Binding
	// Disabled says why the action does not work now ("" = it works). A
	// disabled action still matches its keys, so the operator is told why
	// instead of nothing happening; it is left out of the short help line.
	Disabled func() string
	// Hidden keeps the action out of the short help line (it is in "?").
	Hidden bool
	Run    func() tea.Cmd
	// RunKey is Run for an action whose keys differ in what they do
	// (↑ and ↓, alt+1…alt+0); it is used when Run is nil.
	RunKey func(tea.KeyPressMsg) tea.Cmd
}

// Actions is a screen's list of actions, in help order.
type Actions []Action

// Match finds the action for a key press: the command to run, or the
// reason it cannot run now. ok is false when no action has that key.
func (as Actions) Match(k tea.KeyPressMsg) (cmd tea.Cmd, whyNot string, ok bool) {
	for _, a := range as {
		if !key.Matches(k, a.Binding) {
			continue
		}
		if a.Disabled != nil {
			if why := a.Disabled(); why != "" {
				return nil, why, true
			}
		}
		if a.Run == nil {
			return a.RunKey(k), "", true
		}
		return a.Run(), "", true
	}
	return nil, "", false
}

// Map is the help for the actions: the short line holds the enabled,
// visible ones; the full help (?) every one, a disabled one saying why.
func (as Actions) Map(extra ...key.Binding) Map {
	var short, full []key.Binding
	for _, a := range as {
		b := a.Binding
		why := ""
		if a.Disabled != nil {
			why = a.Disabled()
		}
		if why == "" && !a.Hidden {
			short = append(short, b)
		}
		if why != "" {
			h := b.Help()
			b.SetHelp(h.Key, h.Desc+" (off: "+why+")")
		}
		full = append(full, b)
	}
	short = append(short, extra...)
	full = append(full, extra...)
	return Map{Short: short, Full: columns(full, 5)}
}

// columns splits bindings into full-help columns of at most n rows.
func columns(bs []key.Binding, n int) [][]key.Binding {
	var out [][]key.Binding
	for len(bs) > n {
		out = append(out, bs[:n])
		bs = bs[n:]
	}
	if len(bs) > 0 {
		out = append(out, bs)
	}
	return out
}
