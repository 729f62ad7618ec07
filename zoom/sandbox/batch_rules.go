package sandbox

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// plannedUser is a batch user that passed every rule, resolved against the
// account and ready to commit.
type plannedUser struct {
	email     string // as sent, echoed in the response
	acct      *accountUser
	site      *site
	extension string
	planTypes []int
	planSubs  []string // billing subscription id per plan ("" when none)
	numbers   []*phoneNumber
	devices   []plannedDevice
	status    string
}

type plannedDevice struct {
	mac, brand, model, provisionTemplateID string
}

// knownBrands are the desk-phone makers Zoom names (devices.md §1.2);
// matched ignoring case.
var knownBrands = []string{"Cisco", "Polycom", "Poly", "AudioCodes", "Yealink", "Grandstream", "Algo", "CyberData", "Avaya", "Mitel", "2N"}

// batchCheck is the business-rule check of one batch: the users that
// passed, the errors of those that did not, and whether every error is an
// invalid template (which Zoom answers with 404 "Template is invalid").
type batchCheck struct {
	s       *Sandbox
	planned []plannedUser
	errs    []fieldError
	onlyTpl bool

	emails  map[string]int    // lower-case email → first user index
	exts    map[string]int    // site id + "/" + extension → user index
	numbers map[string]int    // E.164 → user index
	macs    map[string]string // MAC → where in the batch it was first given
	demand  map[int]int       // plan code → users granted so far
	subs    []string          // the current user's subscription per plan
}

// checkBatchLocked applies the business rules to a schema-valid batch, in
// order, claiming extensions, numbers and MACs as it goes so duplicates
// inside the batch are caught (the first occurrence wins).
func (s *Sandbox) checkBatchLocked(users []batchUser) *batchCheck {
	c := &batchCheck{s: s, onlyTpl: true, emails: map[string]int{}, exts: map[string]int{},
		numbers: map[string]int{}, macs: map[string]string{}, demand: map[int]int{}}
	for i, u := range users {
		c.checkUser(i, u)
	}
	return c
}

func (c *batchCheck) fail(i int, field, format string, args ...any) {
	c.failKind(i, false, field, format, args...)
}

func (c *batchCheck) failKind(i int, template bool, field, format string, args ...any) {
	path := fmt.Sprintf("users[%d]", i)
	if field != "" {
		path += "." + field
	}
	c.errs = append(c.errs, fieldError{Field: path, Message: fmt.Sprintf(format, args...)})
	if !template {
		c.onlyTpl = false
	}
}

func (c *batchCheck) checkUser(i int, u batchUser) {
	w := c.s.w
	p := plannedUser{email: u.Email, status: "activate"}
	if u.ActivationStatus == "deactivate" {
		p.status = "deactivate"
	}
	before := len(c.errs)

	// The user: active, not yet a phone user, once in the batch.
	key := strings.ToLower(strings.TrimSpace(u.Email))
	if first, dup := c.emails[key]; dup {
		c.fail(i, "email", "Email %s is also users[%d] in this batch.", u.Email, first)
	} else {
		c.emails[key] = i
	}
	c.hostileRefusal(i, key)
	p.acct = w.userByEmail[key]
	switch {
	case p.acct == nil:
		c.fail(i, "email", "User does not exist: %s.", u.Email)
	case p.acct.Status == "pending":
		c.fail(i, "email", "User %s is pending (has not accepted the invitation); only active users can be added.", u.Email)
	case p.acct.Status != "active":
		c.fail(i, "email", "User %s is not active.", u.Email)
	case w.phoneByUserID[p.acct.ID] != nil:
		c.fail(i, "email", "User %s is already a Zoom Phone user.", u.Email)
	case c.s.phonePendingLocked(p.acct):
		c.fail(i, "email", "The user is a pending Zoom Phone user; assign it with batch_type assign_pending_user.")
	}

	p.site = c.resolveSite(i, u)
	if p.site != nil {
		p.extension = c.checkExtension(i, u.ExtensionNumber, p.site)
		c.checkTemplate(i, u.TemplateName, p.site)
		p.numbers = c.checkNumbers(i, u.PhoneNumbers, p.site)
	}
	c.checkCallerID(i, u.OutboundCallerID)
	p.devices = c.checkDeskPhones(i, u.DeskPhones)
	types := c.checkPlanNames(i, u.CallingPlans)

	// Licences are counted only for users that are otherwise good, so a bad
	// user does not use up a licence a later good one needs.
	if len(c.errs) == before {
		for j, t := range types {
			plan := w.planByType(t)
			if c.demand[t]+1 > plan.available() {
				c.fail(i, fmt.Sprintf("calling_plans[%d]", j), "No licences left for calling plan %s (%d available).", u.CallingPlans[j], plan.available())
			}
		}
	}
	if len(c.errs) != before {
		return
	}
	for _, t := range types {
		c.demand[t]++
	}
	p.planTypes, p.planSubs = types, c.subs
	c.planned = append(c.planned, p)
}

