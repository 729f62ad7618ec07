package results

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/submit"
)

var spinnerFrames = []string{"◐", "◓", "◑", "◒"}

// column indexes of the table.
const (
	colUser = iota
	colResult
	colID
	colExt
	colNumbers
	colDesk
)

// View implements common.Screen.
func (m *Model) View() string {
	var lines []string
	lines = append(lines, m.steps()...)
	lines = append(lines, m.outcome()...)
	if len(m.prog.rows) > 0 && m.err == nil || m.sub != nil {
		lines = append(lines, "")
		lines = append(lines, m.table()...)
	}
	lines = append(lines, m.addressLines()...)
	lines = append(lines, m.deviceLines()...)
	if f := m.footer(); len(f) > 0 {
		lines = append(lines, "")
		lines = append(lines, f...)
	}
	return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
}

func (m *Model) spin() string { return m.spinner.View() }

// steps are the three progress lines: pre-flight, sent, verifying.
func (m *Model) steps() []string {
	st := m.ctx.Styles
	p := m.prog
	var out []string
	line := func(mark, label, text string, elapsed time.Duration) string {
		s := " " + mark + " " + common.Pad(label, 12) + " " + common.Pad(text, 48)
		if elapsed > 0 {
			s += " " + st.Muted.Render(fmt.Sprintf("%5.1f s", elapsed.Seconds()))
		}
		return strings.TrimRight(s, " ")
	}
	users := len(p.rows)

	switch p.preflight.phase {
	case running:
		if !m.running() {
			// The workflow ended mid-check (Zoom unreachable, credentials
			// refused, cancelled): the reason is shown below.
			out = append(out, line(st.Err.Render("✗"), "pre-flight", "stopped before every check finished", 0))
			break
		}
		out = append(out, line(st.Muted.Render(m.spin()), "pre-flight", fmt.Sprintf("checking %d user%s with Zoom…", users, common.Plural(users)), 0))
	case done:
		out = append(out, line(st.OK.Render("✓"), "pre-flight", fmt.Sprintf("%d user%s, %s", users, common.Plural(users), problemsText(p.preflight.text)), p.preflight.elapsed))
	case failed:
		out = append(out, line(st.Err.Render("✗"), "pre-flight", fmt.Sprintf("%d user%s, %s", users, common.Plural(users), problemsText(p.preflight.text)), p.preflight.elapsed))
	default:
		switch {
		case p.requests > 0:
			// Submit reused the clean pre-flight the review screen just ran.
			out = append(out, line(st.OK.Render("✓"), "pre-flight", fmt.Sprintf("%d user%s, 0 errors (checked on review)", users, common.Plural(users)), 0))
		case m.running():
			out = append(out, line(st.Muted.Render(m.spin()), "starting", "reading the journal…", 0))
		}
	}

	switch {
	case p.sent.phase == running:
		out = append(out, line(st.Muted.Render(m.spin()), "sending", p.sent.text+"…", 0))
	case p.sent.phase == done:
		mark := st.OK.Render("✓")
		if !strings.HasPrefix(p.lastStatus, "2") {
			mark = st.Err.Render("✗")
		}
		out = append(out, line(mark, "sent", fmt.Sprintf("%d request%s · %s", p.requests, common.Plural(p.requests), p.lastStatus), p.sent.elapsed))
	}
	for _, n := range p.notes {
		out = append(out, "   "+st.Muted.Render(n))
	}

	created, _, _, verified := p.counts()
	switch {
	case p.verify.phase == running && created > 0:
		out = append(out, line(st.Muted.Render(m.spin()), "verifying", fmt.Sprintf("%d of %d", verified, created), 0))
	case p.verify.phase == done && created > 0:
		mark := st.OK.Render("✓")
		if !m.allChecksOK() {
			mark = st.Warn.Render("!")
		}
		out = append(out, line(mark, "verified", fmt.Sprintf("%d of %d", verified, created), p.verify.elapsed))
	}
	return out
}

// problemsText turns pre-flight's "0 error(s), 1 warning(s)" into words.
func problemsText(s string) string {
	var e, w int
	if _, err := fmt.Sscanf(s, "%d error(s), %d warning(s)", &e, &w); err != nil {
		return s
	}
	switch {
	case e == 0 && w == 0:
		return "0 problems"
	case e == 0:
		return fmt.Sprintf("%d warning%s", w, common.Plural(w))
	}
	return fmt.Sprintf("%d error%s, %d warning%s", e, common.Plural(e), w, common.Plural(w))
}

