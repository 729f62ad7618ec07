package scan

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui/common"
)

// nameWidth is the user column; names are cut, never wrapped.
const nameWidth = 22

// View implements common.Screen.
func (m *Model) View() string {
	st := m.ctx.Styles
	var b strings.Builder
	b.WriteString(" Scan the MAC barcode on each box. Each scan goes to the next user without a phone.\n")
	b.WriteString(" " + m.kindLine() + "\n")
	if m.ctx.ReadOnly {
		b.WriteString(" " + st.Notice.Render("read-only: another zpadd has this draft open; scans are not saved") + "\n")
	}
	b.WriteString("\n")
	if m.chooser != nil {
		b.WriteString(indent(m.chooser.picker.View(), " "))
		return common.Fit(b.String(), m.width, m.height)
	}
	d := m.ctx.Draft
	if d == nil || len(d.Users) == 0 {
		b.WriteString("   " + st.Muted.Render("no users in this batch yet: add users first, then scan their phones") + "\n")
	} else {
		for i := range d.Users {
			b.WriteString(m.row(i) + "\n")
		}
		with := 0
		for _, u := range d.Users {
			if len(u.DeskPhones) > 0 {
				with++
			}
		}
		b.WriteString(st.Muted.Render(fmt.Sprintf("   %d of %d users have a desk phone", with, len(d.Users))) + "\n")
	}
	b.WriteString("\n " + m.input.View() + "\n")
	if m.last.text != "" {
		text := common.Safe(m.last.text)
		if m.last.ok {
			text = st.OK.Render(text)
		} else {
			text = st.Err.Render(text)
		}
		b.WriteString(" " + st.Label.Render("last: ") + text + "\n")
	}
	return common.Fit(b.String(), m.width, m.height)
}

func (m *Model) kindLine() string {
	st := m.ctx.Styles
	k, fromMAC := m.kind()
	what := strings.TrimSpace(k.brand + " " + k.model)
	switch {
	case fromMAC && k.model == "":
		what = "brand from each MAC's vendor prefix, no model"
	case what == "":
		what = "none"
	}
	s := "Model for these scans: " + st.Value.Render(what) + st.Muted.Render(" (ctrl+o to change)")
	if d := m.ctx.Draft; d != nil && d.Defaults.ProvisionTemplate != "" {
		s += " · provision template: " + d.Defaults.ProvisionTemplate
	}
	return s
}

func (m *Model) row(i int) string {
	st := m.ctx.Styles
	u := m.ctx.Draft.Users[i]
	name := ansi.Truncate(safetext.Line(u.DisplayName()), nameWidth, "…")
	name += strings.Repeat(" ", max(0, nameWidth-ansi.StringWidth(name)))
	num := fmt.Sprintf("%2d", i+1)

	switch {
	case len(u.DeskPhones) > 0:
		p := u.DeskPhones[0]
		mark := st.OK.Render("✓")
		detail := fmt.Sprintf("%-17s   %s", state.FormatMAC(p.MAC, ":"), common.Safe(strings.TrimSpace(p.Brand+" "+p.Model)))
		if extra := len(u.DeskPhones) - 1; extra > 0 {
			detail += fmt.Sprintf(" (+%d)", extra)
		}
		row := fmt.Sprintf(" %s %s  %s  %s", mark, num, name, detail)
		if i == m.flashUser {
			return st.Selected.Render(st.OK.Bold(true).Render(row) + "  ← scanned")
		}
		return row
	case i == m.target:
		return fmt.Sprintf(" %s %s  %s  %s", st.Cursor.Render("▸"), num, st.Focused.Render(name), st.Muted.Render("waiting for a scan…"))
	case m.skipped[i]:
		return fmt.Sprintf(" %s %s  %s  %s", st.Muted.Render("–"), num, name, st.Muted.Render("skipped (↑/↓ to come back)"))
	}
	return fmt.Sprintf("   %s  %s", num, strings.TrimRight(name, " "))
}

func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad) + "\n"
}
