package submit

import (
	"context"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
	"zpadd/zoom"
)

// Pre-flight reads what the batch touches, not the account: an extension
// by site and keyword (GET /phone/users?site_id=&keyword=, zoom-api.md
// §6.4), a phone number by number (§5.4 phone_number), a MAC by keyword
// (§5.7), a user by email (§6.2, §6.5). A whole list is read instead only
// when the catalog's known sizes say it takes fewer requests: a small
// account's list is one or two pages, while a 10,000-number account's is a
// hundred. Requests are what Zoom's per-account quotas count (§8.1), and
// targeted reads run side by side where pages run one after another.

// Page sizes of the lists a targeted read can stand in for (zoom-api.md
// §5.4, §5.7, §6.4).
const (
	phoneUsersPage = 100
	numbersPage    = 100
	devicesPage    = 300
)

func pagesFor(items, perPage int) int { return max(1, (items+perPage-1)/perPage) }

// listSizes are the sizes of the cached catalog's lists, per site where a
// list is read per site; known is false for a list never fetched, whose
// size is not known, so targeted reads are used.
type listSizes struct {
	phoneUsersKnown, numbersKnown, devicesKnown bool
	phoneUsersAt, numbersAt                     map[string]int
	assignedDevices, unassignedDevices          int
}

func sizesOf(c *state.Catalog) listSizes {
	z := listSizes{phoneUsersAt: map[string]int{}, numbersAt: map[string]int{}}
	if c == nil {
		return z
	}
	z.phoneUsersKnown, z.numbersKnown, z.devicesKnown = c.Known[knownPhoneUsers], c.Known[knownNumbers], c.Known[knownDevices]
	for _, p := range c.PhoneUsers {
		z.phoneUsersAt[p.SiteID]++
	}
	for _, n := range c.Numbers {
		z.numbersAt[n.SiteID]++
	}
	for _, d := range c.Devices {
		if d.Assignee != "" {
			z.assignedDevices++
		} else {
			z.unassignedDevices++
		}
	}
	return z
}

// unknownListPages is the size assumed of a list never read: 50 pages
// (5,000 phone users or numbers at a site, 15,000 desk phones). Fewer
// targeted reads than that are the safer bet; a run of many drafts with
// more keys than that reads the list.
const unknownListPages = 50

// cheaper reports whether a list of this many pages (when known) costs
// fewer requests than this many targeted reads.
func cheaper(known bool, pages, targeted int) bool {
	if !known {
		return targeted > unknownListPages
	}
	return pages < targeted
}

// listExtensions says whether reading the site's whole phone-user list
// costs fewer requests than one keyword read per extension.
func (z listSizes) listExtensions(siteID string, exts int) bool {
	return cheaper(z.phoneUsersKnown, pagesFor(z.phoneUsersAt[siteID], phoneUsersPage), exts)
}

// listNumbers says the same of the site's unassigned numbers.
func (z listSizes) listNumbers(siteID string, numbers int) bool {
	return cheaper(z.numbersKnown, pagesFor(z.numbersAt[siteID], numbersPage), numbers)
}

// devicePages is how many pages the cached catalog says the account's
// desk phones of this type ("assigned", "unassigned") take, or -1 when it
// never listed them.
func (z listSizes) devicePages(typ string) int {
	switch {
	case !z.devicesKnown:
		return -1
	case typ == "unassigned":
		return pagesFor(z.unassignedDevices, devicesPage)
	}
	return pagesFor(z.assignedDevices, devicesPage)
}

// listDevices says the same of the account's desk phones: a MAC costs two
// keyword reads (Zoom's list needs type=assigned or type=unassigned).
func (z listSizes) listDevices(macs int) bool {
	return cheaper(z.devicesKnown, pagesFor(z.assignedDevices, devicesPage)+pagesFor(z.unassignedDevices, devicesPage), 2*macs)
}

// targetedReads gathers what the keyword and by-number reads found, to be
// laid over the cached catalog: for each key read, Zoom's answer replaces
// whatever the cache said about it.
type targetedReads struct {
	mu sync.Mutex

	extsRead   map[string]map[string]bool // site → extensions read
	extHits    []zoom.PhoneUser
	numbersRd  map[string]bool // numberKey → read
	numberHits []state.Number
	macsRead   map[string]bool
	macHits    []state.Device
}

func newTargetedReads() *targetedReads {
	return &targetedReads{extsRead: map[string]map[string]bool{}, numbersRd: map[string]bool{}, macsRead: map[string]bool{}}
}

