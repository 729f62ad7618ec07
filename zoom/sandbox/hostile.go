package sandbox

import "strings"

// The hostile-names behaviour adds to the seeded account what an attacker
// with a Zoom admin seat (or a careless import into Zoom) can put there:
// names and messages carrying terminal escape sequences, bidi overrides
// and line breaks. zpadd must show them without any of it reaching the
// terminal (issue 13). The default seed is untouched; fixed ids keep every
// other id the sandbox hands out as it was.
const (
	// HostileEmail is an active user, not yet a phone user, whose first
	// name writes the clipboard (OSC 52) and recolours, and whose last
	// name clears the screen and reverses the text after it.
	HostileEmail = "mallory.hostile@example.com"
	// HostileRefusedEmail is an active user the batch endpoint refuses
	// with a message that carries escape sequences.
	HostileRefusedEmail = "trudy.hostile@example.com"
	// HostileSiteName and HostileTemplateName hold line breaks (and the
	// template a colour code), to split table and picker rows.
	HostileSiteName     = "Lab\nFloor 2"
	HostileTemplateName = "Lab users\n\x1b[31mRED"
	hostileFirstName    = "\x1b]52;c;aGFja2Vk\x07Mal\x1b[31mlory"
	hostileLastName     = "\x1b[2J\x1b[H\u202eyrtsoH\x1b[0m"
	hostileRefusal      = "User \x1b]52;c;cG93bmVk\x07blocked\x1b[2J by policy \u202edetnuoc\u009b31m."
)

// addHostile puts the hostile users, a site and its template into w.
func addHostile(w *world) {
	w.addUser(&accountUser{ID: "hostileUserMallory01", Email: HostileEmail, FirstName: hostileFirstName, LastName: hostileLastName, Status: "active", Type: 1})
	w.addUser(&accountUser{ID: "hostileUserTrudy0001", Email: HostileRefusedEmail, FirstName: "Trudy\x1b[5m", LastName: "Blink\r\nInjected", Status: "active", Type: 1})
	lab := &site{ID: "hostileSiteLab000001", Name: HostileSiteName, Code: 9, Country: "US", CountryName: "United States", ExtLen: 4,
		AutoReceptionist: autoReceptionist{ID: "hostileLabAR00000001", Name: "Lab\x1b[2J AR", ExtensionID: "hostileLabARExt00001", ExtensionNumber: 9000}}
	w.addSite(lab)
	w.templates = append(w.templates, &settingTemplate{ID: "hostileTemplateLab01", Name: HostileTemplateName, Type: "user", Description: "\x1b]52;c;dGVtcGxhdGU=\x07", SiteID: lab.ID})
}

// hostileRefusal refuses HostileRefusedEmail with Zoom's message made
// hostile, when the behaviour is on.
func (c *batchCheck) hostileRefusal(i int, email string) {
	if c.s.opts.HostileNames && strings.EqualFold(email, HostileRefusedEmail) {
		c.fail(i, "email", "%s", hostileRefusal)
	}
}
