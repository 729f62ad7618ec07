package submit

import (
	"context"
	"fmt"
	"time"

	"zpadd/state"
)

// DeviceMissing is DeviceStatus.Status while a new desk phone is not yet
// listed on the account.
const DeviceMissing = "missing"

// Watch follows the desk phones of the users sub created, for the
// technician plugging them in at the cart. It reads only the batch's phones
// that are not yet online (by MAC, or the assigned list when that is fewer
// requests), reports each phone's status when it changes (the first poll
// reports every phone), and polls less often while nothing changes:
// WatchInterval at first and after each change, growing by half up to
// WatchMaxInterval. Zoom asks clients to poll sparingly (zoom-api.md §8.2).
// It returns nil once all are online or after WatchFor (a Done event says
// which), ctx.Err() when ctx ends first, and an error when a poll fails
// for a reason other than a passing one (the client already retried those).
func (s *Service) Watch(ctx context.Context, sub *state.Submission, d *state.Draft, ev func(Event)) error {
	em := newEmitter(ev)
	watched := watchedPhones(sub, d)
	if len(watched) == 0 {
		return nil
	}
	ctx, done := s.track(ctx, WorkWatch, sub.DraftName)
	defer done()
	last := map[string]string{}
	siteOf := s.expectedSites(d, watched) // then where Zoom lists each phone
	interval := s.o.WatchInterval
	giveUp := time.NewTimer(s.o.WatchFor)
	defer giveUp.Stop()
	for {
		var pending []string
		for _, w := range watched {
			if last[w.MAC] != "online" {
				pending = append(pending, w.MAC)
			}
		}
		devs, err := s.assignedDevices(ctx, pending, siteOf)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("watch desk phones: %w", err)
		}
		online, changed := 0, false
		for _, w := range watched {
			st := last[w.MAC]
			if st != "online" {
				dv, ok := devs[w.MAC]
				if ok && dv.Site != nil && dv.Site.ID != "" {
					siteOf[w.MAC] = dv.Site.ID
				}
				switch {
				case !ok:
					st = DeviceMissing
				case dv.Status == "":
					st = "offline"
				default:
					st = dv.Status
				}
			}
			if st == "online" {
				online++
			}
			if last[w.MAC] != st {
				last[w.MAC], changed = st, true
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
		interval = nextWatchInterval(interval, changed, s.o.WatchInterval, s.o.WatchMaxInterval)
		wait := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			wait.Stop()
			return ctx.Err()
		case <-giveUp.C:
			wait.Stop()
			em.emit(Event{Kind: Done, User: -1, Status: "stopped",
				Message: fmt.Sprintf("stopped watching after %s: %d of %d desk phone(s) online", s.o.WatchFor, online, len(watched))})
			return nil
		case <-wait.C:
		}
	}
}

// nextWatchInterval is the wait before the next poll: back to base after a
// change, else half as long again, at most ceiling.
func nextWatchInterval(cur time.Duration, changed bool, base, ceiling time.Duration) time.Duration {
	if changed {
		return base
	}
	return min(cur+cur/2, max(ceiling, base))
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
