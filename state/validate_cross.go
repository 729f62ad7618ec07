package state

import (
	"fmt"
	"strings"
)

// crossUserRules are the rules that compare users with each other:
// duplicates inside the draft and plan availability across the batch.
func (v *validator) crossUserRules() {
	v.duplicateEmails()
	v.duplicateExtensions()
	v.duplicateNumbers()
	v.duplicateMACs()
	v.planAvailability()
}

func (v *validator) duplicateEmails() {
	first := map[string]int{}
	for i, u := range v.d.Users {
		key := EmailKey(u.Email)
		if key == "" {
			continue
		}
		if j, ok := first[key]; ok {
			v.add(i, "email", Error, "%s is also user %d: each user can be in the batch once", u.Email, j+1)
			continue
		}
		first[key] = i
	}
}

// siteKey groups users by site for the per-site extension rule: the
// catalog's site id when known, else the site as typed.
func (v *validator) siteKey(u User) string {
	if v.idx.known("sites") {
		if s := v.idx.siteByName(u.SiteName); s != nil {
			return s.ID
		}
		if s := v.idx.siteByCode(u.SiteCode); s != nil {
			return s.ID
		}
	}
	return strings.ToLower(strings.TrimSpace(u.SiteName)) + "\x00" + strings.TrimSpace(u.SiteCode)
}

func (v *validator) duplicateExtensions() {
	first := map[string]int{}
	for i, u := range v.d.Users {
		ext := strings.TrimSpace(u.ExtensionNumber)
		if ext == "" {
			continue
		}
		key := v.siteKey(u) + "\x00" + ext
		if j, ok := first[key]; ok {
			v.add(i, "extension_number", Error, "extension %s is also user %d's at the same site: give each user their own", ext, j+1)
			continue
		}
		first[key] = i
	}
}

func (v *validator) duplicateNumbers() {
	type at struct{ user, index int }
	first := map[string]at{}
	for i, u := range v.d.Users {
		for j, n := range u.PhoneNumbers {
			key := numberKey(n)
			if key == "" {
				continue
			}
			if prev, ok := first[key]; ok {
				field := fmt.Sprintf("phone_numbers[%d]", j)
				if prev.user == i {
					v.add(i, field, Error, "%s is listed twice for this user", n)
				} else {
					v.add(i, field, Error, "%s is also given to user %d: a number can go to one user", n, prev.user+1)
				}
				continue
			}
			first[key] = at{i, j}
		}
	}
}

// duplicateMACs: the same phone twice for one user is a double scan; for
// two users Zoom allows a shared phone only inside one site, and it is
// more often a scan assigned twice, so it is flagged either way.
func (v *validator) duplicateMACs() {
	type at struct{ user, index int }
	first := map[string]at{}
	for i, u := range v.d.Users {
		for j, p := range u.DeskPhones {
			mac, err := NormalizeMAC(p.MAC)
			if err != nil {
				continue
			}
			field := fmt.Sprintf("desk_phones[%d].mac", j)
			prev, ok := first[mac]
			if !ok {
				first[mac] = at{i, j}
				continue
			}
			shown := joinOctets(mac, ":")
			switch {
			case prev.user == i:
				v.add(i, field, Error, "%s is already this user's desk phone %d: scanned twice?", shown, prev.index+1)
			case v.siteKey(v.d.Users[prev.user]) != v.siteKey(u):
				v.add(i, field, Error, "%s is also user %d's desk phone, at a different site: a shared phone must serve users of one site", shown, prev.user+1)
			default:
				v.add(i, field, Warning, "%s is also user %d's desk phone: fine for a shared phone, otherwise the box was scanned twice", shown, prev.user+1)
			}
		}
	}
}

// planAvailability counts each plan over the whole batch and flags the
// users past the account's available licences.
func (v *validator) planAvailability() {
	if !v.idx.known("plans") {
		return
	}
	used := map[string]int{}
	for i, u := range v.d.Users {
		seen := map[string]bool{}
		for j, p := range u.CallingPlans {
			known, ok := LookupPlan(p)
			if !ok || seen[known.Short] {
				continue
			}
			seen[known.Short] = true
			avail, ok := v.idx.available(known.Short)
			if !ok {
				continue
			}
			used[known.Short]++
			if used[known.Short] > avail {
				v.add(i, fmt.Sprintf("calling_plans[%d]", j), Error, "only %d %q licences are available and this is user %d of the batch to need one: free licences or choose another plan", avail, known.Short, used[known.Short])
			}
		}
	}
}
