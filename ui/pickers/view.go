package pickers

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state/safetext"
)

// View renders the title with the filter, the visible rows and, when the
// list is longer than its box or there is something to say, a footer with
// "more" markers. It draws at most the height given to SetSize, each line
// at most its width.
func (m Model) View() string {
	st := m.st
	var b strings.Builder
	head := st.Focused.Render(m.Title) + "  "
	if m.filter != "" {
		head += st.Muted.Render("filter ") + safetext.Line(m.filter) + "▏"
	} else {
		head += st.Muted.Render("type to filter")
	}
	if m.multi {
		head += st.Muted.Render(fmt.Sprintf(" · %d ticked", len(m.ticked())))
	}
	b.WriteString(ansi.Truncate(head, m.width, "…"))
	if len(m.shown) == 0 {
		msg := "nothing matches"
		switch {
		case len(m.items) == 0 && m.filter == "":
			msg = "no list yet (no catalog): type a value; it stays unverified until checked"
		case m.free() != "":
			msg = "not in any list: enter uses " + safetext.Line(m.free()) + " (unverified)"
		}
		b.WriteString("\n" + ansi.Truncate(st.Muted.Render("  "+msg), m.width, "…"))
		if m.note != "" {
			b.WriteString("\n" + ansi.Truncate(st.Warn.Render(m.note), m.width, "…"))
		}
		return b.String()
	}
	rows := m.rows()
	end := min(m.offset+rows, len(m.shown))
	for i := m.offset; i < end; i++ {
		b.WriteString("\n" + m.row(i))
	}
	if foot := m.footer(end); foot != "" {
		b.WriteString("\n" + ansi.Truncate(foot, m.width, "…"))
	}
	return b.String()
}

func (m Model) row(i int) string {
	st := m.st
	it := m.items[m.shown[i]]
	mark := "  "
	if i == m.cursor {
		mark = st.Cursor.Render("▸ ")
	}
	box := ""
	if m.multi {
		box = "[ ] "
		if m.selected[it.Value] {
			box = "[x] "
		}
	}
	// Names come from Zoom: shown escaped, on one line (state/safetext).
	label := safetext.Line(cmp.Or(it.Label, it.Value))
	line := box + label
	if it.Disabled {
		line = st.Muted.Render(line)
	}
	if detail := safetext.Line(it.Detail); detail != "" {
		line += "  " + st.Muted.Render(detail)
	}
	return mark + ansi.Truncate(line, m.width-2, "…")
}

// footer is the note, else the more markers, else nothing.
func (m Model) footer(end int) string {
	if m.note != "" {
		return m.st.Warn.Render(m.note)
	}
	above, below := m.offset, len(m.shown)-end
	if above == 0 && below == 0 {
		return ""
	}
	var parts []string
	if above > 0 {
		parts = append(parts, fmt.Sprintf("↑ %d more", above))
	}
	if below > 0 {
		parts = append(parts, fmt.Sprintf("↓ %d more", below))
	}
	return m.st.Muted.Render("  " + strings.Join(parts, " · "))
}