func (m *Model) allChecksOK() bool {
	for _, r := range m.prog.rows {
		for _, c := range r.checks {
			if !c.OK {
				return false
			}
		}
	}
	return true
}

// outcome explains how the submit ended when it did not simply finish.
func (m *Model) outcome() []string {
	st := m.ctx.Styles
	var out []string
	switch {
	case m.running() && m.cancelled:
		out = append(out, " "+st.Warn.Render("cancelling: nothing has been sent"))
	case m.running() && m.prog.requests > 0:
		out = append(out, " "+st.Muted.Render("the request is on its way: ctrl+c now still waits for Zoom's answer and records it before zpadd quits"))
	case m.blocked != nil:
		errs := m.blocked.Problems.Errors()
		out = append(out, " "+st.Err.Render(fmt.Sprintf("✗ nothing was sent: pre-flight found %d error%s", len(errs), common.Plural(len(errs)))))
		for i, p := range errs {
			if i == 5 {
				out = append(out, "   "+st.Muted.Render(fmt.Sprintf("… and %d more: r to review them", len(errs)-5)))
				break
			}
			who := "draft"
			if p.User >= 0 && p.User < len(m.draft.Users) {
				who = m.draft.Users[p.User].DisplayName()
			}
			out = append(out, "   "+common.Safe(who)+" · "+p.Field+": "+st.Err.Render(common.Safe(p.Message)))
		}
	case m.err != nil && errors.Is(m.err, context.Canceled) && m.sub == nil:
		out = append(out, " "+st.Warn.Render("cancelled before sending: nothing was sent"))
	case m.err != nil:
		out = append(out, " "+st.Err.Render("✗ "+common.Safe(m.err.Error())))
	}
	if m.sub != nil && m.sub.Outcome == submit.OutcomeUnknown {
		_, _, unknown, _ := m.prog.counts()
		out = append(out, " "+st.Unknown.Render(fmt.Sprintf("? %d user%s' outcome unknown: Zoom did not say and reading back could not tell; the home screen offers to reconcile later", unknown, common.Plural(unknown))))
	}
	return out
}

// table is the per-user result table.
func (m *Model) table() []string {
	st := m.ctx.Styles
	widths := m.columnWidths()
	out := []string{st.Muted.Render(m.cells(widths, []string{"User", "result", "id", "extension", "numbers", "desk phone"}))}
	for i := range m.prog.rows {
		out = append(out, m.cells(widths, m.rowCells(i)))
	}
	return out
}

// cells lays cells out in columns; an empty trailing cell ends the row and
// a column of width dropped is left out.
func (m *Model) cells(widths []int, cells []string) string {
	var b strings.Builder
	b.WriteString("    ")
	last := len(cells) - 1
	for last > 0 && cells[last] == "" {
		last--
	}
	for i := 0; i <= last; i++ {
		switch {
		case widths[i] == dropped:
			continue
		case i == last || widths[i] == 0:
			b.WriteString(cells[i])
		default:
			b.WriteString(common.Pad(cells[i], widths[i]) + " ")
			continue
		}
		break
	}
	return strings.TrimRight(b.String(), " ")
}

// rowCells renders one user. A refusal puts Zoom's message in the column of
// the field it names, so the operator sees what to fix where it lives.
func (m *Model) rowCells(i int) []string {
	st := m.ctx.Styles
	r := m.prog.rows[i]
	u := m.draft.Users[i]
	cells := make([]string, colDesk+1)
	cells[colUser] = common.Safe(u.DisplayName())
	switch r.status {
	case submit.StatusCreated:
		cells[colResult] = st.OK.Render("✓ created")
		cells[colID] = st.Muted.Render(common.Safe(r.id))
		cells[colExt] = checked(st, u.ExtensionNumber, r.checks, submit.CheckExtension)
		cells[colNumbers] = "—"
		if len(u.PhoneNumbers) > 0 {
			cells[colNumbers] = checked(st, "", r.checks, submit.CheckNumbers)
		}
		cells[colDesk] = m.deskCell(u, r)
	case submit.StatusFailed:
		cells[colResult] = st.Err.Render("✗ refused")
		col, label := fieldColumn(r.field)
		// The workflow prefixes Zoom's message with the field; the column
		// already says it.
		msg := common.Safe(r.message)
		if r.field != "" {
			msg = strings.TrimPrefix(msg, r.field+": ")
		}
		if label != "" {
			msg = label + ": " + msg
		}
		cells[col] = st.Err.Render(msg)
	case submit.StatusUnknown:
		cells[colResult] = st.Unknown.Render("? unknown")
		cells[colExt] = st.Unknown.Render(common.Safe(r.message))
	case submit.StatusSkipped:
		cells[colResult] = st.Muted.Render("– skipped")
		cells[colExt] = st.Muted.Render(common.Safe(r.message))
	default:
		if m.running() {
			cells[colResult] = st.Muted.Render("… waiting")
		} else {
			cells[colResult] = st.Muted.Render("– not sent")
		}
	}
	return cells
}

