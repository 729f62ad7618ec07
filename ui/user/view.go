package user

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui/common"
	"zpadd/ui/pickers"
	"zpadd/zoom/submit"
)

// labelWidth is the column of field labels.
const labelWidth = 20

// View implements common.Screen.
func (m *Model) View() string {
	st := m.ctx.Styles
	if m.err != nil {
		return st.Err.Render("✗ " + common.Safe(m.err.Error()))
	}
	if m.overlay != noOverlay {
		head := st.Label.Render(m.Title()+" · ") + st.Focused.Render(m.specs[m.focus].Label)
		if m.overlay == numbersOverlay {
			return head + "\n\n" + m.numbers.View()
		}
		return head + "\n\n" + m.picker.View()
	}
	u := m.user()
	var rows []string
	focusRow := 0
	for i, s := range m.specs {
		if i == m.focus {
			focusRow = len(rows)
		}
		rows = append(rows, m.row(i, s, u))
	}
	// Problems of the focused field, then the rest of this user's.
	var foot []string
	if m.ctx.ReadOnly {
		foot = append(foot, st.Notice.Render("read-only: this draft is open in another zpadd"))
	}
	for _, p := range m.problems {
		if indexOf(m.specs, p.Field) == m.focus {
			foot = append(foot, m.problemLine(p))
		}
	}
	if len(foot) == 0 && len(m.problems) > 0 {
		foot = append(foot, st.Muted.Render(fmt.Sprintf("%d problem(s) in this user: marked ✗/! beside the fields", len(m.problems))))
	}
	// Scroll so the focused row stays visible above the footer.
	avail := max(m.height-len(foot)-1, 3)
	start := 0
	if focusRow >= avail {
		start = focusRow - avail + 1
	}
	end := min(start+avail, len(rows))
	out := strings.Join(rows[start:end], "\n")
	if len(foot) > 0 {
		out += "\n\n" + strings.Join(foot, "\n")
	}
	return out
}

func (m *Model) problemLine(p state.Problem) string {
	st := m.ctx.Styles
	if p.Severity == state.Error {
		return st.Err.Render("✗ " + common.Safe(p.Message))
	}
	return st.Warn.Render("! " + common.Safe(p.Message))
}

// row renders one field: cursor, label, value (the live editor when
// focused) and a note (mark, lookup result, suggestion).
func (m *Model) row(i int, s spec, u *state.User) string {
	st := m.ctx.Styles
	focused := i == m.focus
	cursor := "  "
	label := st.Label.Render(common.Pad(s.Label, labelWidth))
	if focused {
		cursor = st.Cursor.Render("▸ ")
		label = st.Focused.Render(common.Pad(s.Label, labelWidth))
	}
	if s.Kind == addPhoneKind {
		return cursor + label
	}
	var value string
	switch s.Kind {
	case textKind:
		if focused && !m.ctx.ReadOnly {
			value = m.input.View()
		} else {
			value = safetext.Line(text(u, s.ID))
		}
	case pickKind:
		value = safetext.Line(m.pickValue(s, u))
	case multiKind:
		value = safetext.Line(strings.Join(u.CallingPlans, ", "))
	case numbersKind:
		labels := make([]string, len(u.PhoneNumbers))
		for i, n := range u.PhoneNumbers {
			labels[i] = common.PhoneLabel(n)
		}
		value = strings.Join(labels, ", ")
	case toggleKind:
		if s.ID == "sms" {
			value = toggleText(u.SMS)
		} else {
			value = toggleText(u.SelectOutboundCallerID)
		}
	case macKind:
		cur := u.DeskPhones[s.Phone].MAC
		if focused && !m.ctx.ReadOnly {
			if m.mac.Value() == "" && cur != "" {
				value = macText(cur) + st.Muted.Render("  (scan or type to replace)")
			} else {
				value = m.mac.View()
			}
		} else {
			value = macText(cur)
		}
	}
	if value == "" {
		value = st.Muted.Render("—")
	}
	return cursor + label + ansi.Truncate(value, max(m.width-labelWidth-24, 10), "…") + m.note(i, s)
}

func macText(mac string) string {
	if len(mac) == 12 {
		return state.FormatMAC(mac, ":")
	}
	return mac
}

func (m *Model) pickValue(s spec, u *state.User) string {
	switch s.ID {
	case "site_name":
		return cmp.Or(u.SiteName, u.SiteCode)
	case "template_name":
		return u.TemplateName
	case "emergency_address":
		return pickers.EmergencyAddressText(m.ctx.Catalog, u.EmergencyAddress)
	}
	if s.Phone >= len(u.DeskPhones) {
		return ""
	}
	p := u.DeskPhones[s.Phone]
	switch {
	case strings.HasSuffix(s.ID, ".brand"):
		return p.Brand
	case strings.HasSuffix(s.ID, ".model"):
		return p.Model
	case strings.HasSuffix(s.ID, ".provision_template"):
		return p.ProvisionTemplate
	}
	return ""
}

// note is the mark after a field: the email lookup, the worst problem.
func (m *Model) note(i int, s spec) string {
	st := m.ctx.Styles
	var parts []string
	if s.ID == "email" {
		switch {
		case m.looking:
			parts = append(parts, st.Muted.Render("looking up…"))
		case m.lookupErr != nil:
			parts = append(parts, st.Warn.Render("! lookup failed: "+common.Safe(m.lookupErr.Error())))
		case m.lookup != nil:
			parts = append(parts, lookupNote(m, *m.lookup))
		}
	}
	worst := ""
	for _, p := range m.problems {
		if indexOf(m.specs, p.Field) != i {
			continue
		}
		if p.Severity == state.Error {
			worst = st.Err.Render("✗")
			break
		}
		worst = st.Warn.Render("!")
	}
	if worst != "" {
		parts = append(parts, worst)
	}
	if len(parts) == 0 {
		return ""
	}
	return "  " + strings.Join(parts, " ")
}

func lookupNote(m *Model, l submit.UserLookup) string {
	st := m.ctx.Styles
	switch {
	// ✗ like the batch table and review: Zoom adds none of these users.
	case l.Status == submit.StatusNotFound:
		return st.Err.Render("✗ no Zoom user with this email")
	case l.PhoneUser:
		ext := ""
		if l.Extension != "" {
			ext = " (ext " + l.Extension + ")"
		}
		return st.Err.Render("✗ already a Zoom Phone user" + ext)
	case !l.Active:
		return st.Err.Render("✗ " + l.Status + " user: Zoom adds only active users")
	}
	return st.OK.Render("✓ active Zoom user")
}