// extensions reads each extension of the site by keyword. The keyword
// matches names, numbers and extensions containing it, so hits are all
// real phone users: every one of them goes into the overlay.
func (pr *preflightRun) readExtensions(ctx context.Context, g *errgroup.Group, t *targetedReads, siteID string, exts []string) {
	for _, ext := range exts {
		g.Go(func() error {
			hits, err := pr.s.c.ListPhoneUsers(ctx, zoom.PhoneUserQuery{SiteID: siteID, Keyword: ext})
			if err != nil {
				pr.readFailed(ctx, "extension "+ext, knownPhoneUsers, err)
				return nil
			}
			t.mu.Lock()
			defer t.mu.Unlock()
			if t.extsRead[siteID] == nil {
				t.extsRead[siteID] = map[string]bool{}
			}
			t.extsRead[siteID][ext] = true
			t.extHits = append(t.extHits, hits...)
			return nil
		})
	}
}

// readNumbers reads each phone number by number, assigned or not.
func (pr *preflightRun) readNumbers(ctx context.Context, g *errgroup.Group, t *targetedReads, siteID string, numbers []string) {
	for _, n := range numbers {
		g.Go(func() error {
			hit, err := pr.s.c.FindNumber(ctx, n)
			if err != nil {
				pr.readFailed(ctx, "number "+n, knownNumbers, err)
				return nil
			}
			t.mu.Lock()
			defer t.mu.Unlock()
			t.numbersRd[numberKey(n)] = true
			if hit != nil {
				t.numberHits = append(t.numberHits, numberOf(*hit, ""))
			}
			return nil
		})
	}
}

// readMACs reads the MACs among assigned and unassigned phones (each
// type in as few requests as devicesByMAC can tell).
func (pr *preflightRun) readMACs(ctx context.Context, g *errgroup.Group, t *targetedReads, macs []string, z listSizes) {
	for _, typ := range []string{"assigned", "unassigned"} {
		g.Go(func() error {
			hits, err := pr.s.devicesByMAC(ctx, zoom.DeviceQuery{Type: typ}, macs, z.devicePages(typ))
			if err != nil {
				pr.readFailed(ctx, "desk phones ("+typ+")", knownDevices, err)
				return nil
			}
			t.mu.Lock()
			defer t.mu.Unlock()
			for _, mac := range macs {
				t.macsRead[mac] = true
			}
			for _, d := range hits {
				t.macHits = append(t.macHits, deviceOf(d))
			}
			return nil
		})
	}
}

// overlay lays the targeted answers over live: cached entries about a key
// that was read are dropped, Zoom's answers added. A list is marked known
// when every targeted read of it succeeded: validation looks only at the
// draft's own keys, and those are exactly what was read.
func (t *targetedReads) overlay(live *state.Catalog, failed map[string]bool, numbersTargetedOnly, devicesTargeted bool) {
	if len(t.extsRead) > 0 {
		var keep []state.PhoneUser
		for _, p := range live.PhoneUsers {
			if !t.extsRead[p.SiteID][p.ExtensionNumber] {
				keep = append(keep, p)
			}
		}
		for _, h := range t.extHits {
			keep = append(keep, phoneUserOf(h))
		}
		live.PhoneUsers = keep
	}
	if len(t.numbersRd) > 0 {
		var keep []state.Number
		for _, n := range live.Numbers {
			if !t.numbersRd[numberKey(n.Number)] {
				keep = append(keep, n)
			}
		}
		live.Numbers = append(keep, t.numberHits...)
		if numbersTargetedOnly && !failed[knownNumbers] {
			live.Known[knownNumbers] = true
		}
	}
	if devicesTargeted && len(t.macsRead) > 0 {
		var keep []state.Device
		for _, d := range live.Devices {
			if !t.macsRead[bareMAC(d.MAC)] {
				keep = append(keep, d)
			}
		}
		live.Devices = append(keep, t.macHits...)
		if !failed[knownDevices] {
			live.Known[knownDevices] = true
		}
	}
}

func numberKey(n string) string { return strings.TrimPrefix(e164(n), "+") }

// draftMACs are the draft's desk-phone MACs, normalised, each once.
func draftMACs(d *state.Draft) []string {
	seen := map[string]bool{}
	var out []string
	for _, u := range d.Users {
		for _, p := range u.DeskPhones {
			if mac, err := state.NormalizeMAC(p.MAC); err == nil && !seen[mac] {
				seen[mac] = true
				out = append(out, mac)
			}
		}
	}
	sort.Strings(out)
	return out
}

// setKeys is a set's members, sorted, so reads go out in a stable order.
func setKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
