package user

import (
	"cmp"
	"strings"

	"zpadd/state"
	"zpadd/ui/pickers"
)

// suggestedExtension is the "→ to use" suggestion for the extension field:
// the next free one at the user's site (state.NextFreeExtension, the same
// rule that fills pasted and added users).
func (m *Model) suggestedExtension() string {
	u := m.user()
	site := cmp.Or(u.SiteName, u.SiteCode)
	length := 0
	if s, ok := pickers.SiteByName(m.ctx.Catalog, site); ok {
		length = s.ExtensionLength
	}
	return state.NextFreeExtension(m.ctx.Draft, m.ctx.Catalog, site, length)
}

// suggestedCallerID is the "→ to use" suggestion for a blank outbound
// caller ID: the user's first number (Zoom hides a blank caller ID).
func (m *Model) suggestedCallerID() string {
	for _, n := range m.user().PhoneNumbers {
		if n = strings.TrimSpace(n); n != "" {
			return n
		}
	}
	return ""
}

// suggestion is the focused text field's suggestion, if it has one.
func (m *Model) suggestion(id string) string {
	switch id {
	case "extension_number":
		return m.suggestedExtension()
	case "outbound_caller_id":
		return m.suggestedCallerID()
	}
	return ""
}
