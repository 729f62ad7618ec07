package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Accessible mode: line-by-line answers fill and save a draft.
func TestAccessibleAddsAndSavesUser(t *testing.T) {
	e := newEnv(t)
	o := e.options()
	o.Accessible = true
	o.Input = strings.NewReader("ada@example.com\nAda\nLovelace\n1\n1105\n1\nus unl\n\n\n\n\nn\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	drafts, _, _ := e.store.List()
	if len(drafts) != 1 {
		t.Fatalf("want one draft, got %d\n%s", len(drafts), out.String())
	}
	d, _ := e.store.Load(drafts[0].ID)
	if len(d.Users) != 1 || d.Users[0].Email != "ada@example.com" || d.Users[0].LastName != "Lovelace" || d.Users[0].SiteName == "" {
		t.Fatalf("user not saved as answered: %+v\n%s", d.Users, out.String())
	}
	if !strings.Contains(out.String(), "zpadd submit "+d.ID) {
		t.Errorf("does not say how to submit:\n%s", out.String())
	}
}

// Accessible mode asks every field the user form has: names come from
// Zoom's lookup, the extension defaults to the next free one, typed phone
// numbers are checked (a bad one is asked again) and stored in E.164, the
// caller ID defaults to the first number, SMS and a scanned desk phone
// (brand from the MAC's vendor) are saved; the prompts carry no ANSI.
func TestAccessibleAsksNumbersCallerIDSMSAndDeskPhones(t *testing.T) {
	e := newEnv(t)
	o := e.options()
	o.Accessible = true
	o.Input = strings.NewReader(strings.Join([]string{
		"grace.wilson@example.com",
		"", "", // names from the lookup
		"1",      // site
		"",       // extension: the suggestion
		"1",      // template
		"uk unl", // plans, by words: UK/Ireland Unlimited
		"555, x", // refused: asked again
		"+1 646 820 1000, 6468201001",
		"",  // caller ID: the first number
		"2", // SMS on
		"3", // emergency address: the site's second other one (85 Jay Street)
		"MAC: 80-5E-C0-AA-BB-01",
		"", "", // brand from the vendor prefix, first model
		"", // no second phone
		"n",
	}, "\n") + "\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("accessible prompts carry ANSI sequences:\n%q", out.String())
	}
	if !strings.Contains(out.String(), "number 1 (555)") {
		t.Errorf("a bad number was not named:\n%s", out.String())
	}
	drafts, _, _ := e.store.List()
	if len(drafts) != 1 {
		t.Fatalf("want one draft, got %d", len(drafts))
	}
	d, _ := e.store.Load(drafts[0].ID)
	if len(d.Users) != 1 {
		t.Fatalf("want one user, got %+v", d.Users)
	}
	u := d.Users[0]
	if u.FirstName != "Grace" || u.LastName != "Wilson" {
		t.Errorf("names not taken from Zoom: %q %q", u.FirstName, u.LastName)
	}
	if u.ExtensionNumber == "" || len(u.CallingPlans) != 1 || u.CallingPlans[0] != "UK/Ireland Unlimited" {
		t.Errorf("extension %q, plans %v", u.ExtensionNumber, u.CallingPlans)
	}
	if strings.Join(u.PhoneNumbers, ",") != "+16468201000,+16468201001" || u.OutboundCallerID != "+16468201000" {
		t.Errorf("numbers %v, caller ID %q", u.PhoneNumbers, u.OutboundCallerID)
	}
	if u.SMS == nil || !*u.SMS {
		t.Errorf("SMS not on: %v", u.SMS)
	}
	if u.EmergencyAddress != "EAmain0Brooklyn000002" {
		t.Errorf("emergency address %q, want the one chosen", u.EmergencyAddress)
	}
	if len(u.DeskPhones) != 1 || u.DeskPhones[0].MAC != "805ec0aabb01" || u.DeskPhones[0].Brand != "Yealink" || u.DeskPhones[0].Model == "" {
		t.Errorf("desk phone wrong: %+v", u.DeskPhones)
	}
}

// A list with one option is chosen without a prompt ("enter the number 1"
// is not asked), and a plan list is printed once, not per answer.
func TestAccessibleSkipsOneOptionListsAndPrintsPlansOnce(t *testing.T) {
	e := newEnv(t)
	o := e.options()
	o.Accessible = true
	o.Input = strings.NewReader(strings.Join([]string{
		"grace.wilson@example.com", "", "",
		"london", // site by name; London has one user template
		"",       // extension: the suggestion
		"uk unl", // plans
		"", "",   // numbers, caller ID
		"", "", // SMS, desk phone
		"n",
	}, "\n") + "\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "User template: London Standard User (the only one)") {
		t.Errorf("one-option template was asked:\n%s", out.String())
	}
	if n := strings.Count(out.String(), "UK/Ireland Metered ("); n != 1 {
		t.Errorf("plan list printed %d times, want once:\n%s", n, out.String())
	}
	drafts, _, _ := e.store.List()
	d, _ := e.store.Load(drafts[0].ID)
	if u := d.Users[0]; u.SiteName != "London" || u.TemplateName != "London Standard User" || len(u.CallingPlans) != 1 || u.CallingPlans[0] != "UK/Ireland Unlimited" {
		t.Errorf("answers not saved: %+v", u)
	}
}