// checked shows a value with its verification mark once it is known.
func checked(st *styles.Styles, value string, checks map[string]state.Check, name string) string {
	c, ok := checks[name]
	switch {
	case !ok:
		if value == "" {
			return st.Muted.Render("…")
		}
		return value
	case c.OK:
		return strings.TrimSpace(value + " " + st.OK.Render("✓"))
	}
	return strings.TrimSpace(value + " " + st.Err.Render("✗"))
}

// deskCell is the desk-phone column of a created user: live status while
// watching, else the verification.
func (m *Model) deskCell(u state.User, r userRow) string {
	st := m.ctx.Styles
	if len(u.DeskPhones) == 0 {
		return "—"
	}
	if len(r.devices) > 0 {
		online := 0
		for _, s := range r.devices {
			if s == "online" {
				online++
			}
		}
		switch {
		case online == len(u.DeskPhones):
			return st.OK.Render("● online")
		case online == 0 && len(u.DeskPhones) == 1:
			return st.Warn.Render("○ waiting for it to be plugged in")
		}
		return st.Warn.Render(fmt.Sprintf("◑ %d of %d online", online, len(u.DeskPhones)))
	}
	c, ok := r.checks[submit.CheckDeskPhone]
	switch {
	case !ok:
		return st.Muted.Render("…")
	case c.OK:
		return st.OK.Render("✓") + " " + state.FormatMAC(u.DeskPhones[0].MAC, ":")
	}
	return st.Err.Render("✗ " + common.Safe(c.Detail))
}

// fieldColumn maps a batch-body field to the column showing it, with a
// label when the column does not name it already.
func fieldColumn(field string) (int, string) {
	switch {
	case field == "extension_number":
		return colExt, ""
	case strings.HasPrefix(field, "phone_numbers"):
		return colNumbers, ""
	case strings.HasPrefix(field, "desk_phones"):
		return colDesk, "desk phone"
	case field == "":
		return colExt, ""
	}
	return colExt, strings.ReplaceAll(strings.SplitN(field, "[", 2)[0], "_", " ")
}

// footer: watching, where exports went.
func (m *Model) footer() []string {
	st := m.ctx.Styles
	var out []string
	if !m.running() && m.sub != nil {
		online, total := m.prog.phones()
		phones := m.phonesToWatch()
		switch {
		case m.prog.watchDone:
			out = append(out, " "+st.OK.Render(fmt.Sprintf("✓ all %d desk phone%s online", total, common.Plural(total))))
		case m.watching:
			out = append(out, " "+st.Muted.Render(m.spin())+fmt.Sprintf(" %d of %d phone%s online · watching", online, max(total, phones), common.Plural(phones)))
		case m.watchErr != nil:
			out = append(out, " "+st.Err.Render("✗ watching stopped: "+common.Safe(m.watchErr.Error())))
		case phones > 0 && total > 0:
			out = append(out, fmt.Sprintf(" %d of %d phone%s online · w to watch again", online, total, common.Plural(total)))
		case phones > 0:
			out = append(out, " "+st.Muted.Render(fmt.Sprintf("w watches the %d new desk phone%s come online as %s plugged in", phones, common.Plural(phones), map[bool]string{true: "it is", false: "they are"}[phones == 1])))
		}
	}
	if m.note != "" {
		out = append(out, " "+st.Status.Render(common.Safe(m.note)))
	}
	return out
}
