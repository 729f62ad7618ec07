package sandbox

import (
	"strings"
	"testing"
)

// large=N grows the account to N more numbers, N/2 phone users with an
// extension and a number each, and N/5 desk phones, all valid and
// consistent, and served through the same paged lists.
func TestLargeAccountSeedsByCount(t *testing.T) {
	o, err := ParseBehaviours("large=2000,devices=300")
	if err != nil {
		t.Fatal(err)
	}
	base := New(Options{})
	sb := New(o)
	w, w0 := sb.w, base.w
	if got := len(w.numbers) - len(w0.numbers); got != 2000 {
		t.Errorf("numbers added = %d, want 2000", got)
	}
	if got := len(w.phoneUsers) - len(w0.phoneUsers); got != 1000 {
		t.Errorf("phone users added = %d, want 1000", got)
	}
	if got := len(w.devices) - len(w0.devices); got != 300 {
		t.Errorf("devices added = %d, want 300 (devices= overrides large's N/5)", got)
	}
	exts := map[string]bool{}
	for _, pu := range w.phoneUsers {
		st := w.siteByID[pu.SiteID]
		key := pu.SiteID + "/" + pu.Extension
		if exts[key] {
			t.Fatalf("extension %s used twice at site %s", pu.Extension, st.Name)
		}
		exts[key] = true
		if len(pu.Extension) != st.ExtLen {
			t.Fatalf("extension %q at %s: want %d digits", pu.Extension, st.Name, st.ExtLen)
		}
	}
	for _, n := range w.numbers[len(w0.numbers):] {
		if !validE164(n.Number, w.siteByID[n.SiteID].Country) {
			t.Fatalf("generated number %s is not valid for its site", n.Number)
		}
	}
	// The lists page through all of it.
	e := newEnvWith(t, sb)
	var page struct {
		TotalRecords int `json:"total_records"`
	}
	e.getJSON("/v2/phone/users?page_size=100", &page)
	if page.TotalRecords != len(w.phoneUsers) {
		t.Errorf("GET /phone/users total_records = %d, want %d", page.TotalRecords, len(w.phoneUsers))
	}
}

func TestLargeAccountRefusesBadCounts(t *testing.T) {
	for _, spec := range []string{"large=-1", "numbers=lots", "phone-users=2000000"} {
		if _, err := ParseBehaviours(spec); err == nil {
			t.Errorf("%s: accepted", spec)
		}
	}
	o, _ := ParseBehaviours("numbers=10,phone-users=20")
	if _, err := Open(o); err == nil || !strings.Contains(err.Error(), "phone users need") {
		t.Errorf("more phone users than numbers: err = %v", err)
	}
}

func BenchmarkOpenLarge50k(b *testing.B) {
	o, _ := ParseBehaviours("numbers=50000,phone-users=5000,devices=2000")
	for b.Loop() {
		if _, err := Open(o); err != nil {
			b.Fatal(err)
		}
	}
}
