package submit

import (
	"context"
	"net/url"
	"testing"

	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// Verification reads the batch's desk phones from the list of the site
// Zoom put their users at: on a large=4000 account (800 assigned phones,
// 200 a site) three new phones at Main Site cost one read of that site's
// list after the POST, where the account's list takes 3 pages and reading
// by MAC 3 requests. Every phone is still checked and found.
func TestVerifyReadsTheBatchsPhonesFromTheirSitesList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Size: sandbox.LargeSize(4000)}, Options{})
	d := mainSiteDraft(t, e.refresh(), 3)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, sub, StatusCreated)
	for _, r := range sub.Results {
		phones := 0
		for _, c := range r.Checks {
			if c.Name == CheckDeskPhone {
				phones++
				if !c.OK {
					t.Errorf("%s: desk phone check failed: %s", r.Email, c.Detail)
				}
			}
		}
		if phones != 1 {
			t.Errorf("%s: %d desk phone checks, want 1", r.Email, phones)
		}
	}
	var afterPost []sandbox.RequestLog
	posted := false
	for _, r := range e.sb.Requests() {
		if r.Method == "POST" && r.Path == "/v2/phone/users/batch" {
			posted = true
			continue
		}
		if posted && r.Path == "/v2/phone/devices" {
			afterPost = append(afterPost, r)
		}
	}
	if len(afterPost) != 1 {
		t.Fatalf("verification read the desk phones in %d requests, want 1: %v", len(afterPost), afterPost)
	}
	q, _ := url.ParseQuery(afterPost[0].Query)
	if q.Get("site_id") == "" || q.Get("keyword") != "" {
		t.Errorf("verification's desk-phone read is %q, want the site's assigned list", afterPost[0].Query)
	}
}

// The site is only a way to read less: phones expected at a site Zoom
// does not list them under are still found, account-wide.
func TestAPhoneListedAtAnotherSiteIsStillFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Size: sandbox.LargeSize(4000)}, Options{})
	ctx := context.Background()
	sites, err := e.c.ListSites(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := e.c.ListDevicesIfFew(ctx, zoom.DeviceQuery{Type: "assigned"}, 1)
	if err != nil || len(first) == 0 {
		t.Fatalf("assigned phones: %v %d", err, len(first))
	}
	for _, d := range first {
		if d.Site == nil {
			t.Fatalf("phone %s is listed under no site", d.MACAddress)
		}
	}
	// Two phones at two sites, both said to be at a third.
	a := first[0]
	var b *zoom.Device
	for k := range first {
		if first[k].Site.ID != a.Site.ID {
			b = &first[k]
			break
		}
	}
	var third string
	for _, s := range sites {
		if b != nil && s.ID != a.Site.ID && s.ID != b.Site.ID {
			third = s.ID
		}
	}
	if b == nil || third == "" {
		t.Fatalf("could not pick phones at two sites and a third site from %d phones, %d sites", len(first), len(sites))
	}
	macs := []string{bareMAC(a.MACAddress), bareMAC(b.MACAddress)}
	siteOf := map[string]string{macs[0]: third, macs[1]: third}
	got, err := e.svc.assignedDevices(ctx, macs, siteOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range macs {
		if _, ok := got[m]; !ok {
			t.Errorf("%s (listed at another site) not found", m)
		}
	}
}
