package results

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/submit"
)

// The technician's provisioning loop at the cart: for each new desk phone,
// Zoom's provisioning type and URL (what the portal's device page shows),
// a reboot of one phone and a resync of its site, each asked once; a phone
// offline for long gets a hint of what to check (zoom-api.md §11.6).

// devicePanel is the provisioning part of the results screen.
type devicePanel struct {
	open    bool
	loading bool
	list    []submit.Provisioning
	err     error
	cursor  int
	// confirm is the action waiting for y ("reboot" or "resync").
	confirm string
	busy    bool
	note    string
	ticking bool
}

var (
	provisionKey = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "provisioning"))
	rebootKey    = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "reboot phone"))
	resyncKey    = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "resync site"))
	panelUpKey   = key.NewBinding(key.WithKeys("up", "k"))
	panelDownKey = key.NewBinding(key.WithKeys("down", "j"))
	yesKey       = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes"))
)

type provisioningLoaded struct {
	list []submit.Provisioning
	err  error
}

type deviceActionDone struct {
	what string // "reboot" or "resync"
	err  error
}

// countdownTick redraws the resync countdown once a second.
type countdownTick struct{}

// deviceKeys are the panel's keys for the help line.
func (m *Model) deviceKeys() []key.Binding {
	if m.sub == nil || m.phonesToWatch() == 0 {
		return nil
	}
	if !m.dev.open {
		return []key.Binding{provisionKey}
	}
	return []key.Binding{rebootKey, resyncKey, provisionKey}
}

// deviceKey handles the panel's keys; handled is false for keys it leaves
// to the screen.
func (m *Model) deviceKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	p := &m.dev
	if p.confirm != "" {
		what := p.confirm
		p.confirm = ""
		if key.Matches(k, yesKey) {
			return m.runDeviceAction(what), true
		}
		p.note = what + " not sent"
		return nil, true
	}
	switch {
	case key.Matches(k, provisionKey) && m.sub != nil && m.phonesToWatch() > 0:
		if p.open {
			p.open = false
			return nil, true
		}
		p.open = true
		return m.loadProvisioning(), true
	case !p.open:
		return nil, false
	case key.Matches(k, m.keys.Home):
		p.open = false
		return nil, true
	case key.Matches(k, panelUpKey):
		p.cursor = max(p.cursor-1, 0)
		return nil, true
	case key.Matches(k, panelDownKey):
		p.cursor = min(p.cursor+1, max(len(p.list)-1, 0))
		return nil, true
	case key.Matches(k, rebootKey):
		ph, ok := p.selected()
		switch {
		case !ok || ph.Device == "":
			p.note = "this phone is not on the account yet: nothing to reboot"
		case m.liveStatus(ph) != "online":
			// Zoom reboots only an online phone (it refuses with 400 and
			// the HEAVY request is spent): say so without asking it.
			p.note = "Zoom reboots only an online phone, and this one is " + m.liveStatus(ph) + ": " + submit.OfflineHint(ph)
		case p.busy:
			p.note = "waiting for Zoom's answer to the last command"
		default:
			p.confirm, p.note = "reboot", ""
		}
		return nil, true
	case key.Matches(k, resyncKey):
		if next := m.ctx.Service.NextResync(); !next.IsZero() {
			p.note = "resync refused: Zoom takes one every 15 minutes (countdown above)"
			return m.tickCountdown(), true
		}
		if _, ok := p.selected(); !ok {
			p.note = "no phone to resync the site of"
			return nil, true
		}
		p.confirm, p.note = "resync", ""
		return nil, true
	}
	return nil, false
}

func (p *devicePanel) selected() (submit.Provisioning, bool) {
	if p.cursor < 0 || p.cursor >= len(p.list) {
		return submit.Provisioning{}, false
	}
	return p.list[p.cursor], true
}

// loadProvisioning reads every new phone's details (one list, one GET per
// phone) in the background.
func (m *Model) loadProvisioning() tea.Cmd {
	if m.ctx.Service == nil {
		return nil
	}
	m.dev.loading, m.dev.err = true, nil
	svc, sub, d := m.ctx.Service, m.sub, m.draft
	return tea.Batch(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		list, err := svc.Provisioning(ctx, sub, d)
		return provisioningLoaded{list: list, err: err}
	}, m.tick())
}

// runDeviceAction sends the confirmed reboot or resync, once.
func (m *Model) runDeviceAction(what string) tea.Cmd {
	ph, ok := m.dev.selected()
	if !ok || m.ctx.Service == nil {
		return nil
	}
	m.dev.busy, m.dev.note = true, what+": asking Zoom…"
	svc := m.ctx.Service
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var err error
		if what == "reboot" {
			err = svc.Reboot(ctx, ph.Device)
		} else {
			err = svc.Resync(ctx, ph.SiteID)
		}
		return deviceActionDone{what: what, err: err}
	}
}

