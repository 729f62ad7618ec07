package ui

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"

	"charm.land/huh/v2"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui/common"
	"zpadd/ui/pickers"
	"zpadd/zoom/submit"
)

// plainTheme styles nothing: a screen reader or a dumb terminal gets the
// prompts as plain text, without ANSI sequences.
var plainTheme = huh.ThemeFunc(huh.ThemeBase)

// ask runs one accessible prompt after another, stopping at the first
// error or when the input has ended (huh's prompts take their default at
// the end of input and do not say so).
func ask(in io.Reader, out io.Writer, fields ...huh.Field) error {
	for _, f := range fields {
		if err := f.WithTheme(plainTheme).RunAccessible(out, in); err != nil {
			return err
		}
		if lr, ok := in.(*lineReader); ok && lr.eof {
			return io.EOF
		}
	}
	return nil
}

// pick is a single choice among items. The current value becomes the
// default; a value that is not among the items is replaced by the first
// item, because huh's accessible select fails on a blank answer without a
// matching default.
func pick(title string, items []huh.Option[string], v *string) huh.Field {
	match := false
	for _, it := range items {
		if strings.EqualFold(it.Value, *v) {
			*v, match = it.Value, true
			break
		}
	}
	if !match && len(items) > 0 {
		*v = items[0].Value
	}
	return huh.NewSelect[string]().Title(title).Options(items...).Value(v)
}

// askUser prompts for every field of one user, as the user form has them;
// answers go straight into the draft. Blank answers keep the value in
// brackets (a suggestion or the batch default).
func askUser(ctx context.Context, svc *submit.Service, d *state.Draft, i int, cat *state.Catalog, in io.Reader, out io.Writer) error {
	u := &d.Users[i]
	fmt.Fprintf(out, "\nUser %d\n", i+1)
	// Typed into a copy: huh keeps a refused answer in the value when the
	// input ends, and a refused email must not replace the user's own.
	email := u.Email
	err := ask(in, out, huh.NewInput().Title(withDefault("Email", u.Email)).Value(&email).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" && u.Email != "" {
			return nil // keeps the user's email
		}
		_, err := state.NormalizeEmail(s)
		return err
	}))
	if norm, nerr := state.NormalizeEmail(cmpOr(strings.TrimSpace(email), u.Email)); nerr == nil {
		u.SetEmail(norm)
	}
	if err != nil {
		return err
	}
	if strings.TrimSpace(u.Email) == "" {
		return io.EOF // input ended before an email
	}
	lookUp(ctx, svc, u, out)
	if err := ask(in, out,
		huh.NewInput().Title(withDefault("First name", u.FirstName)).Value(&u.FirstName),
		huh.NewInput().Title(withDefault("Last name", u.LastName)).Value(&u.LastName),
	); err != nil {
		return err
	}
	if items := pickers.Sites(cat); len(items) > 0 {
		if err := chooseOne(in, out, "Site", items, &u.SiteName); err != nil {
			return err
		}
		if s, ok := pickers.SiteByName(cat, u.SiteName); ok {
			u.SiteCode = s.Code
		}
	}
	if err := askExtension(d, i, cat, in, out); err != nil {
		return err
	}
	if items := pickers.Templates(cat, u.SiteName); len(items) > 0 {
		if err := chooseOne(in, out, "User template", items, &u.TemplateName); err != nil {
			return err
		}
	}
	if items := pickers.Plans(cat, nil, u.SiteName); len(items) > 0 {
		if err := chooseLine(in, out, "Calling plans", items, true, &u.CallingPlans); err != nil {
			return err
		}
	}
	if err := askNumbers(u, cat, in, out); err != nil {
		return err
	}
	if err := askSMS(u, in, out); err != nil {
		return err
	}
	if cat != nil && len(cat.EmergencyAddresses) > 0 {
		items := pickers.EmergencyAddresses(cat, cmp.Or(u.SiteName, u.SiteCode))
		if err := ask(in, out, pick("Emergency address", options(items), &u.EmergencyAddress)); err != nil {
			return err
		}
	}
	return askDeskPhones(d, i, cat, in, out)
}

