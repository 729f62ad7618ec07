package state

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// floatExtension is an extension a spreadsheet saved as a float ("1234.0").
var floatExtension = regexp.MustCompile(`^([0-9]+)\.0+$`)

func (imp *csvImport) email(row int, v string) string {
	col := imp.label[colEmail]
	if v == "" {
		imp.problem(row, col, Error, "email is empty: the user was imported without one; fill it in")
		return ""
	}
	norm, err := NormalizeEmail(v)
	if err != nil {
		imp.problem(row, col, Error, "%v (kept as written; fix it before submitting)", err)
		return v
	}
	return norm
}

func (imp *csvImport) extension(row int, v string) string {
	col := imp.label[colExtension]
	if v == "" {
		return ""
	}
	if m := floatExtension.FindStringSubmatch(v); m != nil {
		imp.problem(row, col, Warning, "%q was saved as a number by a spreadsheet; read as %s", v, m[1])
		v = m[1]
	}
	if _, err := NormalizeExtension(v, 0); err != nil {
		imp.problem(row, col, Error, "%v (kept as written)", err)
	}
	return v
}

// flagShortExtensions warns where an extension is shorter than others at
// the same site: the typical mark of a spreadsheet dropping leading zeros.
func (imp *csvImport) flagShortExtensions() {
	longest := map[string]int{}
	siteOf := func(u User) string { return strings.ToLower(u.SiteName) + "\x00" + u.SiteCode }
	digitsOnly := func(s string) bool { return s != "" && onlyDigits(s) == s }
	for _, u := range imp.users {
		if digitsOnly(u.ExtensionNumber) {
			longest[siteOf(u)] = max(longest[siteOf(u)], len(u.ExtensionNumber))
		}
	}
	for i, u := range imp.users {
		if n := longest[siteOf(u)]; digitsOnly(u.ExtensionNumber) && len(u.ExtensionNumber) < n {
			imp.problem(imp.rows[i], imp.label[colExtension], Warning,
				"extension %s has %d digits while others at this site have %d: if a spreadsheet dropped leading zeros, restore them",
				u.ExtensionNumber, len(u.ExtensionNumber), n)
		}
	}
}

// number reads a phone number cell item: E.164 as is; digits that lost
// their "+" repaired with a warning; anything else kept with an error.
func (imp *csvImport) number(row int, column, v string) string {
	col := imp.label[column]
	if isScientific(v) {
		imp.problem(row, col, Error, "%q is in scientific notation: a spreadsheet turned the number into a float and lost digits; re-type it as +<country code><number>", v)
		return v
	}
	if strings.HasPrefix(v, "+") {
		norm, _, err := NormalizePhone(v, DefaultRegion)
		if err != nil {
			imp.problem(row, col, Error, "%v (kept as written)", err)
			return v
		}
		return norm
	}
	if digits := onlyDigits(v); digits != "" {
		if checkPhoneChars(v) == nil {
			if norm, err := parseValid("+"+digits, DefaultRegion); err == nil {
				imp.problem(row, col, Warning, "%q had no \"+\" (spreadsheets drop it); read as %s: check it", v, norm)
				return norm
			}
		}
	}
	imp.problem(row, col, Error, "%q is not an E.164 number: write it with its country code, as +<country code><number> (kept as written)", v)
	return v
}

func (imp *csvImport) optionalBool(row int, column, v string) *bool {
	t, f := true, false
	switch strings.ToLower(v) {
	case "":
		return nil
	case "true", "yes", "y", "1", "on", "x":
		return &t
	case "false", "no", "n", "0", "off":
		return &f
	}
	imp.problem(row, imp.label[column], Error, "%q is not true or false: write true, false, or leave it empty for Zoom's default", v)
	return nil
}

