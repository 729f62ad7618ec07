package state

import (
	"fmt"
	"strings"
)

// MACTaken is the one check every entry point (the form, the scan screen,
// the accessible prompts) makes before taking a normalised MAC for desk
// phone `phone` of user `user`: not already another desk phone of this
// batch, not already registered on the account (Zoom refuses a MAC it
// holds, and MACs cannot be edited after creation). nil when free.
func MACTaken(d *Draft, c *Catalog, mac string, user, phone int) error {
	if d != nil {
		for i, u := range d.Users {
			for j, p := range u.DeskPhones {
				if (i == user && j == phone) || !SameMAC(p.MAC, mac) {
					continue
				}
				if i == user {
					return fmt.Errorf("%s is already this user's desk phone %d: scanned twice?", joinOctets(mac, ":"), j+1)
				}
				return fmt.Errorf("%s is already %s's desk phone", joinOctets(mac, ":"), u.DisplayName())
			}
		}
	}
	if c != nil {
		for _, dev := range c.Devices {
			if SameMAC(dev.MAC, mac) {
				return fmt.Errorf("%s", registeredMessage(mac, dev))
			}
		}
	}
	return nil
}

// registeredMessage is the wording for a MAC already on the account, for
// MACTaken and for validation.
func registeredMessage(mac string, dev Device) string {
	who := "not assigned to anyone"
	if dev.Assignee != "" {
		who = "assigned to " + dev.Assignee
	}
	return fmt.Sprintf("%s is already registered on the account (%s): a MAC can be added only once; use another phone or remove the old device in Zoom first", joinOctets(mac, ":"), who)
}

// SameMAC compares a stored MAC (normalised, or raw when it never was)
// with a normalised one.
func SameMAC(stored, mac string) bool {
	if strings.EqualFold(stored, mac) {
		return true
	}
	n, err := NormalizeMAC(stored)
	return err == nil && n == mac
}
