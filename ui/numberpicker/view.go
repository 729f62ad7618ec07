package numberpicker

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// View draws the header, the visible rows only, and a status line; exactly
// the height given to SetSize (fewer rows when fewer numbers match).
func (m Model) View() string {
	var b strings.Builder
	b.WriteString(m.header())
	b.WriteByte('\n')

	rows := m.rows()
	shown := m.Matches()
	if shown == 0 {
		msg := "no number matches"
		if m.badChar {
			msg = "type digits only: letters never match a phone number"
		} else if len(m.numbers) == 0 {
			msg = "no free numbers at this site"
		}
		b.WriteString(m.Styles.Empty.Render("  " + msg))
		b.WriteByte('\n')
		rows--
	}
	end := min(m.offset+rows, shown)
	for i := m.offset; i < end; i++ {
		b.WriteString(m.row(i))
		b.WriteByte('\n')
	}
	b.WriteString(m.footer())
	return b.String()
}

func (m Model) header() string {
	filter := m.query
	if m.focused {
		filter += "▏"
	}
	left := m.Styles.Title.Render("Phone numbers") + "  filter " + m.Styles.Filter.Render(filter)
	limit := ""
	if m.max > 0 {
		limit = fmt.Sprintf("/%d", m.max)
	}
	right := m.Styles.Count.Render(fmt.Sprintf("%s of %s · %d%s picked",
		thousands(m.Matches()), thousands(len(m.numbers)), len(m.picked), limit))
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 2 {
		return left + "  " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m Model) row(i int) string {
	idx := m.shownAt(i)
	n := m.numbers[idx]
	mark := "[ ]"
	if m.isPicked[n] {
		mark = "[x]"
	}
	line := mark + " " + m.labels.label(idx, n)
	if note := m.notes[n]; note != "" {
		line += "  (" + note + ")"
	}
	switch {
	case i == m.cursor && m.focused:
		return m.Styles.Cursor.Render("▸ " + line)
	case m.isPicked[n]:
		return "  " + m.Styles.Picked.Render(line)
	}
	return "  " + line
}

func (m Model) footer() string {
	if m.note != "" {
		return m.Styles.Note.Render(m.note)
	}
	if shown := m.Matches(); shown > m.rows() {
		return m.Styles.Count.Render(fmt.Sprintf("%d–%d of %s · type digits to filter",
			m.offset+1, min(m.offset+m.rows(), shown), thousands(shown)))
	}
	return m.Styles.Count.Render("type digits to filter")
}

// thousands formats 10000 as "10,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