// resolveSite finds the user's site by site_name and/or site_code.
func (c *batchCheck) resolveSite(i int, u batchUser) *site {
	w := c.s.w
	if c.s.opts.SingleSite {
		return w.sites[0]
	}
	var byName, byCode *site
	if u.SiteName != "" {
		if byName = w.siteByName(u.SiteName); byName == nil {
			c.fail(i, "site_name", "Site does not exist: %s.", u.SiteName)
			return nil
		}
	}
	if u.SiteCode != "" {
		code, err := strconv.Atoi(u.SiteCode)
		if err == nil {
			byCode = w.siteByCode(code)
		}
		if byCode == nil {
			c.fail(i, "site_code", "Site code does not exist: %s.", u.SiteCode)
			return nil
		}
	}
	switch {
	case byName == nil && byCode == nil:
		c.fail(i, "site_name", "site_name or site_code is required.")
		return nil
	case byName != nil && byCode != nil && byName != byCode:
		c.fail(i, "site_code", "Site code %s is site %s, not %s.", u.SiteCode, byCode.Name, byName.Name)
		return nil
	case byName != nil:
		return byName
	}
	return byCode
}

// checkExtension applies the site's short-extension length and uniqueness;
// with AutoExtension, "0" takes the site's next free extension.
func (c *batchCheck) checkExtension(i int, ext string, st *site) string {
	if ext == "0" && c.s.opts.AutoExtension {
		return c.nextFreeExtension(st)
	}
	if ext == "" || strings.Trim(ext, "0123456789") != "" {
		c.fail(i, "extension_number", "Extension number %q must contain only digits.", ext)
		return ""
	}
	if len(ext) != st.ExtLen {
		c.fail(i, "extension_number", "Extension number %s must be %d digits at site %s.", ext, st.ExtLen, st.Name)
		return ""
	}
	if c.s.w.extensionTaken(st.ID, ext) {
		c.fail(i, "extension_number", "Extension number %s is already used.", ext)
		return ""
	}
	key := st.ID + "/" + ext
	if first, dup := c.exts[key]; dup {
		c.fail(i, "extension_number", "Extension number %s is also given to users[%d] in this batch.", ext, first)
		return ""
	}
	c.exts[key] = i
	return ext
}

func (c *batchCheck) nextFreeExtension(st *site) string {
	lo := 1
	for range st.ExtLen - 1 {
		lo *= 10
	}
	for n := lo + 1; n < lo*10; n++ {
		ext := strconv.Itoa(n)
		if _, claimed := c.exts[st.ID+"/"+ext]; !claimed && !c.s.w.extensionTaken(st.ID, ext) {
			c.exts[st.ID+"/"+ext] = -1
			return ext
		}
	}
	return ""
}

// checkTemplate: a template must be a user template of the user's site.
func (c *batchCheck) checkTemplate(i int, name string, st *site) {
	if name == "" {
		return
	}
	for _, t := range c.s.w.templates {
		sameSite := t.SiteID == st.ID || (c.s.opts.SingleSite && t.SiteID == "")
		if t.Name == name && t.Type == "user" && sameSite {
			return
		}
	}
	c.failKind(i, true, "template_name", "%s: %q is not a user template of site %s.", msgTemplateInvalid, name, st.Name)
}

// checkPlanNames resolves calling-plan names to codes the account holds.
func (c *batchCheck) checkPlanNames(i int, names []string) []int {
	if len(names) == 0 && c.s.opts.EmptyPlansRefused {
		c.fail(i, "calling_plans", "At least one calling plan is required.")
		return nil
	}
	var types []int
	c.subs = nil
	for j, raw := range names {
		field := fmt.Sprintf("calling_plans[%d]", j)
		name, sub, hasSub := strings.Cut(raw, ":")
		code, known := batchPlanType(name)
		if !known && c.s.opts.LongPlanNames {
			for _, p := range c.s.w.plans {
				if p.Name == name {
					code, known = p.Type, true
				}
			}
		}
		switch {
		case !known:
			c.fail(i, field, "Calling plan %q does not exist.", raw)
		case code == 0 || c.s.w.planByType(code) == nil:
			c.fail(i, field, "Calling plan %s is not subscribed on this account.", name)
		case slices.Contains(types, code):
			c.fail(i, field, "Calling plan %s is given twice.", name)
		default:
			subID, msg := c.s.resolveSubscription(c.s.w.planByType(code), name, sub, hasSub)
			if msg != "" {
				c.fail(i, field, "%s", msg)
				continue
			}
			types = append(types, code)
			c.subs = append(c.subs, subID)
		}
	}
	return types
}

