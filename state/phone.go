package state

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is the region assumed for numbers typed without a country
// code when the user's site country is unknown.
const DefaultRegion = "US"

// NormalizePhone turns a typed phone number into E.164 ("+12125550123").
// region is the ISO 3166 two-letter code of the user's site country, used
// for numbers written in national form ("" means DefaultRegion). repaired
// is true when the number had lost its "+" (as spreadsheets do) and was read
// as international. The result is always a valid number for its country.
func NormalizePhone(s, region string) (e164 string, repaired bool, err error) {
	key := s + "\x00" + region
	if r, ok := phoneMemo.get(key); ok {
		return r.e164, r.repaired, r.err
	}
	e164, repaired, err = normalizePhone(s, region)
	phoneMemo.put(key, phoneResult{e164, repaired, err})
	return e164, repaired, err
}

func normalizePhone(s, region string) (e164 string, repaired bool, err error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return "", false, errors.New("phone number is empty")
	}
	if isScientific(in) {
		return "", false, fmt.Errorf("%q is in scientific notation: a spreadsheet turned the number into a float and dropped its last digits; re-type it as +<country code><number>", in)
	}
	region = strings.ToUpper(strings.TrimSpace(region))
	if region == "" {
		region = DefaultRegion
	}
	cc := phonenumbers.GetCountryCodeForRegion(region)
	if cc == 0 {
		return "", false, fmt.Errorf("unknown region %q: use a two-letter country code such as US or GB", region)
	}
	in = strings.TrimPrefix(strings.TrimPrefix(in, "tel:"), "TEL:")
	if err := checkPhoneChars(in); err != nil {
		return "", false, err
	}
	digits := onlyDigits(in)
	if len(digits) < 3 {
		return "", false, fmt.Errorf("%q is too short to be a phone number", in)
	}
	if len(digits) > 17 {
		return "", false, fmt.Errorf("%q has %d digits; E.164 numbers have at most 15", in, len(digits))
	}

	if strings.HasPrefix(in, "+") {
		n, err := parseValid(in, region)
		if err != nil {
			return "", false, fmt.Errorf("%q: %w", in, err)
		}
		return n, false, nil
	}

	national, natErr := parseValid(in, region)
	intl, intlErr := parseValid("+"+digits, region)
	// A bare digit string that starts with the region's own country code
	// ("12125550123" in the US) is most likely an E.164 number that lost
	// its "+"; one that only works internationally certainly is.
	switch {
	case intlErr == nil && (natErr != nil || strings.HasPrefix(digits, fmt.Sprint(cc))) && !strings.HasPrefix(digits, "0"):
		return intl, true, nil
	case natErr == nil:
		return national, false, nil
	}
	return "", false, fmt.Errorf("%q is not a valid phone number for %s; write it in E.164 form: +<country code><number>", in, region)
}

// parseValid parses and insists on phonenumbers.IsValidNumber, returning
// E.164.
func parseValid(s, region string) (string, error) {
	n, err := phonenumbers.Parse(s, region)
	if err != nil {
		return "", fmt.Errorf("not a phone number (%v)", err)
	}
	if !phonenumbers.IsValidNumber(n) {
		return "", fmt.Errorf("not a valid number for %s (wrong length or an unassigned range)", regionName(n))
	}
	return phonenumbers.Format(n, phonenumbers.E164), nil
}

func regionName(n *phonenumbers.PhoneNumber) string {
	if r := phonenumbers.GetRegionCodeForNumber(n); r != "" && r != "ZZ" {
		return r
	}
	return fmt.Sprintf("country code +%d", n.GetCountryCode())
}

// checkPhoneChars allows digits and the punctuation people format numbers
// with; letters (vanity numbers, "ext") are refused by name and position.
func checkPhoneChars(s string) error {
	for i, r := range []rune(s) {
		switch {
		case r >= '0' && r <= '9', r == ' ', r == '-', r == '.', r == '(', r == ')', r == '/', r == '\u00a0':
		case r == '+' && i == 0:
		case unicode.IsLetter(r):
			return fmt.Errorf("character %q at position %d: phone numbers take digits only (no letters or extensions)", r, i+1)
		default:
			return fmt.Errorf("character %q at position %d is not allowed in a phone number", r, i+1)
		}
	}
	return nil
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
