package submit

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"zpadd/state"
	"zpadd/zoom"
)

// Provisioning is what a technician at the cart needs about one new desk
// phone when it does not come online by itself: the portal's device page
// (GET /phone/devices/{deviceId}, zoom-api.md §11.6).
type Provisioning struct {
	User   int    `json:"-"`
	Email  string `json:"email"`
	MAC    string `json:"mac"` // 12 lowercase hex digits
	Brand  string `json:"brand,omitempty"`
	Model  string `json:"model,omitempty"`
	Device string `json:"device_id,omitempty"` // Zoom's id, empty when not on the account
	SiteID string `json:"site_id,omitempty"`
	// Status is "online", "offline" or "missing" (not on the account).
	Status string `json:"status"`
	// Type is Zoom's provision.type: "ztp" (zero touch: the phone finds
	// Zoom by itself), "assisted" or "manual" (type URL into the phone).
	Type string `json:"provisioning_type,omitempty"`
	URL  string `json:"provisioning_url,omitempty"`
	// Error says why the details could not be read.
	Error string `json:"error,omitempty"`
}

// OfflineHintAfter is how long a phone may stay offline before the screen
// suggests what to check.
const OfflineHintAfter = 5 * time.Minute

// OfflineHint is what to check when a phone stays offline: the URL (for a
// phone provisioned by hand), the MAC on its label, its network.
func OfflineHint(p Provisioning) string {
	switch {
	case p.Status == DeviceMissing:
		return "not on the account: check the MAC on the phone's label against the one scanned"
	case p.Type == "manual" && p.URL != "":
		return "check the provisioning URL typed into the phone (" + p.URL + "), the MAC on its label, and its network (cable, DHCP, VLAN)"
	}
	return "check the MAC on the phone's label, its network (cable, DHCP, VLAN) and that it can reach the provisioning URL"
}

// Provisioning lists the desk phones of the users sub created with their
// live status, provisioning type and URL: the batch's phones only (by MAC,
// or the assigned list when that takes fewer requests), then one GET per
// phone found, concurrently within the client's limits.
func (s *Service) Provisioning(ctx context.Context, sub *state.Submission, d *state.Draft) ([]Provisioning, error) {
	watched := watchedPhones(sub, d)
	if len(watched) == 0 {
		return nil, nil
	}
	macs := make([]string, len(watched))
	for k, w := range watched {
		macs[k] = w.MAC
	}
	byMAC, err := s.assignedDevices(ctx, macs, s.expectedSites(d, watched))
	if err != nil {
		return nil, fmt.Errorf("list desk phones: %w", err)
	}
	out := make([]Provisioning, len(watched))
	var wg sync.WaitGroup
	for k, w := range watched {
		p := Provisioning{User: w.User, Email: w.Email, MAC: w.MAC, Brand: w.Brand, Model: w.Model, Status: DeviceMissing}
		dv, ok := byMAC[w.MAC]
		if !ok {
			out[k] = p
			continue
		}
		p.Device, p.Status = dv.ID, orOffline(dv.Status)
		if dv.Site != nil {
			p.SiteID = dv.Site.ID
		}
		wg.Go(func() {
			detail, err := s.c.GetDevice(ctx, dv.ID)
			switch {
			case err != nil:
				p.Error = "could not read its provisioning: " + err.Error()
			case detail.Provision != nil:
				p.Type, p.URL = detail.Provision.Type, detail.Provision.URL
				p.Status = orOffline(cmp.Or(detail.Status, p.Status))
			}
			out[k] = p
		})
	}
	wg.Wait()
	return out, nil
}

func orOffline(s string) string {
	if s == "" {
		return "offline"
	}
	return s
}

// Reboot asks Zoom to reboot one desk phone (POST
// /phone/devices/{deviceId}/reboot, HEAVY). Zoom refuses an offline phone
// and one provisioned by hand.
func (s *Service) Reboot(ctx context.Context, deviceID string) error {
	if err := s.c.RebootDevice(ctx, deviceID); err != nil {
		return fmt.Errorf("reboot: %w", err)
	}
	return nil
}

// ErrResyncTooSoon refuses a resync inside Zoom's 15-minute spacing.
var ErrResyncTooSoon = errors.New("a resync was sent less than 15 minutes ago")

// ResyncTooSoonError says when the next resync may be sent.
type ResyncTooSoonError struct{ Next time.Time }

func (e *ResyncTooSoonError) Error() string {
	return fmt.Sprintf("%v: Zoom takes one every 15 minutes; the next at %s", ErrResyncTooSoon, e.Next.Local().Format("15:04:05"))
}

func (e *ResyncTooSoonError) Unwrap() error { return ErrResyncTooSoon }

// NextResync is when a resync may be sent again (zero: now). The last one
// sent from this home is remembered across runs.
func (s *Service) NextResync() time.Time {
	last := state.LastResync(s.home)
	if last.IsZero() {
		return time.Time{}
	}
	next := last.Add(state.ResyncSpacing)
	if !next.After(s.o.Now()) {
		return time.Time{}
	}
	return next
}

// Resync asks Zoom to resync the online zero-touch and assisted desk
// phones of a site (POST /phone/devices/sync, HEAVY, one per 15 minutes).
// A second resync inside 15 minutes is refused here, without a request.
// The time is recorded before sending, so a crash cannot lead to a second
// one inside the window; a request that never left gives the window back.
func (s *Service) Resync(ctx context.Context, siteID string) error {
	if next := s.NextResync(); !next.IsZero() {
		return &ResyncTooSoonError{Next: next}
	}
	prev := state.LastResync(s.home)
	now := s.o.Now()
	if err := state.RecordResync(s.home, now, siteID); err != nil {
		return fmt.Errorf("resync: could not record it before sending, so nothing was sent: %w", err)
	}
	err := s.c.SyncDevices(ctx, siteID)
	if err != nil && zoom.IsNotSent(err) {
		if prev.IsZero() {
			_ = state.ForgetResync(s.home)
		} else {
			_ = state.RecordResync(s.home, prev, "")
		}
	}
	if err != nil {
		return fmt.Errorf("resync: %w", err)
	}
	return nil
}

// SubmittedDraft is what the journal says the submissions of d created, as
// one Submission over d's users (those never created are "skipped"), for
// commands run after the submit (zpadd devices). nil when none was.
func (s *Service) SubmittedDraft(d *state.Draft) (*state.Submission, error) {
	if s.j == nil {
		return nil, errors.New("no journal: nothing is known of earlier submissions")
	}
	earlier, err := s.createdEarlier(d)
	if err != nil || len(earlier) == 0 {
		return nil, err
	}
	sub := &state.Submission{DraftID: d.ID, DraftName: d.Name, Outcome: OutcomeDone}
	for i, u := range d.Users {
		r, ok := earlier[i]
		if !ok {
			r = state.UserResult{Email: u.Email, Status: StatusSkipped}
		}
		sub.Results = append(sub.Results, r)
	}
	return sub, nil
}