// checkNumbers: unassigned numbers of the account, in the user's site, once
// in the batch.
func (c *batchCheck) checkNumbers(i int, numbers []string, st *site) []*phoneNumber {
	var out []*phoneNumber
	for j, raw := range numbers {
		field := fmt.Sprintf("phone_numbers[%d]", j)
		if !isE164Shape(raw) {
			c.fail(i, field, "Phone number %q is not in E.164 format (+ and country code).", raw)
			continue
		}
		n := c.s.w.numberByE164[raw]
		switch {
		case n == nil:
			c.fail(i, field, "Phone number %s does not belong to this account.", raw)
			continue
		case n.AssigneeID != "":
			c.fail(i, field, "Phone number already in use.")
			continue
		case c.s.pendingLocked(n):
			c.fail(i, field, "Phone number %s is pending (being ported) and cannot be assigned yet.", raw)
			continue
		case n.SiteID != st.ID:
			c.fail(i, field, "Phone number %s belongs to site %s, not %s.", raw, c.s.w.siteByID[n.SiteID].Name, st.Name)
			continue
		}
		if first, dup := c.numbers[raw]; dup {
			c.fail(i, field, "Phone number %s is also given to users[%d] in this batch.", raw, first)
			continue
		}
		c.numbers[raw] = i
		out = append(out, n)
	}
	return out
}

// checkCallerID: the outbound caller ID must be one of the account's numbers.
func (c *batchCheck) checkCallerID(i int, id string) {
	if id == "" {
		return
	}
	if !isE164Shape(id) || c.s.w.numberByE164[id] == nil {
		c.fail(i, "outbound_caller_id", "Outbound caller ID %s is not one of the account's phone numbers.", id)
	}
}

// checkDeskPhones: at most 3, brand and model given, MAC in Zoom's format,
// not registered and not twice in the batch.
func (c *batchCheck) checkDeskPhones(i int, phones []batchDeskPhone) []plannedDevice {
	if len(phones) > 3 {
		c.fail(i, "desk_phones", "Each user can be assigned up to three desk phones.")
		return nil
	}
	var out []plannedDevice
	for k, ph := range phones {
		field := fmt.Sprintf("desk_phones[%d].", k)
		before := len(c.errs)
		switch {
		case ph.Brand == "":
			c.fail(i, field+"brand", "Phone manufacturer is required.")
		case !isKnownBrand(ph.Brand):
			c.fail(i, field+"brand", "Phone manufacturer does not exist: %s.", ph.Brand)
		}
		if ph.Model == "" {
			c.fail(i, field+"model", "Phone model is required.")
		}
		mac, ok := normaliseMAC(ph.MAC)
		switch {
		case ph.MAC == "":
			c.fail(i, field+"mac", "The MAC address is required.")
		case !ok:
			c.fail(i, field+"mac", "The MAC address %q is invalid: use 12 hex digits, optionally in pairs separated by ':' or '-'.", ph.MAC)
		case c.s.w.deviceByMAC[mac] != nil:
			c.fail(i, field+"mac", "The MAC address %s is already registered to a device.", mac)
		default:
			if first, dup := c.macs[mac]; dup {
				c.fail(i, field+"mac", "The MAC address %s is also given to %s in this batch.", mac, first)
			} else {
				c.macs[mac] = fmt.Sprintf("users[%d].desk_phones[%d]", i, k)
			}
		}
		var tplID string
		if ph.ProvisionTemplate != "" {
			if t := c.s.w.provisionTemplateByName(ph.ProvisionTemplate); t != nil {
				tplID = t.ID
			} else {
				c.fail(i, field+"provision_template", "Provision template does not exist: %s.", ph.ProvisionTemplate)
			}
		}
		if len(c.errs) == before {
			out = append(out, plannedDevice{mac: mac, brand: ph.Brand, model: ph.Model, provisionTemplateID: tplID})
		}
	}
	return out
}

func isKnownBrand(b string) bool {
	return slices.ContainsFunc(knownBrands, func(k string) bool { return strings.EqualFold(k, b) })
}