// lookUp asks Zoom about the email, says what it found, and offers the
// account's names as the defaults of the name prompts.
func lookUp(ctx context.Context, svc *submit.Service, u *state.User, out io.Writer) {
	if svc == nil {
		return
	}
	lctx, cancel := context.WithTimeout(ctx, common.LookupTimeout)
	defer cancel()
	l, err := svc.LookupUser(lctx, u.Email)
	switch {
	case err != nil:
		fmt.Fprintf(out, "Could not look the email up (%v); Zoom checks it on submit.\n", err)
		return
	case l.Status == submit.StatusNotFound:
		fmt.Fprintln(out, "Warning: no Zoom user has this email; create the user in Zoom first.")
	case l.PhoneUser:
		fmt.Fprintln(out, "Warning: this user is already a Zoom Phone user; Zoom will refuse them.")
	case !l.Active:
		fmt.Fprintf(out, "Warning: the Zoom user is %s; Zoom adds only active users.\n", l.Status)
	default:
		fmt.Fprintln(out, "Active Zoom user.")
	}
	u.ApplyLookedUpNames(u.Email, l.First, l.Last)
}

// withDefault adds the value a blank answer keeps to a prompt's title.
func withDefault(title, def string) string {
	if def == "" {
		return title
	}
	return fmt.Sprintf("%s [%s]", title, safetext.Line(def))
}

// askExtension offers the next free extension at the user's site.
func askExtension(d *state.Draft, i int, cat *state.Catalog, in io.Reader, out io.Writer) error {
	u := &d.Users[i]
	length := extensionLengthOf(cat, firstNonEmpty(u.SiteName, u.SiteCode))
	if u.ExtensionNumber == "" {
		u.ExtensionNumber = state.NextFreeExtension(d, cat, firstNonEmpty(u.SiteName, u.SiteCode), length)
	}
	def := u.ExtensionNumber
	return ask(in, out, huh.NewInput().Title(withDefault("Extension", def)).Value(&u.ExtensionNumber).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" && def != "" {
			return nil // keeps the suggestion
		}
		_, err := state.NormalizeExtension(s, length)
		return err
	}))
}

// askNumbers takes phone numbers typed comma-separated (each checked and
// stored in E.164, in the site's country when written nationally), then
// the outbound caller ID, offering the first number.
func askNumbers(u *state.User, cat *state.Catalog, in io.Reader, out io.Writer) error {
	region := ""
	if s, ok := pickers.SiteByName(cat, firstNonEmpty(u.SiteName, u.SiteCode)); ok {
		region = s.Country
	}
	title := "Phone numbers, comma-separated (blank for none)"
	if free := freeNumbers(cat, u, 3); len(free) > 0 {
		title += "; free at this site: " + strings.Join(free, ", ")
	}
	raw := strings.Join(u.PhoneNumbers, ", ")
	if err := ask(in, out, huh.NewInput().Title(title).Value(&raw).Validate(func(s string) error {
		_, err := parseNumbers(s, region)
		return err
	})); err != nil {
		return err
	}
	nums, _ := parseNumbers(raw, region)
	u.PhoneNumbers = nums
	if u.OutboundCallerID == "" && len(nums) > 0 {
		u.OutboundCallerID = nums[0]
	}
	title = withDefault("Outbound caller ID (blank hides the caller ID)", u.OutboundCallerID)
	if err := ask(in, out, huh.NewInput().Title(title).Value(&u.OutboundCallerID).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, _, err := state.NormalizePhone(s, region)
		return err
	})); err != nil {
		return err
	}
	if id := strings.TrimSpace(u.OutboundCallerID); id != "" {
		if e164, _, err := state.NormalizePhone(id, region); err == nil {
			u.OutboundCallerID = e164
		}
	}
	return nil
}

