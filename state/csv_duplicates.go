package state

import "strings"

// flagDuplicates names every value the file gives twice, with both rows
// and the column, across the whole file: the drafts it is split into are
// submitted to one account, where the same email, number, extension at a
// site, or desk phone would collide. Severities follow validation's cross-
// user rules (validate_cross.go), so import and check agree.
func (imp *csvImport) flagDuplicates() {
	imp.duplicateEmails()
	imp.duplicateExtensions()
	imp.duplicateNumbers()
	imp.duplicateMACs()
}

// cellAt is where a value was read: a user (index into imp.users) and the
// column as the file names it.
type cellAt struct {
	user   int
	column string
}

func (imp *csvImport) duplicate(first cellAt, i int, column string, sev Severity, what, why string) {
	prev := ""
	if first.column != column {
		prev = " (column " + first.column + ")"
	}
	imp.problem(imp.rows[i], column, sev, "rows %d%s and %d both give %s: %s", imp.rows[first.user], prev, imp.rows[i], what, why)
}

func (imp *csvImport) duplicateEmails() {
	col := imp.label[colEmail]
	first := map[string]cellAt{}
	for i, u := range imp.users {
		key := EmailKey(u.Email)
		if key == "" {
			continue
		}
		if f, ok := first[key]; ok {
			imp.duplicate(f, i, col, Error, "the email "+u.Email, "each user can be added once; remove one row")
			continue
		}
		first[key] = cellAt{i, col}
	}
}

func (imp *csvImport) duplicateExtensions() {
	col := imp.label[colExtension]
	first := map[string]cellAt{}
	for i, u := range imp.users {
		ext := strings.TrimSpace(u.ExtensionNumber)
		if ext == "" {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(u.SiteName)) + "\x00" + strings.TrimSpace(u.SiteCode) + "\x00" + ext
		if f, ok := first[key]; ok {
			imp.duplicate(f, i, col, Error, "extension "+ext+" at the same site", "give each user their own")
			continue
		}
		first[key] = cellAt{i, col}
	}
}

func (imp *csvImport) duplicateNumbers() {
	col := imp.label[colNumbers]
	first := map[string]cellAt{}
	for i, u := range imp.users {
		for _, n := range u.PhoneNumbers {
			key := numberKey(n)
			if key == "" {
				continue
			}
			if f, ok := first[key]; ok {
				if f.user == i {
					imp.problem(imp.rows[i], col, Error, "%s is listed twice in this row", n)
				} else {
					imp.duplicate(f, i, col, Error, "the number "+n, "a number can go to one user")
				}
				continue
			}
			first[key] = cellAt{i, col}
		}
	}
}

// duplicateMACs compares MACs in any notation (805EC0C30001 and
// 80-5e-c0-c3-00-01 are one phone).
func (imp *csvImport) duplicateMACs() {
	first := map[string]cellAt{}
	for i, u := range imp.users {
		for p, dp := range u.DeskPhones {
			mac, err := NormalizeMAC(dp.MAC)
			if err != nil {
				continue
			}
			col := imp.macCols[i][p]
			f, ok := first[mac]
			if !ok {
				first[mac] = cellAt{i, col}
				continue
			}
			what := "the desk phone MAC " + joinOctets(mac, ":")
			prevUser := imp.users[f.user]
			switch {
			case f.user == i:
				imp.problem(imp.rows[i], col, Error, "%s is also this row's %s: scanned twice?", what, f.column)
			case !sameSiteAsTyped(prevUser, u):
				imp.duplicate(f, i, col, Error, what, "a shared phone must serve users of one site; otherwise the box was scanned twice")
			default:
				imp.duplicate(f, i, col, Warning, what, "fine for a shared phone, otherwise the box was scanned twice")
			}
		}
	}
}

func sameSiteAsTyped(a, b User) bool {
	return strings.EqualFold(strings.TrimSpace(a.SiteName), strings.TrimSpace(b.SiteName)) &&
		strings.TrimSpace(a.SiteCode) == strings.TrimSpace(b.SiteCode)
}
