package submit

import (
	"context"
	"fmt"
	"time"

	"zpadd/state"
	"zpadd/zoom"
)

// DeviceMissing is DeviceStatus.Status while a new desk phone is not yet
// listed on the account.
const DeviceMissing = "missing"

// Watch follows the desk phones of the users sub created, for the
// technician plugging them in at the cart: it lists the account's assigned
// desk phones once per WatchInterval (one paged read per poll, inside the
// rate limiter) and reports each phone's status when it changes (the first
// poll reports every phone). It returns nil once all are online, ctx.Err()
// when ctx ends first, and an error when a poll fails for a reason other
// than a passing one (the client already retried those).
func (s *Service) Watch(ctx context.Context, sub *state.Submission, d *state.Draft, ev func(Event)) error {
	em := newEmitter(ev)
	watched := watchedPhones(sub, d)
	if len(watched) == 0 {
		return nil
	}
	ctx, done := s.track(ctx, WorkWatch, sub.DraftName)
	defer done()
	last := map[string]string{}
	t := time.NewTicker(s.o.WatchInterval)
	defer t.Stop()
	for {
		devs, err := s.c.ListDevices(ctx, zoom.DeviceQuery{Type: "assigned"})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("watch desk phones: %w", err)
		}
		status := make(map[string]string, len(devs))
		for _, dv := range devs {
			status[bareMAC(dv.MACAddress)] = dv.Status
		}
		online := 0
		for _, w := range watched {
			st, ok := status[w.MAC]
			if !ok {
				st = DeviceMissing
			} else if st == "" {
				st = "offline"
			}
			if st == "online" {
				online++
			}
			if last[w.MAC] != st {
				last[w.MAC] = st
				ds := w
				ds.Status, ds.Since = st, s.o.Now()
				em.emit(Event{Kind: DeviceChanged, User: ds.User, Email: ds.Email, Status: st, Device: &ds,
					Message: fmt.Sprintf("%s %s", state.FormatMAC(ds.MAC, ":"), st)})
			}
		}
		if online == len(watched) {
			em.emit(Event{Kind: Done, User: -1, Status: "online", Message: fmt.Sprintf("all %d desk phone(s) online", online)})
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// watchedPhones are the desk phones of the created users.
func watchedPhones(sub *state.Submission, d *state.Draft) []DeviceStatus {
	if sub == nil || d == nil {
		return nil
	}
	created := createdEmails(sub)
	var out []DeviceStatus
	for i, u := range d.Users {
		if !created[state.EmailKey(u.Email)] {
			continue
		}
		for _, p := range u.DeskPhones {
			out = append(out, DeviceStatus{User: i, Email: u.Email, MAC: bareMAC(p.MAC), Brand: p.Brand, Model: p.Model})
		}
	}
	return out
}
