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
	win := m.window()
	add(win.above(0, len(m.drafts), "draft")...)
	for i, d := range m.drafts {
		if !win.shows(i) {
			continue
		}
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
	add(win.below(0, len(m.drafts), "draft")...)
	add("")
	add(" " + st.Title.Render(common.Pad("Recent submissions", nameW+3)) + st.Muted.Render("result"))
	switch {
	case len(m.history) == 0 && m.journalPending:
		add(st.Muted.Render("   reading past submissions…"))
	case len(m.history) == 0:
		add(st.Muted.Render("   nothing submitted yet"))
	}
	nw := max(nameW-14, 12)
	nd := len(m.drafts)
	add(win.above(nd, len(m.history), "submission")...)
	for i, s := range m.history {
		if !win.shows(nd + i) {
			continue
		}
		row := common.Cell(s.DraftName, nw) + "  " + common.Pad(common.Stamp(s.Sent), 12) + "  " + m.result(s)
		add(m.row(nd+i, row))
		if m.expanded == i {
			add(m.details(s)...)
		}
	}
	add(win.below(nd, len(m.history), "submission")...)
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

// rowWindow is the stretch of Home's rows (drafts, then submissions) that
// fits on the screen around the cursor: with a year of drafts the cursor
// stays in sight, and only the rows shown are rendered.
type rowWindow struct {
	top, end int // rows [top, end) are shown
	muted    func(...string) string
}

// window centres the cursor in the rows the screen has room for (its
// height less the titles, notices and help around the lists).
func (m *Model) window() rowWindow {
	room := max(3, m.ctx.Height-8)
	n := m.rows()
	top := max(0, min(m.cursor-room/2, n-room))
	return rowWindow{top: top, end: min(n, top+room), muted: m.ctx.Styles.Muted.Render}
}

func (w rowWindow) shows(i int) bool { return i >= w.top && i < w.end }

// above and below say how many rows of the section [first, first+n) the
// window leaves out before and after it.
func (w rowWindow) above(first, n int, what string) []string {
	return w.more(min(n, max(0, w.top-first)), "↑", what)
}

func (w rowWindow) below(first, n int, what string) []string {
	return w.more(min(n, max(0, first+n-w.end)), "↓", what)
}

func (w rowWindow) more(k int, arrow, what string) []string {
	if k == 0 {
		return nil
	}
	if k > 1 {
		what += "s"
	}
	return []string{w.muted(fmt.Sprintf("   %s %d more %s", arrow, k, what))}
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
