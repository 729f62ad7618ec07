package state

import (
	"fmt"
	"strings"
)

// Validate checks a draft and returns every problem at once, errors and
// warnings, each tied to a user and a batch-body field. With a nil catalog,
// or for lists the catalog has not fetched (c.Known), only the local rules
// run; the account rules need the account's lists.
func Validate(d *Draft, c *Catalog) Problems {
	v := &validator{d: d, idx: newCatalogIndex(c, d)}
	v.draftRules()
	for i := range d.Users {
		v.userRules(i)
	}
	v.crossUserRules()
	return v.out
}

// validator collects problems for one Validate call.
type validator struct {
	d   *Draft
	idx *catalogIndex
	out Problems
}

func (v *validator) add(user int, field string, sev Severity, format string, args ...any) {
	email := ""
	if user >= 0 && user < len(v.d.Users) {
		email = v.d.Users[user].Email
	}
	v.out = append(v.out, Problem{User: user, Email: email, Field: field, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) draftRules() {
	switch n := len(v.d.Users); {
	case n == 0:
		v.add(-1, "users", Error, "the draft has no users: add at least one")
	case n > MaxUsers:
		v.add(-1, "users", Error, "the draft has %d users; one batch takes at most %d: move %d to another draft", n, MaxUsers, n-MaxUsers)
	}
}

func (v *validator) userRules(i int) {
	u := v.d.Users[i]
	v.textRules(i, u)
	site := v.siteRules(i, u)
	v.emailRules(i, u)
	v.extensionRules(i, u, site)
	v.templateRules(i, u, site)
	v.planRules(i, u)
	v.numberRules(i, u, site)
	v.callerIDRules(i, u)
	v.deskPhoneRules(i, u)
	v.emergencyAddressRules(i, u, site)
}

func (v *validator) emailRules(i int, u User) {
	if strings.TrimSpace(u.Email) == "" {
		v.add(i, "email", Error, "email is required: the address of an active Zoom user")
		return
	}
	norm, err := NormalizeEmail(u.Email)
	if err != nil {
		v.add(i, "email", Error, "%v", err)
		return
	}
	if pu, ok := v.idx.phoneUser(norm); ok {
		ext := ""
		if pu.ExtensionNumber != "" {
			ext = " (extension " + pu.ExtensionNumber + ")"
		}
		v.add(i, "email", Error, "%s is already a Zoom Phone user%s: remove them from this batch", norm, ext)
	}
}

// siteRules checks site_name/site_code and returns the user's site when
// the catalog knows it (nil otherwise).
func (v *validator) siteRules(i int, u User) *Site {
	name, code := strings.TrimSpace(u.SiteName), strings.TrimSpace(u.SiteCode)
	for _, p := range u.CallingPlans {
		if isIndiaPlan(p) && (name == "" || code == "") {
			v.add(i, "site_code", Error, "India calling plans (%s) need both site_name and site_code", p)
			break
		}
	}
	if name == "" && code == "" {
		if v.idx.known("sites") && len(v.idx.c.Sites) > 1 {
			v.add(i, "site_name", Warning, "no site given and the account has %d sites: Zoom will pick one; choose the user's site", len(v.idx.c.Sites))
		}
		return v.idx.onlySite()
	}
	if !v.idx.known("sites") {
		return nil
	}
	var byName, byCode *Site
	if name != "" {
		if byName = v.idx.siteByName(name); byName == nil {
			v.add(i, "site_name", Error, "there is no site named %q on the account%s", name, v.idx.siteChoices())
		}
	}
	if code != "" {
		if byCode = v.idx.siteByCode(code); byCode == nil {
			v.add(i, "site_code", Error, "there is no site with code %q on the account%s", code, v.idx.siteChoices())
		}
	}
	switch {
	case byName != nil && byCode != nil && byName.ID != byCode.ID:
		v.add(i, "site_code", Error, "site_name %q and site_code %q name different sites (code %q is %q): give one, or make them agree", name, code, code, byCode.Name)
		return nil
	case byName != nil:
		return byName
	}
	return byCode
}

func (v *validator) extensionRules(i int, u User, site *Site) {
	if strings.TrimSpace(u.ExtensionNumber) == "" {
		v.add(i, "extension_number", Error, "extension number is required")
		return
	}
	length := 0
	if site != nil {
		length = site.ExtensionLength
	}
	ext, err := NormalizeExtension(u.ExtensionNumber, length)
	if err != nil {
		v.add(i, "extension_number", Error, "%v", err)
		return
	}
	if site != nil {
		if pu, ok := v.idx.extensionTaken(site.ID, ext); ok {
			v.add(i, "extension_number", Error, "extension %s is already used at site %q by %s: pick a free one", ext, site.Name, pu.Email)
		}
	}
}

func (v *validator) templateRules(i int, u User, site *Site) {
	name := strings.TrimSpace(u.TemplateName)
	if name == "" || !v.idx.known("templates") || !v.idx.known("sites") {
		return
	}
	matches := v.idx.templatesNamed(name)
	if len(matches) == 0 {
		v.add(i, "template_name", Error, "there is no setting template named %q on the account", name)
		return
	}
	if site == nil {
		return // the site is unknown or already reported
	}
	var other *Template
	for _, t := range matches {
		if t.SiteID != site.ID {
			other = t
			continue
		}
		if !strings.EqualFold(t.Type, "user") {
			v.add(i, "template_name", Error, "template %q is a %q template; a user needs a \"user\" template of site %q", name, t.Type, site.Name)
		}
		return
	}
	v.add(i, "template_name", Error, "template %q belongs to site %q, not the user's site %q: pick one of %q's user templates", name, v.idx.siteName(other.SiteID), site.Name, site.Name)
}

func (v *validator) planRules(i int, u User) {
	if len(u.CallingPlans) == 0 {
		v.add(i, "calling_plans", Error, "at least one calling plan is required (e.g. %q)", "US/CA Unlimited")
		return
	}
	seen := map[string]bool{}
	for j, p := range u.CallingPlans {
		field := fmt.Sprintf("calling_plans[%d]", j)
		name := strings.TrimSpace(p)
		if name == "" {
			v.add(i, field, Error, "empty calling plan name: remove it or choose a plan")
			continue
		}
		key := strings.ToLower(name)
		if seen[key] {
			v.add(i, field, Warning, "calling plan %q is listed twice", name)
			continue
		}
		seen[key] = true
		known, ok := LookupPlan(name)
		if !ok {
			v.add(i, field, Error, "%q is not a calling-plan name the batch endpoint takes: use a short name such as %q", name, "US/CA Unlimited")
			continue
		}
		base, _, _ := strings.Cut(name, ":")
		if strings.TrimSpace(base) != known.Short {
			v.add(i, field, Warning, "calling plan %q: Zoom spells it %q", name, known.Short)
		}
		if v.idx.known("plans") && !v.idx.accountHasPlan(known.Short) {
			v.add(i, field, Error, "the account has no %q licences: choose a plan the account subscribes to", known.Short)
			continue
		}
		v.subscriptionRules(i, field, name, known.Short)
	}
}

func (v *validator) numberRules(i int, u User, site *Site) {
	if len(u.PhoneNumbers) > 10 {
		v.add(i, "phone_numbers", Error, "%d phone numbers; a user can take at most 10 in one batch", len(u.PhoneNumbers))
	}
	region := ""
	if site != nil {
		region = site.Country
	}
	for j, n := range u.PhoneNumbers {
		field := fmt.Sprintf("phone_numbers[%d]", j)
		e164, ok := v.e164(i, field, n, region)
		if !ok || !v.idx.known("numbers") {
			continue
		}
		num, found := v.idx.number(e164)
		switch {
		case !found:
			v.add(i, field, Error, "%s is not a phone number of this account: only the account's unassigned numbers can be given", e164)
		case num.Assigned && num.AssignedTo != "":
			v.add(i, field, Error, "%s is assigned to %s: choose an unassigned number", e164, holder(*num))
		case num.Assigned:
			v.add(i, field, Error, "%s is already assigned: choose an unassigned number", e164)
		case num.Pending:
			v.add(i, field, Error, "%s is pending (still being ported to Zoom) and cannot be assigned until the port completes: choose another number", e164)
		case site != nil && num.SiteID != "" && num.SiteID != site.ID:
			v.add(i, field, Error, "%s belongs to site %q, not the user's site %q", e164, v.idx.siteName(num.SiteID), site.Name)
		}
	}
}

// e164 checks that a stored number is valid and already in E.164 form,
// reporting what is wrong; it returns the number and whether it is usable.
func (v *validator) e164(i int, field, n, region string) (string, bool) {
	norm, _, err := NormalizePhone(n, region)
	if err != nil {
		v.add(i, field, Error, "%v", err)
		return "", false
	}
	if norm != strings.TrimSpace(n) {
		v.add(i, field, Error, "%q is not in E.164 form: write it as %s", n, norm)
		return norm, false
	}
	return norm, true
}

// callerIDRules: a blank caller ID makes Zoom hide the user's number, so
// it is worth a warning when the user has numbers. The catalog lists only
// UNASSIGNED numbers, so a caller ID outside it may still be one of the
// account's (already assigned) company numbers: that is a warning, not an
// error.
func (v *validator) callerIDRules(i int, u User) {
	id := strings.TrimSpace(u.OutboundCallerID)
	if id == "" {
		if hasNumber(u.PhoneNumbers) {
			v.add(i, "outbound_caller_id", Warning, "outbound caller ID is blank: Zoom will hide this user's caller ID")
		}
		return
	}
	e164, ok := v.e164(i, "outbound_caller_id", id, "")
	if !ok || !v.idx.known("numbers") {
		return
	}
	for _, own := range u.PhoneNumbers {
		if strings.TrimSpace(own) == e164 {
			return
		}
	}
	num, found := v.idx.number(e164)
	switch {
	case found && !num.Assigned:
		return
	case found:
		v.add(i, "outbound_caller_id", Warning, "%s is assigned elsewhere on the account; check it is a company number this user may show", e164)
		return
	}
	v.add(i, "outbound_caller_id", Warning, "%s is not among the numbers zpadd knows; check it is one of the account's numbers", e164)
}

func hasNumber(ns []string) bool {
	for _, n := range ns {
		if strings.TrimSpace(n) != "" {
			return true
		}
	}
	return false
}

func (v *validator) deskPhoneRules(i int, u User) {
	if len(u.DeskPhones) > MaxDeskPhones {
		v.add(i, "desk_phones", Error, "%d desk phones; Zoom allows at most %d per user", len(u.DeskPhones), MaxDeskPhones)
	}
	cat := Devices()
	for j, p := range u.DeskPhones {
		field := fmt.Sprintf("desk_phones[%d]", j)
		brand, model := strings.TrimSpace(p.Brand), strings.TrimSpace(p.Model)
		mac, macOK := v.macRules(i, field, p.MAC)
		if brand == "" {
			v.add(i, field+".brand", Error, "desk phone brand is required (e.g. Yealink, Polycom, Cisco, AudioCodes)")
		}
		if model == "" {
			v.add(i, field+".model", Error, "desk phone model is required (e.g. t46s, vvx450)")
		}
		if brand != "" {
			_, brandOK := cat.Brand(brand)
			if !brandOK {
				v.add(i, field+".brand", Warning, "brand %q is not in zpadd's device catalog: Zoom may refuse it; check the spelling", brand)
			} else if model != "" {
				m, known := cat.model(brand, model)
				sibling, filedElsewhere := cat.SiblingBrand(brand, model)
				switch {
				case !known && filedElsewhere:
					v.add(i, field+".model", Warning, "model %q is filed under brand %s, not %s: Zoom lists VVX phones under Polycom and Edge/CCX under Poly", model, sibling, brand)
				case !known:
					v.add(i, field+".model", Warning, "model %q is not in zpadd's %s list: Zoom may refuse it; check the spelling (Zoom's form is lowercase, like t46s or edge-e220)", model, brand)
				case !m.Confirmed:
					v.add(i, field+".model", Warning, "model %q is sold by %s but not in Zoom's published list: Zoom may refuse it", model, brand)
				}
				if known && m.ID != model {
					v.add(i, field+".model", Warning, "model %q: Zoom writes model ids as %q", model, m.ID)
				}
			}
			if macOK && brandOK {
				if hint := cat.VendorMismatch(mac, brand); hint != "" {
					v.add(i, field+".mac", Warning, "%s", vendorMismatchMessage(mac, hint, brand))
				}
			}
		}
		if t := strings.TrimSpace(p.ProvisionTemplate); t != "" && v.idx.known("provision_templates") && !v.idx.provisionTemplate(t) {
			v.add(i, field+".provision_template", Error, "there is no provision template named %q on the account", t)
		}
	}
}

func (v *validator) macRules(i int, field, raw string) (string, bool) {
	if strings.TrimSpace(raw) == "" {
		v.add(i, field+".mac", Error, "desk phone MAC address is required")
		return "", false
	}
	mac, err := NormalizeMAC(raw)
	if err != nil {
		v.add(i, field+".mac", Error, "%v", err)
		return "", false
	}
	if dev, ok := v.idx.device(mac); ok {
		v.add(i, field+".mac", Error, "%s", registeredMessage(mac, *dev))
	}
	return mac, true
}
