package sandbox

import (
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// Every number the seed holds must be one a real client accepts, and the
// pickers need thousands of free ones.
func TestSeedNumbersAreValidAndPlentiful(t *testing.T) {
	w, err := loadSeed("")
	if err != nil {
		t.Fatal(err)
	}
	unassigned := 0
	for _, n := range w.numbers {
		p, err := phonenumbers.Parse(n.Number, "")
		if err != nil || !phonenumbers.IsValidNumber(p) {
			t.Errorf("seed number %s is not valid: %v", n.Number, err)
		}
		if region := phonenumbers.GetRegionCodeForNumber(p); region != w.siteByID[n.SiteID].Country {
			t.Errorf("seed number %s is in %s, its site %s is in %s", n.Number, region, w.siteByID[n.SiteID].Name, w.siteByID[n.SiteID].Country)
		}
		if n.AssigneeID == "" {
			unassigned++
		}
	}
	if unassigned < 2000 {
		t.Errorf("seed has %d unassigned numbers, want at least 2000", unassigned)
	}
}

// The seed must be a realistic, self-consistent account.
func TestSeedIsConsistent(t *testing.T) {
	w, err := loadSeed("standard")
	if err != nil {
		t.Fatal(err)
	}
	if w.acct.Name != "Example Corp" || len(w.sites) < 3 {
		t.Fatalf("account %q with %d sites", w.acct.Name, len(w.sites))
	}
	countries, lengths := map[string]bool{}, map[int]bool{}
	for _, s := range w.sites {
		countries[s.Country], lengths[s.ExtLen] = true, true
	}
	if len(countries) < 3 || len(lengths) < 3 {
		t.Errorf("sites span %d countries and %d extension lengths, want 3 of each", len(countries), len(lengths))
	}
	for _, pu := range w.phoneUsers {
		if got, want := len(pu.Extension), w.siteByID[pu.SiteID].ExtLen; got != want {
			t.Errorf("phone user %s extension %s has %d digits, site wants %d", pu.UserID, pu.Extension, got, want)
		}
	}
	statuses := map[string]int{}
	var names strings.Builder
	for _, u := range w.users {
		statuses[u.Status]++
		names.WriteString(u.FirstName + " " + u.LastName + "|")
	}
	if len(w.users) < 55 || statuses["active"] == 0 || statuses["inactive"] == 0 || statuses["pending"] == 0 {
		t.Errorf("users %d by status %v", len(w.users), statuses)
	}
	for _, want := range []string{"José Núñez", "Zoë", "Łukasz", "太郎 山田"} {
		if !strings.Contains(names.String(), want) {
			t.Errorf("seed lacks a user named %s", want)
		}
	}
	zero := 0
	for _, p := range w.plans {
		if p.available() == 0 {
			zero++
		}
	}
	if zero == 0 {
		t.Error("no calling plan has 0 available")
	}
	for _, prefix := range []string{"805ec0", "0004f2", "64167f", "00908f"} {
		found := false
		for _, d := range w.devices {
			found = found || strings.HasPrefix(d.MAC, prefix)
		}
		if !found {
			t.Errorf("no seeded desk phone with vendor prefix %s", prefix)
		}
	}
}

// The emails the package doc advertises as free to add must be exactly that.
func TestDocumentedFreeEmailsAreAddable(t *testing.T) {
	w, _ := loadSeed("")
	for _, local := range append(freeEmails, "sophie.turner", "haruto.suzuki", "noah.roy", "olivia.cote", "ethan.clark", "mia.lewis", "lucas.walker", "priya.patel") {
		u := w.userByEmail[local+"@example.com"]
		if u == nil || u.Status != "active" || w.phoneByUserID[u.ID] != nil {
			t.Errorf("%s is documented as free to add but is not", local)
		}
	}
}

func TestUnknownSeedIsAnError(t *testing.T) {
	if _, err := Open(Options{Seed: "nope"}); err == nil || !strings.Contains(err.Error(), "standard") {
		t.Fatalf("Open with an unknown seed: %v, want an error naming the known seeds", err)
	}
}
