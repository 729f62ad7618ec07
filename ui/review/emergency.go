package review

import (
	"fmt"
	"strings"

	"zpadd/ui/common"
	"zpadd/ui/pickers"
)

// addressLines say where emergency services would be sent for each user:
// how many stay on the site's default (an empty emergency_address) and,
// one line each, those whose address is set by a follow-up after the batch
// (the batch body has no field for it, zoom-api.md §11.6).
func (m *Model) addressLines() string {
	d := m.ctx.Draft
	if d == nil || len(d.Users) == 0 {
		return ""
	}
	st := m.ctx.Styles
	var others []string
	onDefault := 0
	for i, u := range d.Users {
		if strings.TrimSpace(u.EmergencyAddress) == "" {
			onDefault++
			continue
		}
		others = append(others, fmt.Sprintf("   %d  %s → %s", i+1, u.DisplayName(), pickers.EmergencyAddressText(m.ctx.Catalog, u.EmergencyAddress)))
	}
	head := fmt.Sprintf(" ⌂ Emergency address: %d user%s on the site's default", onDefault, common.Plural(onDefault))
	if onDefault == len(d.Users) {
		head = " ⌂ Emergency address: the site's default for every user"
	}
	if len(others) > 0 {
		head += fmt.Sprintf(" · %d set after the batch (one request each):", len(others))
	}
	out := st.Muted.Render(head)
	for _, o := range others {
		out += "\n" + st.Muted.Render(o)
	}
	return out
}
