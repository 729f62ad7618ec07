package state

import (
	"errors"
	"regexp"
	"testing"
)

func boolPtr(b bool) *bool { return &b }

// TestNewDraft protects the draft header: schema, a short URL-safe id
// that differs per draft, and times.
func TestNewDraft(t *testing.T) {
	a, b := NewDraft(" HQ starters ", Defaults{SiteName: "HQ"}), NewDraft("x", Defaults{})
	if !regexp.MustCompile(`^[a-z2-7]{16}$`).MatchString(a.ID) || a.ID == b.ID {
		t.Errorf("ids %q and %q: want distinct 16-char lowercase base32", a.ID, b.ID)
	}
	if a.Schema != SchemaVersion || a.Name != "HQ starters" || a.Created.IsZero() || !a.Updated.Equal(a.Created) {
		t.Errorf("draft header = %+v", a)
	}
}

// TestAddUserAppliesDefaults protects that batch defaults land on each new
// user, copied (editing one user must not change the defaults or others).
func TestAddUserAppliesDefaults(t *testing.T) {
	d := NewDraft("t", Defaults{SiteName: "HQ", SiteCode: "1", TemplateName: "Std", CallingPlans: []string{"US/CA Unlimited"},
		SMS: boolPtr(true), DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s", ProvisionTemplate: "HQ Yealink"})
	i, err := d.AddUser(" Ann@Example.COM ")
	if err != nil || i != 0 {
		t.Fatalf("AddUser = %d, %v", i, err)
	}
	u := d.Users[0]
	if u.Email != "Ann@example.com" || u.SiteName != "HQ" || u.SiteCode != "1" || u.TemplateName != "Std" ||
		len(u.CallingPlans) != 1 || u.SMS == nil || !*u.SMS || len(u.DeskPhones) != 0 {
		t.Fatalf("user = %+v", u)
	}
	d.Users[0].CallingPlans[0] = "changed"
	*d.Users[0].SMS = false
	if d.Defaults.CallingPlans[0] != "US/CA Unlimited" || !*d.Defaults.SMS {
		t.Error("editing a user changed the draft defaults")
	}
	p := d.NewDeskPhone("MAC:80-5E-C0-3D-EB-C4")
	if p != (DeskPhone{MAC: "805ec03debc4", Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"}) {
		t.Errorf("NewDeskPhone = %+v", p)
	}
	if p := d.NewDeskPhone(" bad scan "); p.MAC != "bad scan" {
		t.Errorf("invalid MAC should be kept as typed, got %q", p.MAC)
	}
}

// TestAddUserLimits protects the 10-user limit, duplicate refusal and the
// blank user for forms.
func TestAddUserLimits(t *testing.T) {
	d := NewDraft("t", Defaults{})
	if _, err := d.AddUser("not-an-email"); err == nil {
		t.Error("invalid email accepted")
	}
	if i, err := d.AddUser(""); err != nil || i != 0 {
		t.Errorf("blank user: %d, %v", i, err)
	}
	if _, err := d.AddUser("a@example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddUser("A@EXAMPLE.com"); !errors.Is(err, ErrDuplicateUser) {
		t.Errorf("duplicate: err = %v; want ErrDuplicateUser", err)
	}
	for len(d.Users) < MaxUsers {
		if _, err := d.AddUser(""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.AddUser("k@example.com"); !errors.Is(err, ErrDraftFull) {
		t.Errorf("11th user: err = %v; want ErrDraftFull", err)
	}
	if len(d.Users) != MaxUsers {
		t.Errorf("%d users after refusal", len(d.Users))
	}
}

func TestFillFromDefaultsFillsOnlyEmptyFields(t *testing.T) {
	d := NewDraft("late defaults", Defaults{})
	a, _ := d.AddUser("a@example.com")
	b, _ := d.AddUser("b@example.com")
	d.Users[b].SiteName, d.Users[b].TemplateName = "London", "London Standard User"
	d.Users[a].DeskPhones = []DeskPhone{{MAC: "805ec0000001"}}
	on := true
	d.Defaults = Defaults{SiteName: "Main Site", TemplateName: "Main Site Standard User",
		CallingPlans: []string{"US/CA Unlimited"}, SMS: &on, DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s"}

	if n := d.FillFromDefaults(); n != 2 {
		t.Errorf("changed %d users, want 2", n)
	}
	ua, ub := d.Users[a], d.Users[b]
	if ua.SiteName != "Main Site" || ua.TemplateName != "Main Site Standard User" || len(ua.CallingPlans) != 1 || ua.SMS == nil {
		t.Errorf("empty user not filled: %+v", ua)
	}
	if p := ua.DeskPhones[0]; p.Brand != "Yealink" || p.Model != "t46s" {
		t.Errorf("desk phone not filled: %+v", p)
	}
	if ub.SiteName != "London" || ub.TemplateName != "London Standard User" {
		t.Errorf("a user's own site was overwritten: %+v", ub)
	}
	if ub.CallingPlans[0] != "US/CA Unlimited" {
		t.Errorf("empty plans of a user at another site not filled: %+v", ub)
	}
	if n := d.FillFromDefaults(); n != 0 {
		t.Errorf("second fill changed %d users", n)
	}
}
