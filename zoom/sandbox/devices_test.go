package sandbox

import (
	"testing"
	"time"
)

func deviceStatus(t *testing.T, e *env, mac string) string {
	t.Helper()
	var l rawList
	e.getJSON("/v2/phone/devices?type=assigned&keyword="+mac, &l)
	d := l.items(t, "devices")
	if len(d) != 1 {
		t.Fatalf("device %s: %v", mac, d)
	}
	return d[0]["status"].(string)
}

func addWithPhone(t *testing.T, e *env, mac string) {
	t.Helper()
	u := goodUser(free(0), "1200")
	u["desk_phones"] = []map[string]string{{"brand": "Polycom", "model": "vvx450", "mac": mac}}
	if status, b := e.call("POST", "/v2/phone/users/batch", batch(u)); status != 201 {
		t.Fatalf("add: %d %s", status, b)
	}
}

// A desk phone added by a batch reports offline, then online once plugged
// in (DeviceOnlineAfter later).
func TestDeviceComesOnline(t *testing.T) {
	clock := newClock()
	e := newEnv(t, Options{Now: clock.Now, DeviceOnlineAfter: 5 * time.Second})
	addWithPhone(t, e, "64167f000001")
	if s := deviceStatus(t, e, "64167f000001"); s != "offline" {
		t.Fatalf("new phone %s, want offline", s)
	}
	clock.Advance(4 * time.Second)
	if s := deviceStatus(t, e, "64167f000001"); s != "offline" {
		t.Fatalf("after 4s %s, want offline", s)
	}
	clock.Advance(time.Second)
	if s := deviceStatus(t, e, "64167f000001"); s != "online" {
		t.Fatalf("after 5s %s, want online", s)
	}
}

func TestDeviceDefaultAndNever(t *testing.T) {
	clock := newClock()
	e := newEnv(t, Options{Now: clock.Now})
	addWithPhone(t, e, "64167f000002")
	clock.Advance(19 * time.Second)
	if s := deviceStatus(t, e, "64167f000002"); s != "offline" {
		t.Fatalf("default after 19s: %s", s)
	}
	clock.Advance(time.Second)
	if s := deviceStatus(t, e, "64167f000002"); s != "online" {
		t.Fatalf("default after 20s: %s", s)
	}
	never := newEnv(t, Options{Now: clock.Now, DeviceOnlineAfter: -1})
	addWithPhone(t, never, "64167f000003")
	clock.Advance(24 * time.Hour)
	never.token = never.fetchToken()
	if s := deviceStatus(t, never, "64167f000003"); s != "offline" {
		t.Fatalf("never: %s", s)
	}
}
