package state

import (
	"sort"
	"strings"
)

// catalogIndex holds what one Validate call needs from the catalog as maps.
// The big lists (numbers, devices, phone users: thousands of entries) are
// scanned once and only the entries the draft mentions are kept, so a call
// costs one pass over each list and no large allocations.
type catalogIndex struct {
	c *Catalog

	sitesByName map[string]*Site
	sitesByCode map[string]*Site
	sitesByID   map[string]*Site
	templates   map[string][]*Template // lower-case name → templates of any site
	plans       map[string][]*Plan     // batch short name → account plans
	plansUnsure bool                   // some account plans map to no short name
	provision   map[string]bool        // lower-case provision template names

	numbers    map[string]*Number    // number without "+" → account number (draft's only)
	devices    map[string]*Device    // MAC → registered device (draft's only)
	phoneUsers map[string]*PhoneUser // EmailKey → phone user (draft's only)
	extTaken   map[string]*PhoneUser // site id + "\x00" + extension (draft's only)
}

func newCatalogIndex(c *Catalog, d *Draft) *catalogIndex {
	if c == nil {
		c = &Catalog{}
	}
	x := &catalogIndex{c: c}
	x.indexSites()
	x.indexTemplates()
	x.indexPlans()
	x.indexProvisionTemplates()
	x.indexNumbers(d)
	x.indexDevices(d)
	x.indexPhoneUsers(d)
	return x
}

func (x *catalogIndex) known(list string) bool { return x.c.Known[list] }

func (x *catalogIndex) indexSites() {
	x.sitesByName, x.sitesByCode, x.sitesByID = map[string]*Site{}, map[string]*Site{}, map[string]*Site{}
	for i := range x.c.Sites {
		s := &x.c.Sites[i]
		x.sitesByName[strings.ToLower(strings.TrimSpace(s.Name))] = s
		if s.Code != "" {
			x.sitesByCode[strings.TrimSpace(s.Code)] = s
		}
		x.sitesByID[s.ID] = s
	}
}

func (x *catalogIndex) indexTemplates() {
	x.templates = map[string][]*Template{}
	for i := range x.c.Templates {
		t := &x.c.Templates[i]
		key := strings.ToLower(strings.TrimSpace(t.Name))
		x.templates[key] = append(x.templates[key], t)
	}
}

func (x *catalogIndex) indexPlans() {
	x.plans = map[string][]*Plan{}
	for i := range x.c.Plans {
		p := &x.c.Plans[i]
		short := p.ShortName
		if short == "" {
			short, _ = ShortPlanName(p.Type)
		}
		if short == "" {
			short = shortPlanForLong(strings.TrimSpace(p.Name))
		}
		if short == "" {
			x.plansUnsure = true
			continue
		}
		if known, ok := LookupPlan(short); ok {
			short = known.Short
		}
		x.plans[short] = append(x.plans[short], p)
	}
}

func (x *catalogIndex) indexProvisionTemplates() {
	x.provision = map[string]bool{}
	for _, t := range x.c.ProvisionTemplates {
		x.provision[strings.ToLower(strings.TrimSpace(t.Name))] = true
	}
}

func numberKey(n string) string { return strings.TrimPrefix(strings.TrimSpace(n), "+") }

func (x *catalogIndex) indexNumbers(d *Draft) {
	x.numbers = map[string]*Number{}
	if !x.known("numbers") {
		return
	}
	for _, u := range d.Users {
		for _, n := range u.PhoneNumbers {
			x.numbers[numberKey(n)] = nil
		}
		if u.OutboundCallerID != "" {
			x.numbers[numberKey(u.OutboundCallerID)] = nil
		}
	}
	if len(x.numbers) == 0 {
		return
	}
	// A filter on the last two characters skips most of a large list
	// without hashing it.
	var tail [256][256]bool
	for k := range x.numbers {
		if len(k) >= 2 {
			tail[k[len(k)-2]][k[len(k)-1]] = true
		}
	}
	for i := range x.c.Numbers {
		n := x.c.Numbers[i].Number
		if l := len(n); l >= 2 && n[l-1] >= '0' && n[l-1] <= '9' && !tail[n[l-2]][n[l-1]] {
			continue
		}
		key := numberKey(n)
		if _, wanted := x.numbers[key]; wanted {
			x.numbers[key] = &x.c.Numbers[i]
		}
	}
}