// deskPhone reads phone p's four cells; ok is false when all are empty.
func (imp *csvImport) deskPhone(row int, rec []string, p int) (DeskPhone, bool) {
	dp := DeskPhone{
		MAC:               imp.cell(row, rec, deskPhoneColumn(p, deskPhoneMAC)),
		Brand:             imp.cell(row, rec, deskPhoneColumn(p, deskPhoneBrand)),
		Model:             imp.cell(row, rec, deskPhoneColumn(p, deskPhoneModel)),
		ProvisionTemplate: imp.cell(row, rec, deskPhoneColumn(p, deskPhoneProvision)),
	}
	if dp == (DeskPhone{}) {
		return dp, false
	}
	col := imp.macLabel(p)
	switch mac, err := NormalizeMAC(dp.MAC); {
	case dp.MAC == "":
		imp.problem(row, col, Error, "desk phone %d has no MAC address: fill in the MAC column", p+1)
	case isScientific(dp.MAC):
		imp.problem(row, col, Error, "%q is in scientific notation: a spreadsheet turned the MAC into a number and lost digits; re-type it from the label", dp.MAC)
	case err != nil:
		hint := ""
		if d := onlyDigits(dp.MAC); d == dp.MAC && len(d) < 12 {
			hint = "; a spreadsheet may have dropped leading zeros"
		}
		imp.problem(row, col, Error, "%v%s (kept as written)", err, hint)
	default:
		dp.MAC = mac
	}
	return dp, true
}

// macLabel names phone p's MAC column as the file writes it, or by its
// canonical name when the file lacks it.
func (imp *csvImport) macLabel(p int) string {
	if l := imp.label[deskPhoneColumn(p, deskPhoneMAC)]; l != "" {
		return l
	}
	return deskPhoneColumn(p, deskPhoneMAC)
}

// Spreadsheet safety (OWASP "CSV injection"): a cell that starts with one
// of formulaStarts is a formula to Excel, LibreOffice and Google Sheets,
// which run =HYPERLINK(…), +cmd|…, @SUM(…) on open. Export writes such a
// cell with a leading "'", which every spreadsheet reads as "this is
// text" and hides; import removes exactly that one "'", so
// import(export(d)) == d. A cell that already starts with "'" gets one
// more, so a value like "'=x" survives the trip too.
const (
	formulaStarts = "=+-@\t\r"
	textMark      = '\''
)

// EncodeCell is the CSV text of one value, safe to open in a spreadsheet.
func EncodeCell(v string) string {
	if v != "" && (strings.IndexByte(formulaStarts, v[0]) >= 0 || v[0] == textMark) {
		return string(textMark) + v
	}
	return v
}

// decodeCell reverses EncodeCell: marked reports whether the cell carried
// the text mark (and so is exact: no trimming).
func decodeCell(raw string) (v string, marked bool) {
	if len(raw) >= 2 && raw[0] == textMark && (strings.IndexByte(formulaStarts, raw[1]) >= 0 || raw[1] == textMark) {
		return raw[1:], true
	}
	return raw, false
}

// trimCell drops the spaces around an unmarked cell. A leading tab or CR
// is kept: trimming it would turn "\t=cmd" into the formula "=cmd".
func trimCell(v string) string {
	return strings.TrimRightFunc(strings.TrimLeft(v, " \u00a0"), unicode.IsSpace)
}

// looksLikeFormula reports why an unmarked cell would be run by a
// spreadsheet, or "": it starts with "=", "@", a tab or a CR, or with "+"
// or "-" followed by more than numbers (E.164 "+12125550100", a list of
// them, "-" and "-5" are plain values).
func looksLikeFormula(v string) string {
	if v == "" {
		return ""
	}
	switch c := v[0]; c {
	case '=', '@':
		return fmt.Sprintf("starts with %q", string(c))
	case '\t':
		return "starts with a tab"
	case '\r':
		return "starts with a carriage return"
	case '+', '-':
		if !numbersOnly(v) {
			return fmt.Sprintf("starts with %q and holds more than a number", string(c))
		}
	}
	return ""
}

// numbersOnly: every ";"-separated item is a sign and a number as people
// write phone numbers (digits, spaces, dots, dashes, parentheses).
func numbersOnly(v string) bool {
	for _, item := range strings.Split(v, listSeparator) {
		item = strings.TrimLeft(strings.TrimSpace(item), "+-")
		if strings.Trim(item, "0123456789 .()-") != "" {
			return false
		}
	}
	return true
}
