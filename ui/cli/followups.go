package cli

import (
	"fmt"
	"strings"

	"zpadd/state"
)

// followUpPlan says, for a dry run, which writes would follow the batch:
// the users with an emergency address (unless it turns out to be their
// site's default, which needs none).
func followUpPlan(d *state.Draft) string {
	var who []string
	for _, u := range d.Users {
		if strings.TrimSpace(u.EmergencyAddress) != "" {
			who = append(who, u.Email)
		}
	}
	if len(who) == 0 {
		return ""
	}
	return fmt.Sprintf("then, after the batch: PATCH /phone/users/{userId} {\"emergency_address_id\": …} for %s (each unless it is the site's default), each read back",
		strings.Join(who, ", "))
}
