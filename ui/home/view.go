package home

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
)

// View implements common.Screen.
func (m *Model) View() string {
	st := m.ctx.Styles
	w := m.ctx.Width
	now := m.ctx.Time()
	var lines []string
	add := func(s ...string) { lines = append(lines, s...) }

	if n := len(m.unfinished); n > 0 {
		in := m.unfinished[0]
		s := fmt.Sprintf("! %d batch with an unknown outcome: %q (sent %s)", n, in.DraftName, in.Time.Local().Format("15:04"))
		if n > 1 {
			s = fmt.Sprintf("! %d batches with an unknown outcome, first %q (sent %s)", n, in.DraftName, common.Stamp(in.Time))
		}
		tail := "r reconcile now"
		if m.busy {
			tail = "reconciling…"
		}
		if !in.Orphaned() {
			// Never reconciled from here: its owner records the outcome.
			add(" "+st.Notice.Render(s), "   "+st.Muted.Render(in.Owner()+": it records its own outcome (r looks again)"), "")
		} else {
			add(" "+st.Notice.Render(s)+"   "+st.Muted.Render(tail), "")
		}
	}
	if line := m.pendingFollowUpsLine(); line != "" && len(m.unfinished) == 0 {
		add(line, "")
	}
	if m.loadErr != nil {
		add(st.Err.Render(" ✗ "+common.Safe(m.loadErr.Error())), "")
	}

	nameW := max(w-30, 20)
	add(" " + st.Title.Render(common.Pad("Drafts", nameW+3)) + st.Muted.Render(fmt.Sprintf("%6s  %s", "users", "updated")))
	if len(m.drafts) == 0 {
		add(st.Muted.Render("   no drafts yet: n starts a new batch, i imports a CSV"))
	}
	for i, d := range m.drafts {
		name := common.Safe(d.Name)
		if d.Status != "" && d.Status != "draft" {
			name += " (" + d.Status + ")"
		}
		if i == m.cursor && m.mode == renaming {
			name = m.input.View()
		}
		row := common.Pad(name, nameW) + fmt.Sprintf("   %2d/%d  %s", d.Users, state.MaxUsers, common.Ago(d.Updated, now))
		add(m.row(i, row))
	}
	add("")
	add(" " + st.Title.Render(common.Pad("Recent submissions", nameW+3)) + st.Muted.Render("result"))
	if len(m.history) == 0 {
		add(st.Muted.Render("   nothing submitted yet"))
	}
	nw := max(nameW-14, 12)
	for i, s := range m.history {
		row := common.Cell(s.DraftName, nw) + "  " + common.Pad(common.Stamp(s.Sent), 12) + "  " + m.result(s)
		add(m.row(len(m.drafts)+i, row))
		if m.expanded == i {
			add(m.details(s)...)
		}
	}
	switch m.mode {
	case confirmDelete:
		if d, ok := m.selectedDraft(); ok {
			add("", " "+st.Warn.Render(fmt.Sprintf("Delete draft %q (%d users)? y deletes · n keeps it", common.Safe(d.Name), d.Users)))
		}
	case importing:
		add("", " "+st.Focused.Render("Import CSV: ")+m.input.View())
		if sug := m.input.MatchedSuggestions(); len(sug) > 1 {
			add(st.Muted.Render("   " + ansi.Truncate(strings.Join(sug, "  "), w-4, "…")))
		}
	}
	if len(m.report) > 0 {
		add("")
		for _, r := range m.report {
			add(" " + st.Warn.Render(common.Safe(r)))
		}
	}
	if m.ctx.Sandbox {
		add("", " "+st.Muted.Render(common.SandboxHint))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) row(i int, text string) string {
	st := m.ctx.Styles
	if i == m.cursor && m.mode != importing {
		return " " + st.Cursor.Render("▸") + " " + text
	}
	return "   " + text
}

// result summarises one submission: "✓ 10 created · ✗ 1 not added" (refused
// by Zoom, or found not created after an interrupted submit).
func (m *Model) result(s state.Submission) string {
	st := m.ctx.Styles
	c, f, sk, u := s.Counts()
	var parts []string
	if c > 0 {
		parts = append(parts, st.OK.Render(fmt.Sprintf("✓ %d created", c)))
	}
	if f > 0 {
		parts = append(parts, st.Err.Render(fmt.Sprintf("✗ %d not added", f)))
	}
	if sk > 0 {
		parts = append(parts, st.Muted.Render(fmt.Sprintf("%d skipped", sk)))
	}
	if u > 0 || s.Outcome == state.OutcomeUnknown {
		parts = append(parts, st.Unknown.Render(fmt.Sprintf("? %d unknown", u)))
	}
	if len(parts) == 0 {
		return st.Muted.Render("—")
	}
	return strings.Join(parts, " · ")
}

func (m *Model) details(s state.Submission) []string {
	st := m.ctx.Styles
	var out []string
	for _, r := range s.Results {
		mark := st.Unknown.Render("?")
		switch r.Status {
		case state.ResultCreated:
			mark = st.OK.Render("✓")
		case state.ResultFailed:
			mark = st.Err.Render("✗")
		case state.ResultSkipped:
			mark = st.Muted.Render("-")
		}
		line := fmt.Sprintf("       %s %s %s", mark, common.Safe(r.Email), common.Safe(r.Status))
		if r.Error != "" {
			where := ""
			if r.Field != "" {
				where = r.Field + ": "
			}
			line += st.Muted.Render(" · " + where + r.Error)
		}
		out = append(out, line)
	}
	if s.Note != "" {
		out = append(out, st.Muted.Render("       "+s.Note))
	}
	return out
}
