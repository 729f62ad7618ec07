package results

import (
	"time"

	"zpadd/state"
	"zpadd/zoom/submit"
)

// phase of a step line ("pre-flight", "sent", "verifying").
type phase int

const (
	pending phase = iota
	running
	done
	failed
)

// step is one line of the progress block.
type step struct {
	phase   phase
	text    string
	elapsed time.Duration
	started time.Time
}

// userRow is what the table knows about one user of the draft.
type userRow struct {
	status         string // "" until Zoom answered; then submit.Status*
	id             string
	field, message string // Zoom's refusal, at the field it names
	checks         map[string]state.Check
	devices        map[string]string // MAC → online|offline|missing (watch)
}

// progress is the whole screen's knowledge of a submit, built from events
// so it updates live, and settled from the Submission when it returns.
type progress struct {
	preflight, sent, verify step
	notes                   []string // split, rate limit, reconcile
	requests                int
	lastStatus              string
	rows                    []userRow
	finished                bool
	watchDone               bool
}

func newProgress(users int) *progress {
	p := &progress{rows: make([]userRow, users)}
	for i := range p.rows {
		p.rows[i].checks = map[string]state.Check{}
		p.rows[i].devices = map[string]string{}
	}
	return p
}

func (p *progress) row(i int) *userRow {
	if i < 0 || i >= len(p.rows) {
		return nil
	}
	return &p.rows[i]
}

// apply folds one event into the progress; now is the screen's clock.
func (p *progress) apply(ev submit.Event, now time.Time) {
	switch ev.Kind {
	case submit.PreflightStarted:
		p.preflight = step{phase: running, text: ev.Message, started: now}
	case submit.PreflightDone:
		p.preflight.phase = done
		if ev.Status == "blocked" {
			p.preflight.phase = failed
		}
		p.preflight.text = ev.Message
		p.preflight.elapsed = now.Sub(p.preflight.started)
	case submit.Sending:
		p.requests++
		p.sent = step{phase: running, text: ev.Message, started: now, elapsed: p.sent.elapsed}
	case submit.Sent:
		p.lastStatus = ev.Status
		p.sent.phase = done
		p.sent.elapsed += ev.Elapsed
	case submit.Split, submit.RateLimited, submit.Reconciling:
		p.notes = append(p.notes, ev.Message)
	case submit.UserCreated:
		if r := p.row(ev.User); r != nil {
			r.status, r.id = submit.StatusCreated, ev.Message
		}
		p.startVerify(now)
	case submit.UserRefused:
		if r := p.row(ev.User); r != nil {
			r.status, r.field, r.message = submit.StatusFailed, ev.Field, ev.Message
		}
	case submit.UserUnknown:
		if r := p.row(ev.User); r != nil {
			r.status, r.message = submit.StatusUnknown, ev.Message
		}
	case submit.UserVerified:
		if r := p.row(ev.User); r != nil && ev.Check != nil {
			r.checks[ev.Check.Name] = *ev.Check
		}
	case submit.DeviceChanged:
		if r := p.row(ev.User); r != nil && ev.Device != nil {
			r.devices[ev.Device.MAC] = ev.Device.Status
		}
	}
}

func (p *progress) startVerify(now time.Time) {
	if p.verify.phase == pending {
		p.verify = step{phase: running, started: now}
	}
}

// settle takes the Submission as the final word (events may have been
// missed while the screen was not on top).
func (p *progress) settle(sub *state.Submission, d *state.Draft, now time.Time) {
	p.finished = true
	if p.verify.phase == running {
		p.verify.phase = done
		p.verify.elapsed = now.Sub(p.verify.started)
	}
	if sub == nil || d == nil {
		return
	}
	for _, res := range sub.Results {
		i := d.IndexOfEmail(res.Email)
		r := p.row(i)
		if r == nil {
			continue
		}
		r.status, r.id = res.Status, res.ID
		if res.Status != submit.StatusCreated {
			r.field, r.message = res.Field, res.Error
		}
		for _, c := range res.Checks {
			r.checks[c.Name] = c
		}
	}
}

// counts tallies the rows by status.
func (p *progress) counts() (created, refused, unknown, verified int) {
	for _, r := range p.rows {
		switch r.status {
		case submit.StatusCreated:
			created++
			if len(r.checks) > 0 {
				verified++
			}
		case submit.StatusFailed:
			refused++
		case submit.StatusUnknown:
			unknown++
		}
	}
	return
}

// phones counts the watched desk phones and those online.
func (p *progress) phones() (online, total int) {
	for _, r := range p.rows {
		for _, st := range r.devices {
			total++
			if st == "online" {
				online++
			}
		}
	}
	return
}