// parseNumbers splits a typed list (commas, semicolons or spaces between
// numbers) and normalises each to E.164, naming the one that is wrong.
func parseNumbers(s, region string) ([]string, error) {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		e164, _, err := state.NormalizePhone(part, region)
		if err != nil {
			return nil, fmt.Errorf("number %d (%s): %w", len(out)+1, part, err)
		}
		out = append(out, e164)
	}
	if len(out) > state.MaxUsers {
		return nil, fmt.Errorf("%d numbers; a user can take at most %d", len(out), state.MaxUsers)
	}
	return out, nil
}

// freeNumbers lists a few of the site's unassigned numbers as a hint.
func freeNumbers(cat *state.Catalog, u *state.User, n int) []string {
	if cat == nil {
		return nil
	}
	siteID := ""
	if s, ok := pickers.SiteByName(cat, firstNonEmpty(u.SiteName, u.SiteCode)); ok {
		siteID = s.ID
	}
	var out []string
	for _, num := range cat.Numbers {
		if num.Assigned || num.Pending || (siteID != "" && num.SiteID != "" && num.SiteID != siteID) {
			continue
		}
		if out = append(out, common.PhoneLabel(num.Number)); len(out) == n {
			break
		}
	}
	return out
}

// askSMS is the optional SMS switch: left to the template, on or off.
func askSMS(u *state.User, in io.Reader, out io.Writer) error {
	v := "template"
	if u.SMS != nil {
		v = map[bool]string{true: "on", false: "off"}[*u.SMS]
	}
	err := ask(in, out, pick("SMS", []huh.Option[string]{
		huh.NewOption("leave it to the template", "template"),
		huh.NewOption("on", "on"),
		huh.NewOption("off", "off"),
	}, &v))
	switch v {
	case "on", "off":
		b := v == "on"
		u.SMS = &b
	default:
		u.SMS = nil
	}
	return err
}

// askDeskPhones takes up to three desk phones: MAC (typed or scanned,
// checked against this batch and the account), then brand (pre-chosen from
// the MAC's vendor prefix) and model; a blank MAC ends the list.
func askDeskPhones(d *state.Draft, i int, cat *state.Catalog, in io.Reader, out io.Writer) error {
	u := &d.Users[i]
	for len(u.DeskPhones) < state.MaxDeskPhones {
		raw := ""
		n := len(u.DeskPhones) + 1
		if err := ask(in, out, huh.NewInput().Title(fmt.Sprintf("Desk phone %d MAC (blank for no more phones)", n)).Value(&raw).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			return checkMAC(d, cat, s)
		})); err != nil {
			return err
		}
		if strings.TrimSpace(raw) == "" {
			return nil
		}
		p := d.NewDeskPhone(raw)
		if b, ok := state.Devices().BrandForMAC(p.MAC); ok && p.Brand == "" {
			p.Brand = b
		}
		if err := ask(in, out, pick(fmt.Sprintf("Desk phone %d brand", n), options(pickers.Brands()), &p.Brand)); err != nil {
			return err
		}
		if items := pickers.Models(p.Brand); len(items) > 0 {
			if err := ask(in, out, pick(fmt.Sprintf("Desk phone %d model", n), options(items), &p.Model)); err != nil {
				return err
			}
		}
		u.DeskPhones = append(u.DeskPhones, p)
	}
	return nil
}

// checkMAC refuses a MAC that is malformed, already in this batch, or
// already registered on the account (a MAC cannot be changed later).
func checkMAC(d *state.Draft, cat *state.Catalog, raw string) error {
	mac, err := state.NormalizeMAC(raw)
	if err != nil {
		return err
	}
	return state.MACTaken(d, cat, mac, -1, -1)
}

func extensionLengthOf(c *state.Catalog, site string) int {
	if s, ok := pickers.SiteByName(c, site); ok {
		return s.ExtensionLength
	}
	return 0
}

func options(items []pickers.Item) []huh.Option[string] {
	out := make([]huh.Option[string], 0, len(items))
	for _, it := range items {
		label := safetext.Line(it.Label)
		if it.Detail != "" {
			label += " (" + safetext.Line(it.Detail) + ")"
		}
		out = append(out, huh.NewOption(label, it.Value))
	}
	return out
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
