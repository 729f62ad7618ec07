package results

import (
	"fmt"
	"strings"

	"zpadd/ui/common"
	"zpadd/zoom/submit"
)

// addressLines show, live, the follow-up that sets each created user's
// emergency address after the batch (the batch body has no field for it):
// one line per user whose address is not left to the site's default, and
// how many are on the default. A failure here says the user was created.
func (m *Model) addressLines() []string {
	if m.draft == nil {
		return nil
	}
	st := m.ctx.Styles
	var out []string
	onDefault := 0
	for i, u := range m.draft.Users {
		r := m.prog.row(i)
		if r == nil || r.status != submit.StatusCreated {
			continue
		}
		c, checked := r.checks[submit.CheckEmergencyAddress]
		if strings.TrimSpace(u.EmergencyAddress) == "" || (checked && c.OK && strings.HasPrefix(c.Detail, "site's default")) {
			onDefault++
			continue
		}
		line := "   " + common.Pad(u.DisplayName(), 18) + " "
		switch {
		case !checked && m.running():
			line += st.Muted.Render(m.spin() + " setting " + u.EmergencyAddress + "…")
		case !checked:
			line += st.Muted.Render("– not set in this run")
		case c.OK:
			line += st.OK.Render("✓ ") + c.Detail
		default:
			line += st.Err.Render("✗ " + c.Detail)
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		return nil
	}
	head := " " + st.Title.Render("Emergency addresses") + st.Muted.Render(" · set after the batch, read back")
	if onDefault > 0 {
		head += st.Muted.Render(fmt.Sprintf(" · %d on the site's default", onDefault))
	}
	return append([]string{"", head}, out...)
}
