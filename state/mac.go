package state

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// macLabels are what barcode labels and scanner prefixes put before the
// digits, longest first.
var macLabels = []string{"mac address", "mac addr", "macaddress", "mac", "id"}

// layoutMistypedDigits are characters a scanner types for digit keys when
// it is set to a US keyboard and the computer uses AZERTY (or the other way
// round); seeing them means the keyboard country is wrong, not the label.
const layoutMistypedDigits = "&éèçà§²"

// NormalizeMAC turns a typed or scanned MAC address into 12 lowercase hex
// digits. It accepts any case, surrounding space, colon/hyphen/dot/space
// separators (and the punctuation a keyboard-layout mismatch types instead
// of them), scanner prefixes like "MAC:" and AIM symbology identifiers like
// "]C0". It refuses, with a message saying what and where, anything that is
// not one 6-byte unicast address.
func NormalizeMAC(s string) (string, error) {
	body := strings.TrimSpace(s)
	if body == "" {
		return "", errors.New("MAC address is empty: type or scan the 12 hex digits printed on the phone's label")
	}
	if isScientific(body) {
		return "", fmt.Errorf("%q is a number in scientific notation: a spreadsheet turned the MAC into a number and lost digits; re-type it from the label", body)
	}
	// offset counts the characters removed in front of body, so positions
	// in messages point into what the operator typed.
	offset := utf8.RuneCountInString(s) - utf8.RuneCountInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	body, offset = stripScannerPrefixes(body, offset)

	digits := make([]byte, 0, 12)
	pos := offset
	for _, r := range body {
		pos++
		switch {
		case r < utf8.RuneSelf && isHexDigit(byte(r)):
			digits = append(digits, lowerHex(byte(r)))
		case strings.ContainsRune(layoutMistypedDigits, r):
			return "", fmt.Errorf("character %q at position %d: the scanner and the computer use different keyboard layouts, so digits arrive as symbols; set the scanner's keyboard country to match", r, pos)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return "", fmt.Errorf("character %q at position %d is not a hex digit (0-9, a-f): check the label, or whether a serial number was scanned instead of the MAC", r, pos)
		case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r):
			// A separator, or what a mismatched keyboard layout typed for
			// one; hex digits themselves are layout-independent.
		default:
			return "", fmt.Errorf("character %U at position %d is not part of a MAC address", r, pos)
		}
	}
	if err := checkMACLength(digits); err != nil {
		return "", err
	}
	mac := string(digits)
	return mac, checkMACKind(mac)
}

// stripScannerPrefixes removes an AIM symbology identifier ("]C0") and a
// label ("MAC:", "ID "), in either order, returning how many characters
// went.
func stripScannerPrefixes(body string, offset int) (string, int) {
	for changed := true; changed; {
		changed = false
		if len(body) >= 3 && body[0] == ']' && isASCIILetter(body[1]) && body[2] < utf8.RuneSelf {
			body, offset, changed = body[3:], offset+3, true
		}
		lower := strings.ToLower(body)
		for _, label := range macLabels {
			if !strings.HasPrefix(lower, label) {
				continue
			}
			// Every label starts with a non-hex letter, so input that begins
			// with one is never a bare MAC and stripping it loses nothing.
			trimmed := strings.TrimLeft(body[len(label):], " \t:=#-._")
			offset += len(body) - len(trimmed)
			body, changed = trimmed, true
			break
		}
	}
	return body, offset
}

func checkMACLength(digits []byte) error {
	n := len(digits)
	switch {
	case n == 12:
		return nil
	case n == 0:
		return errors.New("no hex digits found: a MAC address is 12 hex digits, like 80:5e:c0:3d:eb:c4")
	case n == 24 && string(digits[:12]) == string(digits[12:]):
		return errors.New("the same MAC arrived twice (24 hex digits): the barcode was scanned twice; scan it once")
	case n == 16:
		return errors.New("16 hex digits found: that is an 8-byte EUI-64 identifier, not the 6-byte MAC Zoom needs; use the 12-digit MAC from the label")
	case n == 40:
		return errors.New("40 hex digits found: that is a 20-byte hardware address (InfiniBand-style), not a 6-byte MAC; use the 12-digit MAC from the label")
	case n == 6:
		return errors.New("only 6 hex digits found: some box labels print only the last half of the MAC; a MAC is 12 hex digits")
	case n < 12:
		return fmt.Errorf("only %d hex digits found; a MAC address has 12: check the label for missing digits", n)
	default:
		return fmt.Errorf("%d hex digits found; a MAC address has 12: was something else (a serial number, two scans) typed into the field?", n)
	}
}

func checkMACKind(mac string) error {
	switch mac {
	case "000000000000":
		return errors.New("all zeros: not a real device's MAC address")
	case "ffffffffffff":
		return errors.New("that is the broadcast address (all ff), not a device's MAC address")
	}
	// The low bit of the first octet marks a group (multicast) address,
	// which no phone has as its own.
	if hexValue(mac[1])&1 == 1 {
		return fmt.Errorf("%s is a multicast address (first octet %s is odd), not a device's MAC: check the first two digits", joinOctets(mac, ":"), mac[:2])
	}
	return nil
}

// FormatMAC writes a normalised MAC with sep between octets: "-" for the
// batch body, ":" for screens. A value that is not a valid MAC is returned
// unchanged so nothing typed is lost.
func FormatMAC(mac, sep string) string {
	norm, err := NormalizeMAC(mac)
	if err != nil {
		return mac
	}
	return joinOctets(norm, sep)
}

// joinOctets writes 12 hex digits as six octets separated by sep.
func joinOctets(norm, sep string) string {
	var b strings.Builder
	b.Grow(12 + 5*len(sep))
	for i := 0; i < 12; i += 2 {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(norm[i : i+2])
	}
	return b.String()
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func lowerHex(c byte) byte {
	if c >= 'A' && c <= 'F' {
		return c + ('a' - 'A')
	}
	return c
}

func hexValue(c byte) byte {
	if c >= 'a' {
		return c - 'a' + 10
	}
	return c - '0'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