// deviceUpdate folds the panel's messages in; handled is false for others.
func (m *Model) deviceUpdate(msg tea.Msg) (tea.Cmd, bool) {
	p := &m.dev
	switch msg := msg.(type) {
	case provisioningLoaded:
		p.loading, p.list, p.err = false, msg.list, msg.err
		p.cursor = min(p.cursor, max(len(p.list)-1, 0))
		return nil, true
	case deviceActionDone:
		p.busy = false
		switch {
		case msg.err != nil:
			p.note = msg.err.Error()
		case msg.what == "reboot":
			p.note = "reboot sent: the phone restarts and provisions again"
		default:
			p.note = "resync sent: the site's online phones fetch their settings again"
		}
		if msg.what == "resync" && (msg.err == nil || errors.Is(msg.err, submit.ErrResyncTooSoon)) {
			return m.tickCountdown(), true
		}
		return nil, true
	case countdownTick:
		p.ticking = false
		if p.open && m.ctx.Service != nil && !m.ctx.Service.NextResync().IsZero() {
			return m.tickCountdown(), true
		}
		return nil, true
	}
	return nil, false
}

func (m *Model) tickCountdown() tea.Cmd {
	if m.dev.ticking {
		return nil
	}
	m.dev.ticking = true
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return countdownTick{} })
}

// countdown says how long until next ("next resync in 12:04").
func countdown(next, now time.Time) string {
	d := max(next.Sub(now).Round(time.Second), 0)
	return fmt.Sprintf("next in %d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

// deviceLines draw the panel: one line per phone, the hint under the
// selected one when it has been offline for long, the keys and the
// resync countdown.
func (m *Model) deviceLines() []string {
	p := &m.dev
	if !p.open {
		return nil
	}
	st := m.ctx.Styles
	out := []string{"", " " + st.Title.Render("Desk phones") + st.Muted.Render(" · provisioning as Zoom's device page shows it")}
	switch {
	case p.loading:
		out = append(out, "   "+st.Muted.Render(m.spin()+" reading each phone from Zoom…"))
	case p.err != nil:
		out = append(out, "   "+st.Err.Render("✗ "+p.err.Error()))
	}
	now := m.ctx.Time()
	for i, ph := range p.list {
		mark := "   "
		if i == p.cursor {
			mark = " " + st.Cursor.Render("▸ ")
		}
		name := ph.Email
		if ph.User >= 0 && ph.User < len(m.draft.Users) {
			name = m.draft.Users[ph.User].DisplayName()
		}
		status := m.liveStatus(ph)
		line := mark + common.Pad(name, 18) + " " + state.FormatMAC(ph.MAC, ":") + "  " + common.Pad(ph.Model, 8) + " " + common.Pad(phoneStatus(st, status), 10) +
			" " + st.Muted.Render("provisioning ") + dashText(ph.Type)
		out = append(out, line)
		if i == p.cursor && ph.URL != "" {
			// On a line of its own, whole: it may have to be typed into
			// the phone.
			out = append(out, "     "+st.Muted.Render("URL ")+ph.URL)
		}
		switch {
		case ph.Error != "":
			out = append(out, "     "+st.Err.Render(ph.Error))
		case i == p.cursor && status != "online" && m.offlineForLong(now):
			out = append(out, "     "+st.Warn.Render("! "+submit.OfflineHint(ph)))
		}
	}
	keys := "b reboots the selected phone · s resyncs its site"
	if next := m.ctx.Service.NextResync(); !next.IsZero() {
		keys += " (" + countdown(next, now) + ")"
	}
	out = append(out, "   "+st.Muted.Render(keys+" · each asks first"))
	switch {
	case p.confirm == "reboot":
		ph, _ := p.selected()
		out = append(out, " "+st.Warn.Render(fmt.Sprintf("Reboot %s (%s)? y sends it · other keys keep it", state.FormatMAC(ph.MAC, ":"), ph.Model)))
	case p.confirm == "resync":
		out = append(out, " "+st.Warn.Render("Resync this site's online phones (one per 15 min)? y sends it · other keys keep it"))
	case p.note != "":
		out = append(out, " "+st.Status.Render(p.note))
	}
	return out
}

// liveStatus prefers the watch's newer news of a phone to the panel's read.
func (m *Model) liveStatus(ph submit.Provisioning) string {
	if r := m.prog.row(ph.User); r != nil {
		if s, ok := r.devices[ph.MAC]; ok {
			return s
		}
	}
	return ph.Status
}

// offlineForLong: the batch's new phones have been offline since Zoom
// created them.
func (m *Model) offlineForLong(now time.Time) bool {
	return m.sub != nil && !m.sub.Finished.IsZero() && now.Sub(m.sub.Finished) >= submit.OfflineHintAfter
}

// phoneStatus is a phone's status with its mark and colour.
func phoneStatus(st *styles.Styles, s string) string {
	switch s {
	case "online":
		return st.OK.Render("● online")
	case submit.DeviceMissing:
		return st.Err.Render("✗ missing")
	}
	return st.Warn.Render("○ " + s)
}

func dashText(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
