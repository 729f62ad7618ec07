package batch

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
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
	b.WriteString(st.Label.Render("Defaults  ") + ansi.Truncate(defaultsLine(d.Defaults, addressMark(m.ctx.Catalog, d.Defaults.EmergencyAddress)), w-10, "…") + "\n\n")

	c := m.columns(w)
	head := "   " + c.index("#") + common.Pad("User", c.user) + "  " + common.Pad("ext", c.ext)
	if c.numbers > 0 {
		head += "  " + common.Pad("numbers", c.numbers)
	}
	head += "  " + common.Pad("desk phone", c.desk)
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
		b.WriteString(m.mark(state.Problems{p}) + " " + common.Safe(p.Message) + "\n")
	}
	if m.confirm && len(d.Users) > 0 {
		u := d.Users[m.cursor]
		b.WriteString(st.Warn.Render(fmt.Sprintf("Remove %s from this batch? y removes · n keeps", common.Safe(u.DisplayName()))) + "\n")
	}
	for _, l := range m.pasteMsg {
		b.WriteString(st.Warn.Render(ansi.Truncate(l, w, "…")) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// columns are the table's widths for one window width.
type columns struct {
	user, ext, numbers, desk, status int
	noIndex                          bool // the "#" column gave way (narrow)
}

// Widths of the table's fixed parts and the least a column may shrink to.
const (
	extWidth     = 5
	deskWidth    = 22 // "80:5e:c0:b2:00:01 t46s"
	macWidth     = 17 // "80:5e:c0:b2:00:01": the model is in the defaults line
	indexWidth   = 4  // "%2d  "
	numbersMax   = 18 // "+1 646-820-1000 +2"
	userMin      = 16
	statusMin    = 14    // below this, the numbers column goes
	fixedColumns = 7 + 8 // cursor and "#", four 2-cell separators
)

// columns fits the table to the window and to what the rows hold: the
// numbers column goes first when narrow; then the user and status columns
// share the rest, each taking what its longest cell needs, so a short
// User column leaves the status message room to be read.
func (m *Model) columns(w int) columns {
	var want wants
	for i, u := range m.ctx.Draft.Users {
		ps := m.problems.ForUser(i)
		want.user = max(want.user, ansi.StringWidth(userCell(u))+markWidth(addressMark(m.ctx.Catalog, u.EmergencyAddress)))
		want.numbers = max(want.numbers, ansi.StringWidth(numbersCell(u)))
		if len(u.DeskPhones) > 0 {
			want.desk = deskWidth
		}
		want.statusWide = max(want.statusWide, ansi.StringWidth("✗ "+statusText(ps, true)))
		want.statusShort = max(want.statusShort, ansi.StringWidth("✗ "+statusText(ps, false)))
	}
	return columnsFor(w, want)
}

// wants are the widths the rows' cells would need to show in full.
type wants struct{ user, numbers, desk, statusWide, statusShort int }

func columnsFor(w int, want wants) columns {
	// No desk phone yet: the column keeps only its heading's width, so the
	// emails get the room.
	c := columns{ext: extWidth, desk: max(want.desk, len("desk phone"))}
	rest := w - fixedColumns - c.ext - c.desk
	if c.desk == deskWidth && rest < userMin+statusMin {
		// Narrow (60 columns): the status column stays; the desk phone shows
		// its MAC only and the row number goes, before the status would.
		c.desk, c.noIndex = macWidth, true
		rest += deskWidth - macWidth + indexWidth
	}
	numbers := min(max(want.numbers, len("numbers")), numbersMax)
	if rest-numbers-2 >= userMin+4+statusMin {
		c.numbers = numbers
		rest -= numbers + 2
	}
	userWant := max(want.user, userMin)
	statusNeed := max(want.statusShort, 2) // at least "✓ "
	switch {
	case userWant+want.statusWide <= rest:
		// Everything fits: spare room goes to the User column.
		c.user, c.status = rest-want.statusWide, want.statusWide
	case userWant+statusNeed <= rest:
		// Every user in full; the status gets the rest (the message as far
		// as it goes).
		c.user, c.status = userWant, rest-userWant
	default:
		// Squeezed: the status keeps its short form readable ("✗ extension
		// number +1"), the User column gives way.
		c.status = min(statusNeed, rest-userMin)
		c.user = max(rest-c.status, userMin)
	}
	return c
}

// index is the "#" cell, or nothing when narrow.
func (c columns) index(s string) string {
	if c.noIndex {
		return ""
	}
	return fmt.Sprintf("%2s  ", s)
}

// userCell is a row's User column: name and email, or just the email.
func userCell(u state.User) string {
	name := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if name == "" {
		return u.Email
	}
	return name + "  " + u.Email
}

// numbersCell is the first number, readable, and how many more.
func numbersCell(u state.User) string {
	if len(u.PhoneNumbers) == 0 {
		return "—"
	}
	nums := common.PhoneLabel(u.PhoneNumbers[0])
	if len(u.PhoneNumbers) > 1 {
		nums += fmt.Sprintf(" +%d", len(u.PhoneNumbers)-1)
	}
	return nums
}

func (m *Model) rowView(i int, u state.User, c columns) string {
	st := m.ctx.Styles
	cursor := "   "
	if i == m.cursor {
		cursor = " " + st.Cursor.Render("▸ ")
	}
	email := common.Safe(u.Email)
	user := email
	if name := common.Safe(strings.TrimSpace(u.FirstName + " " + u.LastName)); name != "" && c.user >= 20 {
		user = name + "  " + st.Muted.Render(email)
	} else if name != "" && u.Email == "" {
		user = name
	}
	if user == "" {
		user = st.Muted.Render("(no email yet)")
	}
	if mark := addressMark(m.ctx.Catalog, u.EmergencyAddress); mark != "" {
		user += "  " + st.Muted.Render(common.Safe(mark))
	}
	row := cursor + c.index(fmt.Sprint(i+1)) + common.Pad(user, c.user) + "  " + common.Cell(dash(u.ExtensionNumber), c.ext)
	if c.numbers > 0 {
		row += "  " + common.Pad(numbersCell(u), c.numbers)
	}
	desk := "—"
	if len(u.DeskPhones) > 0 {
		p := u.DeskPhones[0]
		desk = state.FormatMAC(p.MAC, ":")
		if c.desk > macWidth {
			desk += " " + common.Safe(p.Model)
		}
		if len(u.DeskPhones) > 1 {
			desk += fmt.Sprintf(" +%d", len(u.DeskPhones)-1)
		}
	}
	row += "  " + common.Pad(desk, c.desk) + "  "
	ps := m.problems.ForUser(i)
	return row + ansi.Truncate(m.mark(ps)+" "+statusText(ps, c.status >= 30), c.status, "…")
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

// statusText is the most important problem (errors first): the field's
// name when the column is narrow, the whole message when it is wide, and
// how many more there are.
func statusText(ps state.Problems, wide bool) string {
	if len(ps) == 0 {
		return ""
	}
	p := ps[0]
	if errs := ps.Errors(); len(errs) > 0 {
		p = errs[0]
	}
	text := shortField(p)
	if wide {
		text = p.Message
	}
	return text + more(len(ps))
}

// shortNames are the status column's short field names.
var shortNames = map[string]string{
	"extension_number":          "extension",
	"outbound_caller_id":        "caller ID",
	"phone_numbers":             "numbers",
	"calling_plans":             "plans",
	"desk_phones":               "desk phone",
	"template_name":             "template",
	"site_name":                 "site",
	"site_code":                 "site code",
	"select_outbound_caller_id": "caller ID choice",
}

func shortField(p state.Problem) string {
	f := p.Field
	if i := strings.IndexAny(f, "[."); i > 0 {
		f = f[:i]
	}
	if s, ok := shortNames[f]; ok {
		return s
	}
	return strings.ReplaceAll(f, "_", " ")
}

func more(n int) string {
	if n > 1 {
		return fmt.Sprintf(" +%d", n-1)
	}
	return ""
}

func defaultsLine(df state.Defaults, address string) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, common.Safe(s))
		}
	}
	site := df.SiteName
	if site == "" {
		site = df.SiteCode
	}
	add(site)
	add(df.TemplateName)
	add(strings.Join(df.CallingPlans, ", "))
	if df.PhoneNumber == state.NextFreeNumber {
		add("next free number")
	}
	add(strings.TrimSpace(df.DeskPhoneBrand + " " + df.DeskPhoneModel))
	add(df.ProvisionTemplate)
	if df.SMS != nil {
		if *df.SMS {
			add("SMS on")
		} else {
			add("SMS off")
		}
	}
	add(address)
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
