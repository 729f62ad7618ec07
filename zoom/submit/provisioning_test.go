package submit

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// After a submit, each new desk phone is listed with its status and Zoom's
// provisioning type and URL, from one list and one GET per phone.
func TestProvisioningListsTypeAndURLOfEachNewPhone(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{DeviceOnlineAfter: -1}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 2)
	d.Users[1].DeskPhones[0].Brand, d.Users[1].DeskPhones[0].Model = "Cisco", "cp8841"
	d.Users[1].DeskPhones[0].ProvisionTemplate = ""
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := e.sb.CountRequests(http.MethodGet, "/phone/devices")
	ps, err := e.svc.Provisioning(context.Background(), sub, d)
	if err != nil || len(ps) != 2 {
		t.Fatalf("Provisioning = %+v, %v; want 2 phones", ps, err)
	}
	if ps[0].Type != "ztp" || ps[1].Type != "assisted" || !strings.HasPrefix(ps[0].URL, "https://") || ps[0].Device == "" {
		t.Errorf("provisioning %+v, want ztp and assisted with URLs and device ids", ps)
	}
	if ps[0].Status != "offline" || !strings.Contains(OfflineHint(ps[0]), "MAC on the phone's label") {
		t.Errorf("status %q hint %q", ps[0].Status, OfflineHint(ps[0]))
	}
	if n := e.sb.CountRequests(http.MethodGet, "/phone/devices") - before; n != 3 {
		t.Errorf("device reads = %d, want 3 (one list, one GET per phone)", n)
	}
}

// Reboot sends exactly one request; resync sends one, and a second inside
// 15 minutes is refused without a request, by this run and by the next
// (the time is remembered in the home), until the window has passed.
func TestRebootAndResyncSendOneRequestEachAndResyncIsSpaced(t *testing.T) {
	t.Parallel()
	clk := newClock()
	e := newEnv(t, sandbox.Options{Now: clk.Now, DeviceOnlineAfter: time.Second}, Options{Now: clk.Now})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 1)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(2 * time.Second) // plugged in: online
	ps, err := e.svc.Provisioning(context.Background(), sub, d)
	if err != nil || len(ps) != 1 || ps[0].Status != "online" {
		t.Fatalf("Provisioning = %+v, %v", ps, err)
	}
	if err := e.svc.Reboot(context.Background(), ps[0].Device); err != nil {
		t.Fatalf("Reboot: %v", err)
	}
	if n := e.sb.CountRequests(http.MethodPost, "/phone/devices/"+ps[0].Device+"/reboot"); n != 1 {
		t.Errorf("reboot requests = %d, want 1", n)
	}
	siteID := ps[0].SiteID
	syncs := func() int { return e.sb.CountRequests(http.MethodPost, "/phone/devices/sync") }
	if err := e.svc.Resync(context.Background(), siteID); err != nil {
		t.Fatalf("Resync: %v", err)
	}
	if syncs() != 1 {
		t.Fatalf("sync requests = %d, want 1", syncs())
	}
	clk.Advance(14 * time.Minute)
	err = e.svc.Resync(context.Background(), siteID)
	var soon *ResyncTooSoonError
	if !errors.As(err, &soon) || !errors.Is(err, ErrResyncTooSoon) || !soon.Next.Equal(clk.Now().Add(time.Minute)) {
		t.Errorf("second resync: %v, want refused until a minute from now", err)
	}
	// The next run of zpadd on the same home remembers it.
	next := New(e.newClient(), e.home, e.j, Options{Now: clk.Now})
	if err := next.Resync(context.Background(), siteID); !errors.Is(err, ErrResyncTooSoon) {
		t.Errorf("resync from a new run: %v, want refused", err)
	}
	if syncs() != 1 {
		t.Errorf("sync requests = %d, want still 1", syncs())
	}
	clk.Advance(time.Minute)
	if !next.NextResync().IsZero() {
		t.Errorf("NextResync = %v after 15 minutes, want now", next.NextResync())
	}
	if err := next.Resync(context.Background(), siteID); err != nil || syncs() != 2 {
		t.Errorf("resync after 15 minutes: %v, %d requests; want sent", err, syncs())
	}
}

// Zoom's refusals of a reboot reach the caller with Zoom's words.
func TestRebootOfAnOfflinePhoneSaysWhy(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{DeviceOnlineAfter: -1}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 1)
	sub, err := e.svc.Submit(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := e.svc.Provisioning(context.Background(), sub, d)
	if err := e.svc.Reboot(context.Background(), ps[0].Device); err == nil || !strings.Contains(err.Error(), "offline") {
		t.Errorf("reboot of an offline phone: %v, want Zoom's 'offline' refusal", err)
	}
}

// The journal's history gives the devices command the users a draft's
// submissions created.
func TestSubmittedDraftComesFromTheJournal(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh()
	d := mainSiteDraft(t, cat, 2)
	if sub, err := e.svc.SubmittedDraft(d); sub != nil || err != nil {
		t.Fatalf("before submit: %+v, %v", sub, err)
	}
	if _, err := e.svc.Submit(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	sub, err := e.svc.SubmittedDraft(d)
	if err != nil || sub == nil || len(sub.Results) != 2 || sub.Results[0].Status != state.ResultCreated || sub.Results[1].ID == "" {
		t.Fatalf("SubmittedDraft = %+v, %v", sub, err)
	}
}
