package submit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"zpadd/state"
	"zpadd/zoom"
)

// Check names (state.Check.Name).
const (
	CheckPhoneUser = "phone user"
	CheckExtension = "extension"
	CheckNumbers   = "numbers"
	CheckDeskPhone = "desk phone"
)

// verifyCreated checks every created user concurrently against what Zoom
// now says: the phone user exists, its extension, its numbers, and its desk
// phones by MAC. Phone users already read back after the POST are not read
// again, and the batch's desk phones are read once for all, by MAC (or as
// the whole assigned list when that is fewer requests).
// It reports false when ctx ended before verification could run.
func (s *Service) verifyCreated(ctx context.Context, d *state.Draft, results []state.UserResult, readBack map[int]*zoom.PhoneUser, em *emitter) bool {
	if ctx.Err() != nil {
		return false
	}
	var (
		idx    []int
		macs   []string
		siteOf = map[string]string{} // where Zoom put each user: their phones are listed there
	)
	for i, r := range results {
		if r.Status == StatusCreated {
			idx = append(idx, i)
			for _, p := range d.Users[i].DeskPhones {
				macs = append(macs, bareMAC(p.MAC))
				if pu := readBack[i]; pu != nil {
					siteOf[bareMAC(p.MAC)] = pu.SiteRefID()
				}
			}
		}
	}
	anyMAC := len(macs) > 0
	if len(idx) == 0 {
		return true
	}
	var (
		wg       sync.WaitGroup
		devOnce  sync.Once
		devices  map[string]zoom.Device
		devErr   error
		loadDevs = func() {
			devOnce.Do(func() {
				devices, devErr = s.assignedDevices(ctx, macs, siteOf)
			})
		}
	)
	if anyMAC {
		// Started now so the device list and the user reads overlap.
		wg.Go(loadDevs)
	}
	var mu sync.Mutex
	sites := s.newVerifySites(ctx)
	for _, i := range idx {
		wg.Go(func() {
			u := d.Users[i]
			pu := readBack[i]
			var err error
			if pu == nil {
				pu, err = s.c.GetPhoneUser(ctx, u.Email)
			}
			var site state.Site
			if err == nil {
				site = sites.of(u, pu)
			}
			checks := userChecks(u, pu, err, site)
			if len(u.DeskPhones) > 0 {
				loadDevs()
				checks = append(checks, deskPhoneChecks(u, pu, devices, devErr)...)
			}
			mu.Lock()
			results[i].Checks = checks
			mu.Unlock()
			for k := range checks {
				em.emit(Event{Kind: UserVerified, User: i, Email: u.Email, Status: okText(checks[k].OK), Field: checks[k].Name, Message: checks[k].Detail, Check: &checks[k]})
			}
		})
	}
	wg.Wait()
	return true
}

func okText(ok bool) string {
	if ok {
		return "ok"
	}
	return "mismatch"
}

// userChecks compares the phone user Zoom has with what was sent.
func userChecks(u state.User, pu *zoom.PhoneUser, err error, site state.Site) []state.Check {
	if err != nil {
		detail := "could not read the phone user back: " + err.Error()
		if zoom.IsNotFound(err) {
			detail = "Zoom said it created this user, but has no phone user for it yet"
		}
		return []state.Check{{Name: CheckPhoneUser, OK: false, Detail: detail}}
	}
	checks := []state.Check{{Name: CheckPhoneUser, OK: true, Detail: "phone user " + pu.ID}}
	if u.ExtensionNumber != "" {
		read := strconv.FormatInt(pu.ExtensionNumber, 10)
		c := state.Check{Name: CheckExtension, OK: site.SameExtension(u.ExtensionNumber, read)}
		switch short := site.ShortExtension(read); {
		case c.OK:
			c.Detail = "extension " + u.ExtensionNumber
		case short != read:
			c.Detail = fmt.Sprintf("Zoom has extension %s (%s with site code %s), not %s", short, read, site.Code, u.ExtensionNumber)
		default:
			c.Detail = fmt.Sprintf("Zoom has extension %s, not %s", read, u.ExtensionNumber)
		}
		checks = append(checks, c)
	}
	if len(u.PhoneNumbers) > 0 {
		has := map[string]bool{}
		for _, n := range pu.PhoneNumbers {
			has[e164(n.Number)] = true
		}
		var missing []string
		for _, n := range u.PhoneNumbers {
			if !has[e164(n)] {
				missing = append(missing, n)
			}
		}
		c := state.Check{Name: CheckNumbers, OK: len(missing) == 0, Detail: strings.Join(u.PhoneNumbers, ", ")}
		if !c.OK {
			c.Detail = "not on the user: " + strings.Join(missing, ", ")
		}
		checks = append(checks, c)
	}
	return checks
}

// deskPhoneChecks finds each of the user's MACs among the assigned phones.
func deskPhoneChecks(u state.User, pu *zoom.PhoneUser, devices map[string]zoom.Device, err error) []state.Check {
	out := make([]state.Check, 0, len(u.DeskPhones))
	for _, p := range u.DeskPhones {
		mac := bareMAC(p.MAC)
		label := state.FormatMAC(mac, ":")
		c := state.Check{Name: CheckDeskPhone}
		dv, ok := devices[mac]
		switch {
		case err != nil:
			c.Detail = label + ": could not list desk phones: " + err.Error()
		case !ok:
			c.Detail = label + ": not registered on the account"
		case pu != nil && dv.Assignee != nil && dv.Assignee.ExtensionNumber != 0 && pu.ExtensionNumber != 0 && dv.Assignee.ExtensionNumber != pu.ExtensionNumber:
			c.Detail = fmt.Sprintf("%s: assigned to extension %d, not this user's %d", label, dv.Assignee.ExtensionNumber, pu.ExtensionNumber)
		default:
			c.OK = true
			c.Detail = label + " registered (" + orDash(dv.Status) + ")"
			if dv.DeviceType != "" {
				// Zoom's spelling, "Poly edge-e220" (zoom-api.md §11.5).
				c.Detail = label + " registered as " + dv.DeviceType + " (" + orDash(dv.Status) + ")"
			}
		}
		out = append(out, c)
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
