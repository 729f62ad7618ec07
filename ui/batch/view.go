package batch

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
)

// View implements common.Screen.
func (m *Model) View() string {
	d := m.ctx.Draft
	st := m.ctx.Styles
	if d == nil {
		return st.Muted.Render("no draft open")
	}
	w := m.width
	var b strings.Builder
	b.WriteString(st.Label.Render("Defaults  ") + ansi.Truncate(defaultsLine(d.Defaults), w-10, "…") + "\n\n")

	c := columnsFor(w)
	head := "   " + fmt.Sprintf("%2s  ", "#") + pad("User", c.user) + "  " + pad("ext", c.ext)
	if c.numbers > 0 {
		head += "  " + pad("numbers", c.numbers)
	}
	head += "  " + pad("desk phone", c.desk)
	b.WriteString(st.Muted.Render(head) + "\n")
	if len(d.Users) == 0 {
		b.WriteString(st.Muted.Render("   no users yet: a adds one, or paste a list of emails") + "\n")
	}
	for i, u := range d.Users {
		b.WriteString(m.rowView(i, u, c) + "\n")
	}
	count := fmt.Sprintf("%d of %d", len(d.Users), state.MaxUsers)
	b.WriteString(strings.Repeat(" ", max(w-len(count)-1, 0)) + st.Muted.Render(count) + "\n")

	for _, p := range m.problems.ForUser(-1) {
		b.WriteString(m.mark(state.Problems{p}) + " " + p.Message + "\n")
	}
	if m.confirm && len(d.Users) > 0 {
		u := d.Users[m.cursor]
		b.WriteString(st.Warn.Render(fmt.Sprintf("Remove %s from this batch? y removes · n keeps", u.DisplayName())) + "\n")
	}
	for _, l := range m.pasteMsg {
		b.WriteString(st.Warn.Render(ansi.Truncate(l, w, "…")) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// columns are the table's widths for one window width.
type columns struct{ user, ext, numbers, desk, status int }

// columnsFor shrinks, then drops, columns as the window narrows: the name
// goes before the numbers, the numbers before the ids (email, MAC).
func columnsFor(w int) columns {
	c := columns{ext: 5, numbers: 15, desk: 22, status: 14}
	// 3 cursor + 4 "#" + separators (2 each) between 5 columns.
	rest := w - 7 - c.ext - c.desk - c.status - 8
	if rest-c.numbers-2 >= 22 {
		c.user = rest - c.numbers - 2
		return c
	}
	c.numbers = 0
	c.user = max(rest, 16)
	return c
}

func (m *Model) rowView(i int, u state.User, c columns) string {
	st := m.ctx.Styles
	cursor := "   "
	if i == m.cursor {
		cursor = " " + st.Cursor.Render("▸") + " "
	}
	user := u.Email
	if name := strings.TrimSpace(u.FirstName + " " + u.LastName); name != "" && c.user >= 20 {
		user = name + "  " + st.Muted.Render(u.Email)
	}
	if user == "" {
		user = st.Muted.Render("(no email yet)")
	}
	row := cursor + fmt.Sprintf("%2d  ", i+1) + pad(user, c.user) + "  " + pad(dash(u.ExtensionNumber), c.ext)
	if c.numbers > 0 {
		nums := "—"
		if len(u.PhoneNumbers) > 0 {
			nums = u.PhoneNumbers[0]
			if len(u.PhoneNumbers) > 1 {
				nums += fmt.Sprintf(" +%d", len(u.PhoneNumbers)-1)
			}
		}
		row += "  " + pad(nums, c.numbers)
	}
	desk := "—"
	if len(u.DeskPhones) > 0 {
		p := u.DeskPhones[0]
		desk = state.FormatMAC(p.MAC, ":") + " " + p.Model
		if len(u.DeskPhones) > 1 {
			desk += fmt.Sprintf(" +%d", len(u.DeskPhones)-1)
		}
	}
	row += "  " + pad(desk, c.desk) + "  "
	ps := m.problems.ForUser(i)
	return row + ansi.Truncate(m.mark(ps)+" "+firstMessage(ps), c.status, "…")
}

// mark is the row's status: ✗ when a problem blocks, ! for warnings only,
// ✓ when clean.
func (m *Model) mark(ps state.Problems) string {
	st := m.ctx.Styles
	switch {
	case ps.Blocking():
		return st.Err.Render("✗")
	case len(ps) > 0:
		return st.Warn.Render("!")
	}
	return st.OK.Render("✓")
}

// firstMessage is the most important problem, short: errors first.
func firstMessage(ps state.Problems) string {
	if errs := ps.Errors(); len(errs) > 0 {
		return shortField(errs[0]) + fmt.Sprintf("%s", more(len(ps)))
	}
	if len(ps) > 0 {
		return shortField(ps[0]) + more(len(ps))
	}
	return ""
}

func shortField(p state.Problem) string {
	f := p.Field
	if i := strings.IndexAny(f, "[."); i > 0 {
		f = f[:i]
	}
	return strings.ReplaceAll(f, "_", " ")
}

func more(n int) string {
	if n > 1 {
		return fmt.Sprintf(" +%d", n-1)
	}
	return ""
}

func defaultsLine(df state.Defaults) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	site := df.SiteName
	if site == "" {
		site = df.SiteCode
	}
	add(site)
	add(df.TemplateName)
	add(strings.Join(df.CallingPlans, ", "))
	add(strings.TrimSpace(df.DeskPhoneBrand + " " + df.DeskPhoneModel))
	add(df.ProvisionTemplate)
	if df.SMS != nil {
		if *df.SMS {
			add("SMS on")
		} else {
			add("SMS off")
		}
	}
	if len(parts) == 0 {
		return "none set (D to choose site, template, plans, desk phone)"
	}
	return strings.Join(parts, " · ")
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// pad truncates or pads s to exactly w cells.
func pad(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}