func (x *catalogIndex) indexDevices(d *Draft) {
	x.devices = map[string]*Device{}
	if !x.known("devices") {
		return
	}
	for _, u := range d.Users {
		for _, p := range u.DeskPhones {
			if mac, err := NormalizeMAC(p.MAC); err == nil {
				x.devices[mac] = nil
			}
		}
	}
	if len(x.devices) == 0 {
		return
	}
	for i := range x.c.Devices {
		mac := x.c.Devices[i].MAC
		if len(mac) != 12 {
			// Zoom returns bare lowercase MACs; anything else is tolerated.
			if norm, err := NormalizeMAC(mac); err == nil {
				mac = norm
			}
		}
		if _, wanted := x.devices[mac]; wanted {
			x.devices[mac] = &x.c.Devices[i]
		}
	}
}

func (x *catalogIndex) indexPhoneUsers(d *Draft) {
	x.phoneUsers, x.extTaken = map[string]*PhoneUser{}, map[string]*PhoneUser{}
	if !x.known("phone_users") {
		return
	}
	exts := map[string]bool{}
	for _, u := range d.Users {
		if k := EmailKey(u.Email); k != "" {
			x.phoneUsers[k] = nil
		}
		if e := strings.TrimSpace(u.ExtensionNumber); e != "" {
			exts[e] = true
		}
	}
	for i := range x.c.PhoneUsers {
		pu := &x.c.PhoneUsers[i]
		if k := EmailKey(pu.Email); k != "" {
			if _, wanted := x.phoneUsers[k]; wanted {
				x.phoneUsers[k] = pu
			}
		}
		if exts[pu.ExtensionNumber] {
			x.extTaken[pu.SiteID+"\x00"+pu.ExtensionNumber] = pu
		}
	}
}

func (x *catalogIndex) siteByName(name string) *Site {
	if name = strings.TrimSpace(name); name == "" {
		return nil
	}
	return x.sitesByName[strings.ToLower(name)]
}

func (x *catalogIndex) siteByCode(code string) *Site {
	if code = strings.TrimSpace(code); code == "" {
		return nil
	}
	return x.sitesByCode[code]
}

func (x *catalogIndex) siteName(id string) string {
	if s := x.sitesByID[id]; s != nil {
		return s.Name
	}
	return id
}

// onlySite is the site of a single-site account, where users may leave
// the site out.
func (x *catalogIndex) onlySite() *Site {
	if x.known("sites") && len(x.c.Sites) == 1 {
		return &x.c.Sites[0]
	}
	return nil
}

// siteChoices lists a few site names for a "no such site" message.
func (x *catalogIndex) siteChoices() string {
	var names []string
	for _, s := range x.c.Sites {
		names = append(names, s.Name)
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	if len(names) > 6 {
		names = append(names[:6], "…")
	}
	return "; sites are: " + strings.Join(names, ", ")
}

func (x *catalogIndex) templatesNamed(name string) []*Template {
	return x.templates[strings.ToLower(strings.TrimSpace(name))]
}

// accountHasPlan reports whether the account holds the plan. When some
// account plans could not be mapped to a short name the answer is unsure,
// and callers must not block on it.
func (x *catalogIndex) accountHasPlan(short string) bool {
	return len(x.plans[short]) > 0 || x.plansUnsure
}

// available sums the free licences of a plan over its subscriptions.
func (x *catalogIndex) available(short string) (int, bool) {
	ps := x.plans[short]
	if len(ps) == 0 {
		return 0, false
	}
	n := 0
	for _, p := range ps {
		n += p.Available
	}
	return n, true
}

func (x *catalogIndex) provisionTemplate(name string) bool {
	return x.provision[strings.ToLower(strings.TrimSpace(name))]
}

func (x *catalogIndex) number(e164 string) (*Number, bool) {
	n := x.numbers[numberKey(e164)]
	return n, n != nil
}

func (x *catalogIndex) device(mac string) (*Device, bool) {
	d := x.devices[mac]
	return d, d != nil
}

func (x *catalogIndex) phoneUser(email string) (*PhoneUser, bool) {
	pu := x.phoneUsers[EmailKey(email)]
	return pu, pu != nil
}

func (x *catalogIndex) extensionTaken(siteID, ext string) (*PhoneUser, bool) {
	pu := x.extTaken[siteID+"\x00"+ext]
	return pu, pu != nil
}
