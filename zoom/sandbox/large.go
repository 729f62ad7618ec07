package sandbox

import (
	"fmt"
	"strconv"
	"time"
)

// Size asks the sandbox to grow the seeded account to a realistic size, so
// costs that grow with the account (pages of numbers, phone users and desk
// phones) can be measured and tested: Numbers more phone numbers spread
// over the sites, PhoneUsers more phone users (each with an account user,
// an extension and one of the new numbers), Devices more desk phones (the
// first ones assigned to the new phone users, one each), Users more active
// account users without Zoom Phone (new00001@large.example.com…), ready to
// be added in a benchmark's batches.
type Size struct {
	Numbers, PhoneUsers, Devices, Users int
}

// LargeSize is the account that large=N asks for: N numbers, a phone user
// for every second number and a desk phone for every fifth, as in a
// 10,000-number account with 5,000 phone users and 2,000 desk phones.
func LargeSize(numbers int) Size {
	return Size{Numbers: numbers, PhoneUsers: numbers / 2, Devices: numbers / 5}
}

func (z Size) zero() bool { return z == Size{} }

// largeRanges are number blocks apart from the standard seed's, one per
// site in seed order, each wide enough for any size asked.
var largeRanges = []numberRange{
	{Prefix: "+1646", Digits: 7, Start: 3000000, Location: "New York, NY"},
	{Prefix: "+4420", Digits: 8, Start: 70000000, Location: "London"},
	{Prefix: "+813", Digits: 8, Start: 50000000, Location: "Tokyo"},
	{Prefix: "+1416", Digits: 7, Start: 5000000, Location: "Toronto, ON"},
}

// grow adds z's numbers, phone users and devices to the seeded account.
// New extensions start at half of each site's range (5000 for 4 digits),
// above the standard seed's.
func (w *world) grow(z Size) error {
	if z.PhoneUsers > z.Numbers {
		return fmt.Errorf("large account: %d phone users need at least as many numbers, got %d", z.PhoneUsers, z.Numbers)
	}
	sites := w.sites
	if len(sites) == 0 {
		return fmt.Errorf("large account: the seed has no sites")
	}
	// Numbers, split evenly over the sites.
	perSite := make([][]*phoneNumber, len(sites))
	for i, st := range sites {
		count := z.Numbers / len(sites)
		if i < z.Numbers%len(sites) {
			count++
		}
		if count == 0 {
			continue
		}
		r := largeRanges[i%len(largeRanges)]
		r.Count = count
		nums, err := r.generate(st.Country)
		if err != nil {
			return fmt.Errorf("large account: numbers of site %q: %w", st.Name, err)
		}
		for _, n := range nums {
			pn := &phoneNumber{ID: w.ids.next("number"), Number: n, SiteID: st.ID, Location: r.Location}
			w.addNumber(pn)
			perSite[i] = append(perSite[i], pn)
		}
	}
	// Phone users, round robin over the sites that still have extensions
	// and numbers left.
	nextExt := make([]int, len(sites))
	lastExt := make([]int, len(sites))
	used := make([]int, len(sites))
	for i, st := range sites {
		top := 1
		for range max(st.ExtLen, 1) {
			top *= 10
		}
		nextExt[i], lastExt[i] = top/2, top-1
	}
	created := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	var newPhoneUsers []*phoneUser
	for k, site := 0, 0; k < z.PhoneUsers; site = (site + 1) % len(sites) {
		tried := 0
		for nextExt[site] > lastExt[site] || used[site] >= len(perSite[site]) {
			site = (site + 1) % len(sites)
			if tried++; tried > len(sites) {
				return fmt.Errorf("large account: the sites have room for only %d phone users", k)
			}
		}
		st := sites[site]
		email := fmt.Sprintf("user%05d@large.example.com", k+1)
		u := &accountUser{ID: w.ids.next("user"), Email: email, FirstName: "User", LastName: fmt.Sprintf("%05d", k+1),
			Status: "active", Type: 2, Dept: "Operations", Timezone: "UTC", CreatedAt: created}
		w.addUser(u)
		num := perSite[site][used[site]]
		used[site]++
		num.AssigneeID = u.ID
		pu := &phoneUser{UserID: u.ID, PhoneUserID: w.ids.next("phoneuser"), ExtensionID: w.ids.next("extension"),
			Extension: strconv.Itoa(nextExt[site]), SiteID: st.ID, PlanTypes: []int{200}, Numbers: []string{num.Number}, Status: "activate"}
		nextExt[site]++
		w.addPhoneUser(pu)
		newPhoneUsers = append(newPhoneUsers, pu)
		k++
	}
	for k := range z.Users {
		w.addUser(&accountUser{ID: w.ids.next("user"), Email: fmt.Sprintf("new%05d@large.example.com", k+1), FirstName: "New",
			LastName: fmt.Sprintf("%05d", k+1), Status: "active", Type: 2, Dept: "Operations", Timezone: "UTC", CreatedAt: created})
	}
	// Licences: a large account holds a calling plan for each phone user
	// and for each user waiting to be added (US/CA Unlimited, type 200).
	if p := w.planByType(200); p != nil {
		p.Subscribed += z.PhoneUsers + z.Users
		p.Assigned += z.PhoneUsers
	}
	// Desk phones: Yealink T46S under a prefix the standard seed does not
	// use, assigned to the new phone users first.
	for k := range z.Devices {
		mac := fmt.Sprintf("249ad8%06x", k+1)
		d := &device{ID: w.ids.next("device"), MAC: mac, Brand: "Yealink", Model: "t46s", SiteID: sites[k%len(sites)].ID, SeedStatus: "online"}
		if k < len(newPhoneUsers) {
			d.AssigneeID, d.SiteID = newPhoneUsers[k].UserID, newPhoneUsers[k].SiteID
		}
		w.addDevice(d)
	}
	return nil
}
