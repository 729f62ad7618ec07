package state

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// storeTestHome is a fresh ZPADD_HOME-style home, ensured.
func storeTestHome(t testing.TB) Home {
	t.Helper()
	h := HomeUnder(filepath.Join(t.TempDir(), "zpadd-home"))
	if err := h.Ensure(); err != nil {
		t.Fatal(err)
	}
	return h
}

func storeTestStore(t testing.TB) (*Store, Home) {
	t.Helper()
	h := storeTestHome(t)
	s, err := OpenStore(h)
	if err != nil {
		t.Fatal(err)
	}
	return s, h
}

func storeBool(b bool) *bool { return &b }

// storeSampleDraft is a full draft: n users, each with numbers and a desk phone.
func storeSampleDraft(id string, n int) *Draft {
	d := &Draft{
		ID:   id,
		Name: "Sample " + id,
		Defaults: Defaults{
			SiteName: "Main Office", TemplateName: "Standard", CallingPlans: []string{"US/CA Unlimited"},
			DeskPhoneBrand: "Yealink", DeskPhoneModel: "T54W", SMS: storeBool(true),
		},
	}
	for i := range n {
		d.Users = append(d.Users, User{
			Email:           fmt.Sprintf("user%02d@example.com", i),
			FirstName:       "First" + fmt.Sprint(i),
			LastName:        "Last",
			ExtensionNumber: fmt.Sprintf("1%03d", i),
			SiteName:        "Main Office",
			TemplateName:    "Standard",
			CallingPlans:    []string{"US/CA Unlimited"},
			PhoneNumbers:    []string{fmt.Sprintf("+1212555%04d", i)},
			SMS:             storeBool(i%2 == 0),
			DeskPhones: []DeskPhone{{
				MAC: fmt.Sprintf("805ec03deb%02x", i), Brand: "Yealink", Model: "T54W", ProvisionTemplate: "Default",
			}},
		})
	}
	return d
}

// storeClock is a settable clock for Store.now and Journal.now.
type storeClock struct{ t time.Time }

func (c *storeClock) now() time.Time          { return c.t }
func (c *storeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func storeReadFile(t testing.TB, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
