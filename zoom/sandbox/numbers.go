package sandbox

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// numberRange describes a block of an account's phone numbers in the seed:
// Count numbers prefix+NNNN (Digits wide) counting up from Start, keeping
// only those libphonenumber accepts as valid numbers of the site's country,
// so every seeded number is one a real client would accept.
type numberRange struct {
	Prefix   string `json:"prefix"`
	Digits   int    `json:"digits"`
	Start    int    `json:"start"`
	Count    int    `json:"count"`
	Location string `json:"location"`
}

// generated caches each range's numbers: validating thousands of numbers
// takes a while and every sandbox of a seed yields the same list.
var generated sync.Map // numberRange+region → []string

func (r numberRange) generate(region string) ([]string, error) {
	type key struct {
		numberRange
		region string
	}
	if v, ok := generated.Load(key{r, region}); ok {
		return v.([]string), nil
	}
	out, err := r.generateUncached(region)
	if err == nil {
		generated.Store(key{r, region}, out)
	}
	return out, err
}

func (r numberRange) generateUncached(region string) ([]string, error) {
	if !strings.HasPrefix(r.Prefix, "+") || r.Digits <= 0 || r.Digits > 9 || r.Count <= 0 {
		return nil, fmt.Errorf("prefix %q digits %d count %d: want a +prefix, 1-9 digits and a positive count", r.Prefix, r.Digits, r.Count)
	}
	limit := 1
	for range r.Digits {
		limit *= 10
	}
	valid := rangeValidator(r.Prefix, region)
	var out []string
	for n := r.Start; n < limit && len(out) < r.Count; n++ {
		e164 := r.Prefix + fmt.Sprintf("%0*d", r.Digits, n)
		if valid(e164) {
			out = append(out, e164)
		}
	}
	if len(out) < r.Count {
		return nil, fmt.Errorf("prefix %q yields only %d valid %s numbers, want %d", r.Prefix, len(out), region, r.Count)
	}
	return out, nil
}

// rangeValidator returns the check for a range's numbers: the verdict of
// validE164, reached without libphonenumber's Parse and region lookup. The
// country code is the region's, so the number is built directly and asked
// IsValidNumberForRegion, about a fifth of the cost; validating the seed's
// ~2,400 numbers was most of zpadd --sandbox's time to first frame. A
// prefix that does not start with the region's code, or whose national part
// starts with 0 (Italian-style leading zeros), takes the full path.
func rangeValidator(prefix, region string) func(string) bool {
	slow := func(s string) bool { return validE164(s, region) }
	if region == "" {
		return slow
	}
	cc := phonenumbers.GetCountryCodeForRegion(region)
	ccPrefix := "+" + strconv.Itoa(cc)
	if cc == 0 || len(prefix) <= len(ccPrefix) || !strings.HasPrefix(prefix, ccPrefix) || prefix[len(ccPrefix)] == '0' {
		return slow
	}
	return func(s string) bool {
		if !isE164Shape(s) {
			return false
		}
		national, err := strconv.ParseUint(s[len(ccPrefix):], 10, 64)
		if err != nil {
			return false
		}
		code := int32(cc)
		return phonenumbers.IsValidNumberForRegion(&phonenumbers.PhoneNumber{CountryCode: &code, NationalNumber: &national}, region)
	}
}

// validE164 reports whether s is a valid E.164 number (of region, when given).
func validE164(s, region string) bool {
	if !isE164Shape(s) {
		return false
	}
	p, err := phonenumbers.Parse(s, "")
	if err != nil || !phonenumbers.IsValidNumber(p) {
		return false
	}
	return region == "" || phonenumbers.GetRegionCodeForNumber(p) == region
}

// isE164Shape reports whether s is "+" then 8 to 15 digits, the first not 0.
func isE164Shape(s string) bool {
	if len(s) < 9 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return false
	}
	_, err := strconv.ParseUint(s[1:], 10, 64)
	return err == nil && !strings.ContainsAny(s[1:], "+-")
}

// canonicalE164 turns "+1 646-820 1000" or "16468201000" (Zoom's profile
// form) into "+16468201000", for comparing numbers however they are written.
func canonicalE164(s string) string {
	var b strings.Builder
	b.WriteByte('+')
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
