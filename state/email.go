package state

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// NormalizeEmail trims an email address (and a "mailto:" or <...> around
// it), lowercases the domain and checks the shape: one @, a sane local part,
// a domain with a dot. The local part keeps its case; compare addresses with
// EmailKey.
func NormalizeEmail(s string) (string, error) {
	e := strings.TrimSpace(s)
	e = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(e, "<"), ">"))
	if len(e) >= 7 && strings.EqualFold(e[:7], "mailto:") {
		e = e[7:]
	}
	if e == "" {
		return "", errors.New("email is empty")
	}
	if n := strings.Count(e, "@"); n != 1 {
		if n == 0 {
			return "", fmt.Errorf("%q has no @: an email address looks like name@example.com", e)
		}
		return "", fmt.Errorf("%q has %d @ signs; an email address has exactly one", e, n)
	}
	local, domain, _ := strings.Cut(e, "@")
	if err := checkLocalPart(local); err != nil {
		return "", fmt.Errorf("%q: %w", e, err)
	}
	domain = strings.TrimSuffix(strings.ToLower(domain), ".")
	if err := checkDomain(domain); err != nil {
		return "", fmt.Errorf("%q: %w", e, err)
	}
	return local + "@" + domain, nil
}

// EmailKey is the form two addresses are compared in: Zoom treats emails
// case-insensitively.
func EmailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// atextSpecials are the punctuation RFC 5322 allows unquoted in a local part.
const atextSpecials = "!#$%&'*+/=?^_`{|}~-."

func checkLocalPart(local string) error {
	switch {
	case local == "":
		return errors.New("nothing before the @")
	case len(local) > 64:
		return fmt.Errorf("the part before the @ has %d characters; at most 64 are allowed", len(local))
	case strings.HasPrefix(local, "."), strings.HasSuffix(local, "."):
		return errors.New("the part before the @ may not start or end with a dot")
	case strings.Contains(local, ".."):
		return errors.New("two dots in a row before the @")
	}
	pos := 0
	for _, r := range local {
		pos++
		if r < 0x80 && !isASCIILetter(byte(r)) && !(r >= '0' && r <= '9') && !strings.ContainsRune(atextSpecials, r) {
			return fmt.Errorf("character %q at position %d is not allowed in an email address", r, pos)
		}
		if r >= 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return fmt.Errorf("character %q at position %d is not allowed in an email address", r, pos)
		}
	}
	return nil
}

func checkDomain(domain string) error {
	switch {
	case domain == "":
		return errors.New("nothing after the @")
	case len(domain) > 253:
		return errors.New("the domain is longer than 253 characters")
	case !strings.Contains(domain, "."):
		return fmt.Errorf("the domain %q has no dot (expected something like example.com)", domain)
	}
	for _, label := range strings.Split(domain, ".") {
		if label == "" {
			return fmt.Errorf("the domain %q has an empty part (two dots in a row?)", domain)
		}
		if len(label) > 63 {
			return fmt.Errorf("the domain part %q is longer than 63 characters", label)
		}
		if strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return fmt.Errorf("the domain part %q may not start or end with a hyphen", label)
		}
		for _, r := range label {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return fmt.Errorf("character %q is not allowed in the domain %q", r, domain)
			}
		}
	}
	return nil
}
