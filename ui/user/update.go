package user

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/macinput"
	"zpadd/ui/numberpicker"
	"zpadd/ui/pickers"
)

var (
	errNoDraft  = errors.New("no draft is open")
	errReadOnly = common.ErrReadOnly
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m.err != nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case common.CatalogUpdated:
		m.revalidate()
		if m.overlay == pickerOverlay {
			// Built before the catalog arrived: rebuild, keeping the filter.
			q := m.picker.Filter()
			m.open(m.specs[m.focus])
			m.picker.SetFilter(q)
		}
		return m, nil
	case lookupDueMsg:
		return m, m.startLookup(msg.seq)
	case common.LookedUp:
		return m, m.lookupArrived(msg)
	case macinput.Accepted:
		return m, m.macAccepted(msg.MAC)
	case macinput.Rejected:
		m.mac.SetValue(msg.Input)
		return m, tea.Batch(common.Error(fmt.Errorf("MAC %q: %w", msg.Input, msg.Err)), common.Ring())
	case pickers.Chosen:
		m.overlay = noOverlay
		m.autoFilled = ""
		cmd := m.chosen(msg.Values)
		return m, tea.Batch(cmd, common.Note(msg.Note()), m.advance())
	case pickers.Cancelled:
		m.overlay = noOverlay
		return m, nil
	}
	if m.overlay != noOverlay {
		var cmd tea.Cmd
		switch msg.(type) {
		case tea.KeyPressMsg, tea.PasteMsg:
			if m.overlay == numbersOverlay {
				m.numbers, cmd = m.numbers.Update(msg)
			} else {
				m.picker, cmd = m.picker.Update(msg)
			}
			if ans, rest := pickers.Answer(cmd); ans != nil {
				return m.Update(ans)
			} else {
				cmd = rest
			}
		}
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return m, m.typed(msg)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// typed feeds a key or paste to the focused text field and writes the
// value into the draft.
func (m *Model) typed(msg tea.Msg) tea.Cmd {
	s := m.specs[m.focus]
	switch s.Kind {
	case textKind:
		if m.ctx.ReadOnly {
			return common.Error(errReadOnly)
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return tea.Batch(cmd, m.typedDone())
	case macKind:
		var cmd tea.Cmd
		m.mac, cmd = m.mac.Update(msg)
		return cmd
	}
	return nil
}

// typedDone copies the text field into the user when it changed.
func (m *Model) typedDone() tea.Cmd {
	s := m.specs[m.focus]
	u := m.user()
	v := m.input.Value()
	if text(u, s.ID) == v {
		return nil
	}
	setText(u, s.ID, v)
	cmd := m.changed()
	if s.ID == "email" {
		m.lookup, m.lookupErr = nil, nil
		return tea.Batch(cmd, m.lookupSoon())
	}
	return cmd
}

// enter prepares the newly focused field.
func (m *Model) enter() {
	m.input.Blur()
	m.mac.Blur()
	if m.focus >= len(m.specs) {
		m.focus = 0
	}
	s := m.specs[m.focus]
	switch s.Kind {
	case textKind:
		m.input.SetValue(text(m.user(), s.ID))
		m.setPlaceholder()
		m.input.CursorEnd()
		m.input.Focus()
	case macKind:
		m.mac.Reset()
		m.mac.Focus()
	}
}

// setPlaceholder shows the focused text field's suggestion, ellipsised to
// the field so a cut number never looks whole.
func (m *Model) setPlaceholder() {
	m.input.Placeholder = ""
	if m.focus >= len(m.specs) || m.specs[m.focus].Kind != textKind {
		return
	}
	if next := m.suggestion(m.specs[m.focus].ID); next != "" {
		p := next + "  (→ to use)"
		if w := m.input.Width(); w > 0 && ansi.StringWidth(p) > w {
			p = ansi.Truncate(p, w, "…")
		}
		m.input.Placeholder = p
	}
}

// leave commits the field losing focus: trims and normalises the email; a
// MAC typed but not yet entered is checked as if enter was pressed.
func (m *Model) leave() tea.Cmd {
	if m.ctx.ReadOnly || m.focus >= len(m.specs) {
		return nil
	}
	s := m.specs[m.focus]
	u := m.user()
	switch s.Kind {
	case textKind:
		v := strings.TrimSpace(text(u, s.ID))
		if s.ID == "email" {
			if norm, err := state.NormalizeEmail(v); err == nil {
				v = norm
			}
		}
		if v != text(u, s.ID) {
			setText(u, s.ID, v)
			return m.changed()
		}
	case macKind:
		raw := m.mac.Value()
		if strings.TrimSpace(raw) == "" {
			return nil
		}
		m.mac.Reset()
		mac, err := state.NormalizeMAC(raw)
		if err != nil {
			// Kept as typed so nothing is lost; validation names the problem.
			u.DeskPhones[s.Phone].MAC = strings.TrimSpace(raw)
			return tea.Batch(m.changed(), common.Error(fmt.Errorf("MAC %q: %w", raw, err)))
		}
		return m.macAccepted(mac)
	}
	return nil
}

// advance moves the focus to the next field after a picker chose, so the
// keyboard flow goes on (site → template → plans ...).
func (m *Model) advance() tea.Cmd {
	cmd := m.leave()
	if m.focus < len(m.specs)-1 {
		m.focus++
	}
	if m.specs[m.focus].ID == m.autoFilled && m.focus < len(m.specs)-1 {
		m.focus++ // filled by the choice itself (a site's only template)
	}
	m.enter()
	return cmd
}

// done leaves the form; a new user left entirely blank is dropped.
func (m *Model) done() tea.Cmd {
	u := m.user()
	if !m.ctx.ReadOnly && u.Email == "" && u.FirstName == "" && u.LastName == "" &&
		u.ExtensionNumber == "" && len(u.PhoneNumbers) == 0 && len(u.DeskPhones) == 0 && u.OutboundCallerID == "" {
		d := m.ctx.Draft
		d.Users = append(d.Users[:m.index], d.Users[m.index+1:]...)
		return tea.Batch(common.Changed(), common.GoBack())
	}
	return common.GoBack()
}

func (m *Model) changed() tea.Cmd {
	m.revalidate()
	return common.Changed()
}

// open shows the picker for a picker-kind field.
func (m *Model) open(s spec) tea.Cmd {
	u := m.user()
	c := m.ctx.Catalog
	site := cmp.Or(u.SiteName, u.SiteCode)
	var items []pickers.Item
	var cur []string
	multi := false
	switch s.ID {
	case "site_name":
		items, cur = pickers.Sites(c), []string{site}
	case "template_name":
		if site == "" {
			return common.Error(errors.New("choose the site first: templates belong to a site"))
		}
		items, cur = pickers.Templates(c, site), []string{u.TemplateName}
	case "calling_plans":
		items, cur, multi = pickers.Plans(c, m.plansInUse(), site), pickers.WithoutAmbiguousPlans(c, u.CallingPlans), true
	case "phone_numbers":
		return m.openNumbers()
	case "emergency_address":
		items, cur = pickers.EmergencyAddresses(c, site), []string{u.EmergencyAddress}
	default:
		p := u.DeskPhones[s.Phone]
		switch {
		case strings.HasSuffix(s.ID, ".brand"):
			items, cur = pickers.Brands(), []string{p.Brand}
		case strings.HasSuffix(s.ID, ".model"):
			models, err := pickers.ModelsFor(p.Brand)
			if err != nil {
				return common.Error(err)
			}
			items, cur = models, []string{p.Model}
		case strings.HasSuffix(s.ID, ".provision_template"):
			items, cur = pickers.ProvisionTemplates(c), []string{p.ProvisionTemplate}
		}
	}
	m.picker = pickers.New(m.ctx.Styles, s.Label, items, multi, 0, cur...)
	m.picker.ID = s.ID
	m.picker.SetSize(m.width-2, m.height-3)
	m.overlay = pickerOverlay
	return nil
}

// plansInUse counts the plans the other users of the batch take, so the
// picker shows what is left for this one.
func (m *Model) plansInUse() map[string]int {
	in := map[string]int{}
	for i, u := range m.ctx.Draft.Users {
		if i == m.index {
			continue
		}
		for _, p := range u.CallingPlans {
			in[p]++
		}
	}
	return in
}

// openNumbers offers the site's unassigned numbers not already taken by
// another user of the batch.
func (m *Model) openNumbers() tea.Cmd {
	u := m.user()
	c := m.ctx.Catalog
	taken := map[string]bool{}
	for i, o := range m.ctx.Draft.Users {
		if i != m.index {
			for _, n := range o.PhoneNumbers {
				taken[n] = true
			}
		}
	}
	var pool, pending []string
	if c != nil {
		siteID := ""
		if s, ok := pickers.SiteByName(c, cmp.Or(u.SiteName, u.SiteCode)); ok {
			siteID = s.ID
		}
		for _, n := range c.Numbers {
			if n.Assigned || taken[n.Number] || (siteID != "" && n.SiteID != "" && n.SiteID != siteID) {
				continue
			}
			if n.Pending {
				pending = append(pending, n.Number)
				continue
			}
			pool = append(pool, n.Number)
		}
	}
	// Numbers being ported go last, marked, so the cursor never starts on one.
	m.numbers = numberpicker.New(append(pool, pending...), u.PhoneNumbers, state.MaxUsers).WithNotes(pendingNotes(pending))
	m.numbers.SetSize(m.width-2, m.height-3)
	m.numbers.Focus()
	m.overlay = numbersOverlay
	return nil
}

// chosen stores a picker's result (nil clears the field).
func (m *Model) chosen(vals []string) tea.Cmd {
	s := m.specs[m.focus]
	u := m.user()
	v := ""
	if len(vals) > 0 {
		v = vals[0]
	}
	switch s.ID {
	case "site_name":
		if !strings.EqualFold(u.SiteName, v) {
			u.SiteName, u.SiteCode = v, ""
			if site, ok := pickers.SiteByName(m.ctx.Catalog, v); ok {
				u.SiteCode = site.Code
			}
			templates := pickers.Templates(m.ctx.Catalog, v)
			if !pickers.Has(templates, u.TemplateName) {
				u.TemplateName = ""
			}
			if only, ok := pickers.Only(templates); ok && u.TemplateName == "" {
				u.TemplateName = only // one option: chosen without asking
				m.autoFilled = "template_name"
			}
		}
	case "template_name":
		u.TemplateName = v
	case "calling_plans":
		u.CallingPlans = vals
	case "phone_numbers":
		u.PhoneNumbers = vals
		if len(vals) > 0 && strings.TrimSpace(u.OutboundCallerID) == "" {
			// A user calls out from its first number unless told otherwise,
			// as with the "next free number" default.
			u.OutboundCallerID = vals[0]
			m.autoFilled = "outbound_caller_id"
		}
	case "emergency_address":
		u.EmergencyAddress = v
	default:
		if s.Kind != pickKind || s.Phone >= len(u.DeskPhones) {
			return nil
		}
		p := &u.DeskPhones[s.Phone]
		switch {
		case strings.HasSuffix(s.ID, ".brand"):
			state.SetBrand(&p.Brand, &p.Model, v)
		case strings.HasSuffix(s.ID, ".model"):
			p.Model = v
		case strings.HasSuffix(s.ID, ".provision_template"):
			p.ProvisionTemplate = v
		}
	}
	return m.changed()
}

// macAccepted stores a valid MAC in the focused desk phone after checking
// it is not already in this batch or registered on the account; the brand
// is pre-selected from the MAC's vendor prefix when none is set.
func (m *Model) macAccepted(mac string) tea.Cmd {
	s := m.specs[m.focus]
	if s.Kind != macKind {
		return nil
	}
	if err := state.MACTaken(m.ctx.Draft, m.ctx.Catalog, mac, m.index, s.Phone); err != nil {
		m.mac.Refuse(state.FormatMAC(mac, ":"), "refused: see below")
		return tea.Batch(common.Error(err), common.Ring())
	}
	p := &m.user().DeskPhones[s.Phone]
	p.MAC = mac
	if p.Brand == "" {
		if b, ok := state.Devices().BrandForMAC(mac); ok {
			p.Brand = b
		}
	}
	return tea.Batch(m.changed(), common.Status("✓ "+state.FormatMAC(mac, ":")))
}

func (m *Model) addPhone() tea.Cmd {
	u := m.user()
	if len(u.DeskPhones) >= state.MaxDeskPhones {
		return common.Error(fmt.Errorf("a user has at most %d desk phones", state.MaxDeskPhones))
	}
	u.DeskPhones = append(u.DeskPhones, m.ctx.Draft.NewDeskPhone(""))
	m.specs = specsFor(*u)
	m.focus = indexOf(m.specs, fmt.Sprintf("desk_phones[%d].mac", len(u.DeskPhones)-1))
	m.enter()
	return m.changed()
}

func (m *Model) removePhone(i int) tea.Cmd {
	u := m.user()
	if i >= len(u.DeskPhones) {
		return nil
	}
	u.DeskPhones = append(u.DeskPhones[:i], u.DeskPhones[i+1:]...)
	m.specs = specsFor(*u)
	if m.focus >= len(m.specs) {
		m.focus = len(m.specs) - 1
	}
	m.enter()
	return tea.Batch(m.changed(), common.Status(fmt.Sprintf("desk phone %d removed", i+1)))
}

// Email lookup: debounced while typing, run as a command, and applied only
// if the email has not changed since.

type lookupDueMsg struct{ seq int }

// lookupDelay lets typing settle before Zoom is asked.
const lookupDelay = 400 * time.Millisecond

func (m *Model) lookupSoon() tea.Cmd {
	if m.ctx.Service == nil {
		return nil
	}
	u := m.user()
	if u.Email == "" || u.Email == m.lookupFor {
		return nil
	}
	m.lookupSeq++
	seq := m.lookupSeq
	return tea.Tick(lookupDelay, func(time.Time) tea.Msg { return lookupDueMsg{seq: seq} })
}

func (m *Model) startLookup(seq int) tea.Cmd {
	if seq != m.lookupSeq {
		return nil
	}
	email, err := state.NormalizeEmail(m.user().Email)
	if err != nil || email == m.lookupFor {
		return nil
	}
	if l, ok := m.ctx.Lookup(email); ok {
		// The batch table (or an earlier visit) already asked Zoom.
		found := common.LookedUp{Email: email, Result: l}
		if _, changed := m.ctx.ApplyLookup(found); changed {
			return tea.Batch(m.lookupArrived(found), m.changed())
		}
		return m.lookupArrived(found)
	}
	m.looking, m.lookingFor = true, email
	return m.ctx.LookupEmail(email)
}

// lookupArrived shows a lookup (this form's or one the batch table
// started) when it is this user's email. The shell has already filled the
// names (common.Context.ApplyLookup) and saved.
func (m *Model) lookupArrived(msg common.LookedUp) tea.Cmd {
	m.revalidate()
	i := m.ctx.Draft.IndexOfEmail(msg.Email)
	if strings.EqualFold(msg.Email, m.lookingFor) {
		m.looking = false
	}
	cur, _ := state.NormalizeEmail(m.user().Email)
	if i != m.index || !strings.EqualFold(cur, msg.Email) {
		return nil // another user's, or typing moved on
	}
	m.lookupFor, m.lookupErr = msg.Email, msg.Err
	if msg.Err != nil {
		m.lookup = nil
		return nil
	}
	res := msg.Result
	m.lookup = &res
	if s := m.specs[m.focus]; s.Kind == textKind && (s.ID == "first_name" || s.ID == "last_name") {
		m.input.SetValue(text(m.user(), s.ID))
	}
	return nil
}

// jumps are the fields alt+1 … alt+9 go to; alt+0 goes to the first desk
// phone (or the "add a desk phone" row). Alt keys are never text, so they
// work while a text field has focus.
var jumps = [...]string{"email", "first_name", "last_name", "extension_number", "site_name",
	"template_name", "calling_plans", "phone_numbers", "outbound_caller_id"}

// jumpTo is the row an alt+digit goes to, or -1.
func (m *Model) jumpTo(k tea.KeyPressMsg) int {
	if k.Mod != tea.ModAlt || k.Code < '0' || k.Code > '9' {
		return -1
	}
	if k.Code == '0' {
		for i, s := range m.specs {
			if s.Kind == macKind || s.Kind == addPhoneKind {
				return i
			}
		}
		return -1
	}
	return indexOf(m.specs, jumps[k.Code-'1'])
}
