package results

import (
	"strings"
	"testing"
	"time"

	"zpadd/ui/common"
	"zpadd/zoom/sandbox"
)

// The provisioning loop at the cart: p shows each new phone's type and
// URL; b and s ask once and send one request each on y (nothing on any
// other key); a second resync inside 15 minutes is refused with a
// countdown and no request.
func TestProvisioningPanelRebootsAndResyncsOnceEachAfterAsking(t *testing.T) {
	w := newWorld(t, sandbox.Options{DeviceOnlineAfter: time.Millisecond})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })

	l.send(keyPress('p'))
	l.until("the phones' provisioning", func() bool { return !m.dev.loading && len(m.dev.list) == 3 })
	v := l.view()
	for _, want := range []string{"Desk phones", "80:5e:c0:b2:01:01", "ztp", "https://provision.sandbox.zpadd.invalid/yealink/t46s", "b reboots the selected phone"} {
		if !strings.Contains(v, want) {
			t.Fatalf("panel lacks %q:\n%s", want, v)
		}
	}
	reboots := func() int { return w.sb.CountRequests("POST", "/v2/phone/devices/"+m.dev.list[0].Device+"/reboot") }
	syncs := func() int { return w.sb.CountRequests("POST", "/v2/phone/devices/sync") }

	l.send(keyPress('b'))
	if v := l.view(); !strings.Contains(v, "Reboot 80:5e:c0:b2:01:01 (t46s)? y sends it") {
		t.Fatalf("no confirmation asked:\n%s", v)
	}
	l.send(keyPress('n'))
	if reboots() != 0 || !strings.Contains(l.view(), "reboot not sent") {
		t.Fatalf("a reboot went out without a yes (%d)", reboots())
	}
	l.send(keyPress('b'))
	l.send(keyPress('y'))
	l.until("the reboot's answer", func() bool { return !m.dev.busy })
	if reboots() != 1 || !strings.Contains(l.view(), "reboot sent") {
		t.Fatalf("reboots = %d, want 1:\n%s", reboots(), l.view())
	}

	l.send(keyPress('s'))
	l.send(keyPress('y'))
	l.until("the resync's answer", func() bool { return !m.dev.busy })
	if syncs() != 1 || !strings.Contains(l.view(), "resync sent") {
		t.Fatalf("syncs = %d, want 1:\n%s", syncs(), l.view())
	}
	l.send(keyPress('s'))
	v = l.view()
	if syncs() != 1 || !strings.Contains(v, "resync refused") || !strings.Contains(v, "(next in 1") {
		t.Fatalf("second resync: %d requests, screen:\n%s", syncs(), v)
	}
}

// An offline phone is not sent to Zoom for a reboot (Zoom refuses it and
// the HEAVY request is spent): the screen says why and what to check.
func TestRebootOfAnOfflinePhoneIsExplainedNotSent(t *testing.T) {
	w := newWorld(t, sandbox.Options{DeviceOnlineAfter: -1})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	l.send(keyPress('p'))
	l.until("the phones' provisioning", func() bool { return !m.dev.loading && len(m.dev.list) == 3 })
	if v := l.view(); !strings.Contains(v, "URL https://provision.sandbox.zpadd.invalid/yealink/t46s") {
		t.Fatalf("the selected phone's URL is not shown whole:\n%s", v)
	}
	l.send(keyPress('b'))
	v := l.view()
	if !strings.Contains(v, "Zoom reboots only an online phone") || !strings.Contains(v, "MAC on the phone's label") || strings.Contains(v, "y sends it") {
		t.Fatalf("screen:\n%s", v)
	}
	if n := w.sb.CountRequests("POST", "/v2/phone/devices/"); n != 0 {
		t.Errorf("%d device commands sent", n)
	}
}
