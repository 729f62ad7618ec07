package review

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
)

const (
	userWidth  = 22
	fieldWidth = 18
)

var spinnerFrames = []string{"◐", "◓", "◑", "◒"}

// View implements common.Screen.
func (m *Model) View() string {
	if m.showJSON {
		return m.jsonView()
	}
	st := m.ctx.Styles
	var b strings.Builder
	b.WriteString(m.summary() + "\n")
	if m.liveErr != nil {
		// Say why Zoom was not checked: offline, refused credentials, ...
		b.WriteString(" " + st.Warn.Render(ansi.Truncate(common.Safe(m.liveErr.Error()), max(m.width-2, 10), "…")) + "\n")
	}
	b.WriteString("\n")

	ps := m.problems()
	if len(m.items) == 0 {
		switch {
		case m.ctx.Draft == nil || len(m.ctx.Draft.Users) == 0:
			b.WriteString(" " + st.Warn.Render("the draft has no users: add some on the batch screen") + "\n")
		case m.liveErr != nil:
			b.WriteString(" " + st.OK.Render("✓ local checks passed") + st.Muted.Render(" · not checked with Zoom (above): s checks again and sends only if Zoom answers") + "\n")
		case m.checking:
			b.WriteString(" " + st.OK.Render("✓ local checks passed") + st.Muted.Render(" · waiting for Zoom's pre-flight (s submits now and checks again)") + "\n")
		default:
			b.WriteString(" " + st.OK.Render(fmt.Sprintf("✓ no problems: s sends %d user%s in one request", len(m.ctx.Draft.Users), common.Plural(len(m.ctx.Draft.Users)))) + "\n")
		}
		b.WriteString("\n" + m.addressLines())
		return common.Fit(b.String(), m.width, m.height)
	}

	end := min(len(m.items), m.offset+m.rows())
	for i := m.offset; i < end; i++ {
		p := m.items[i]
		if i == m.offset || m.items[i-1].Severity != p.Severity {
			if p.Severity == state.Error {
				b.WriteString(" " + st.Err.Bold(true).Render(fmt.Sprintf("Errors (%d) — these block submit", len(ps.Errors()))) + "\n")
			} else {
				b.WriteString(" " + st.Warn.Bold(true).Render(fmt.Sprintf("Warnings (%d) — submit is allowed", len(ps)-len(ps.Errors()))) + "\n")
			}
		}
		b.WriteString(m.row(i) + "\n")
	}
	if end < len(m.items) {
		b.WriteString(st.Muted.Render(fmt.Sprintf("   … %d more below", len(m.items)-end)) + "\n")
	}
	if m.cursor < len(m.items) {
		p := m.items[m.cursor]
		b.WriteString("\n" + m.detail(p))
	}
	b.WriteString("\n\n" + m.addressLines())
	return common.Fit(b.String(), m.width, m.height)
}

func (m *Model) summary() string {
	st := m.ctx.Styles
	ps := m.problems()
	nErr := len(ps.Errors())
	nWarn := len(ps) - nErr
	users := 0
	name := ""
	if d := m.ctx.Draft; d != nil {
		users, name = len(d.Users), d.Name
	}
	left := " " + st.Title.Render(name) + st.Muted.Render(fmt.Sprintf(" · %d user%s · ", users, common.Plural(users)))
	switch {
	case nErr > 0:
		left += st.Err.Render(fmt.Sprintf("✗ %d error%s", nErr, common.Plural(nErr)))
	default:
		left += st.OK.Render("✓ 0 errors")
	}
	if nWarn > 0 {
		left += st.Muted.Render(" · ") + st.Warn.Render(fmt.Sprintf("! %d warning%s", nWarn, common.Plural(nWarn)))
	}
	var right string
	switch {
	case m.checking:
		right = st.Muted.Render(m.spinner.View() + " checking with Zoom…")
	case m.liveErr != nil:
		right = st.Warn.Render("! Zoom not checked: local rules only (r to retry)")
	case m.liveOK:
		right = st.OK.Render("✓ checked with Zoom")
	case m.ctx.Service == nil:
		right = st.Muted.Render("local rules only")
	}
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 2 {
		return left + "  " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) row(i int) string {
	st := m.ctx.Styles
	p := m.items[i]
	mark := "  "
	if i == m.cursor {
		mark = st.Cursor.Render("▸ ")
	}
	// Only the first problem of a user names them: the rest read as a group
	// under it.
	who := ""
	if sameGroup := i > m.offset && m.items[i-1].User == p.User && m.items[i-1].Severity == p.Severity; !sameGroup {
		who = "draft"
		if d := m.ctx.Draft; d != nil && p.User >= 0 && p.User < len(d.Users) {
			who = fmt.Sprintf("%d  %s", p.User+1, common.Safe(d.Users[p.User].DisplayName()))
		}
	}
	msgStyle := st.Warn
	if p.Severity == state.Error {
		msgStyle = st.Err
	}
	return " " + mark + common.Pad(who, userWidth) + "  " + common.Pad(fieldLabel(p.Field), fieldWidth) + "  " + msgStyle.Render(common.Safe(p.Message))
}

// detail shows the selected problem in full, since rows are cut at the
// screen's edge.
func (m *Model) detail(p state.Problem) string {
	st := m.ctx.Styles
	where := "the draft"
	if d := m.ctx.Draft; d != nil && p.User >= 0 && p.User < len(d.Users) {
		where = d.Users[p.User].DisplayName()
		if p.Field != "" {
			where += ", " + fieldLabel(p.Field)
		}
	}
	text := st.Label.Render(common.Safe(where)+": ") + common.Safe(p.Message)
	wrapped := ansi.Wrap(text, max(20, m.width-2), "")
	lines := strings.Split(wrapped, "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = ansi.Truncate(lines[1], max(20, m.width-3), "…")
	}
	return " " + strings.Join(lines, "\n ")
}

func (m *Model) jsonView() string {
	st := m.ctx.Styles
	head := " " + st.Title.Render("Request body") + st.Muted.Render(" · POST /phone/users/batch · exactly what will be sent")
	if m.bodyErr != nil {
		return head + "\n\n " + st.Err.Render(common.Safe(m.bodyErr.Error()))
	}
	pos := st.Muted.Render(fmt.Sprintf(" %3.0f%%", m.body.ScrollPercent()*100))
	return common.Fit(head+pos+"\n\n"+m.body.View(), m.width, m.height)
}
