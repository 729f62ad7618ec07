// Package defaults is the batch-defaults screen: site, that site's user
// template, calling plans, desk-phone brand/model/provision template and
// SMS and emergency address, applied to each new user of the draft.
package defaults

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/keys"
	"zpadd/ui/pickers"
)

// field is one row of the screen.
type field int

const (
	siteField field = iota
	templateField
	plansField
	numberField
	brandField
	modelField
	provisionField
	smsField
	emergencyField
	doneField
	fieldCount
)

var labels = [fieldCount]string{"Site", "User template", "Calling plans", "Phone number", "Desk-phone brand", "Desk-phone model", "Provision template", "SMS", "Emergency address", ""}

// Model is the defaults screen.
type Model struct {
	ctx     *common.Context
	focus   field
	picking bool
	picker  pickers.Model
	// autoFilled is a field the last choice filled by itself (a site's only
	// template): the focus moves past it.
	autoFilled field
	width      int
	height     int
}

// New builds the defaults screen for ctx.Draft (common.Factory).
func New(ctx *common.Context, _ common.Navigate) common.Screen {
	return &Model{ctx: ctx}
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.picker.SetSize(w, h)
}

// Title implements common.Titled.
func (m *Model) Title() string { return "defaults" }

// CapturingText: the picker's filter takes printable keys.
func (m *Model) CapturingText() bool { return m.picking }

var (
	chooseKey = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "choose"))
	clearKey  = key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("⌫", "clear"))
	doneKey   = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done"))
)

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	if m.picking {
		return m.picker.KeyMap()
	}
	return m.actions().Map(keys.Help, keys.Quit)
}

// typeKey is help only: typing on a picker field opens its picker with
// that text (matched in Update before the actions, since it is any key).
var typeKey = key.NewBinding(key.WithKeys("a"), key.WithHelp("type", "filter"))

// actions is every key of the screen in one list: Update matches it and
// the help line and "?" are built from it.
func (m *Model) actions() keys.Actions {
	writable := func() string {
		if m.ctx.ReadOnly {
			return common.ReadOnlyWhy
		}
		return ""
	}
	onValue := func() string {
		if why := writable(); why != "" {
			return why
		}
		if m.focus == doneField {
			return "not on a field"
		}
		return ""
	}
	choose := chooseKey
	switch m.focus {
	case smsField, numberField:
		choose.SetHelp("enter", "change")
	case doneField:
		choose.SetHelp("enter", "continue")
	}
	return keys.Actions{
		{Binding: keys.Next, Run: func() tea.Cmd { m.focus = (m.focus + 1) % fieldCount; return nil }},
		{Binding: keys.Prev, Run: func() tea.Cmd { m.focus = (m.focus + fieldCount - 1) % fieldCount; return nil }},
		{Binding: choose, Disabled: func() string {
			if m.focus == doneField {
				return ""
			}
			return writable()
		}, Run: m.choose},
		{Binding: typeKey, Hidden: !isPickerField(m.focus), Disabled: onValue, Run: func() tea.Cmd { return nil }},
		{Binding: clearKey, Disabled: onValue, Run: func() tea.Cmd { return m.set(m.focus, nil) }},
		{Binding: doneKey, Run: m.leave},
	}
}

// choose is enter on the focused row: open its picker, change a toggle, or
// continue to the batch.
func (m *Model) choose() tea.Cmd {
	switch m.focus {
	case doneField:
		return m.leave()
	case smsField:
		return m.cycleSMS()
	case numberField:
		return m.cycleNumber()
	}
	return m.open()
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	d := m.ctx.Draft
	if d == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case common.CatalogUpdated:
		if m.picking {
			// The list was built before the catalog arrived: rebuild it,
			// keeping what was typed.
			q := m.picker.Filter()
			m.open()
			m.picker.SetFilter(q)
		}
		return m, nil
	case pickers.Cancelled:
		m.picking = false
		return m, nil
	case pickers.Chosen:
		m.picking = false
		m.autoFilled = -1
		cmd := m.set(m.focus, msg.Values)
		// Keyboard flow: site → template → plans ... without a tab.
		if m.focus < doneField {
			m.focus++
		}
		if m.focus == m.autoFilled && m.focus < doneField {
			m.focus++
		}
		return m, tea.Batch(cmd, common.Note(msg.Note()))
	}
	if m.picking {
		var cmd tea.Cmd
		switch msg.(type) {
		case tea.KeyPressMsg, tea.PasteMsg:
			m.picker, cmd = m.picker.Update(msg)
			if ans, rest := pickers.Answer(cmd); ans != nil {
				return m.Update(ans)
			} else {
				cmd = rest
			}
		}
		return m, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if isPickerField(m.focus) && k.Text != "" && k.Text != " " && k.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
		// Typing on a picker field opens its picker with that text, so
		// "lon" + enter chooses London: letters are filters here, not keys.
		if m.ctx.ReadOnly {
			return m, common.Error(errReadOnly)
		}
		cmd := m.open()
		if m.picking {
			m.picker.SetFilter(k.Text)
		}
		return m, cmd
	}
	cmd, why, _ := m.actions().Match(k)
	if why != "" {
		return m, common.Error(fmt.Errorf("%s: %s", k.String(), why))
	}
	return m, cmd
}

var errReadOnly = common.ErrReadOnly

// isPickerField reports whether a field is chosen from a picker (the
// others toggle or leave).
func isPickerField(f field) bool {
	return f != numberField && f != smsField && f != doneField
}

// open shows the picker for the focused field.
func (m *Model) open() tea.Cmd {
	df := m.ctx.Draft.Defaults
	c := m.ctx.Catalog
	var items []pickers.Item
	multi := false
	var cur []string
	switch m.focus {
	case siteField:
		items, cur = pickers.Sites(c), []string{df.SiteName}
	case templateField:
		if df.SiteName == "" && df.SiteCode == "" {
			return common.Error(errors.New("choose the site first: templates belong to a site"))
		}
		items, cur = pickers.Templates(c, cmp.Or(df.SiteName, df.SiteCode)), []string{df.TemplateName}
	case plansField:
		items, cur, multi = pickers.Plans(c, nil, cmp.Or(df.SiteName, df.SiteCode)), pickers.WithoutAmbiguousPlans(c, df.CallingPlans), true
	case brandField:
		items, cur = pickers.Brands(), []string{df.DeskPhoneBrand}
	case modelField:
		models, err := pickers.ModelsFor(df.DeskPhoneBrand)
		if err != nil {
			return common.Error(err)
		}
		items, cur = models, []string{df.DeskPhoneModel}
	case provisionField:
		items, cur = pickers.ProvisionTemplates(c), []string{df.ProvisionTemplate}
	case emergencyField:
		items, cur = pickers.EmergencyAddresses(c, cmp.Or(df.SiteName, df.SiteCode)), []string{df.EmergencyAddress}
	}
	m.picker = pickers.New(m.ctx.Styles, labels[m.focus], items, multi, 0, cur...)
	m.picker.ID = labels[m.focus]
	m.picker.SetSize(m.width, m.height)
	m.picking = true
	return nil
}

// set stores a chosen value (nil clears) and keeps dependent fields
// consistent: a new site drops a template of another site; a new brand
// drops a model of another brand.
func (m *Model) set(f field, vals []string) tea.Cmd {
	df := &m.ctx.Draft.Defaults
	v := ""
	if len(vals) > 0 {
		v = vals[0]
	}
	switch f {
	case siteField:
		if !strings.EqualFold(df.SiteName, v) {
			df.SiteName, df.SiteCode = v, ""
			if site, ok := pickers.SiteByName(m.ctx.Catalog, v); ok {
				df.SiteCode = site.Code
			}
			templates := pickers.Templates(m.ctx.Catalog, v)
			if !pickers.Has(templates, df.TemplateName) {
				df.TemplateName = ""
			}
			if only, ok := pickers.Only(templates); ok && df.TemplateName == "" {
				df.TemplateName = only
				m.autoFilled = templateField
			}
		}
	case templateField:
		df.TemplateName = v
	case plansField:
		df.CallingPlans = vals
	case brandField:
		state.SetBrand(&df.DeskPhoneBrand, &df.DeskPhoneModel, v)
	case modelField:
		df.DeskPhoneModel = v
	case provisionField:
		df.ProvisionTemplate = v
	case smsField:
		df.SMS = nil
	case numberField:
		df.PhoneNumber = ""
	case emergencyField:
		df.EmergencyAddress = v
	default:
		return nil
	}
	return common.Changed()
}

// leave gives the defaults to the users whose fields are still empty (and
// their next free extensions), then goes back to the batch: defaults chosen
// after `zpadd add` or a paste must reach those users too.
func (m *Model) leave() tea.Cmd {
	d := m.ctx.Draft
	if d == nil || m.ctx.ReadOnly {
		return common.GoBack()
	}
	filled := d.FillFromDefaults()
	extensions := false
	for i := range d.Users {
		extensions = state.FillFromSite(d, m.ctx.Catalog, i) || extensions
	}
	switch {
	case filled > 0:
		return tea.Sequence(common.Changed(), common.GoBack(),
			common.Status(fmt.Sprintf("defaults given to %d user(s) whose fields were empty", filled)))
	case extensions:
		return tea.Sequence(common.Changed(), common.GoBack())
	}
	return common.GoBack()
}

// cycleNumber switches the phone-number default between none and the
// site's next free number.
func (m *Model) cycleNumber() tea.Cmd {
	df := &m.ctx.Draft.Defaults
	if df.PhoneNumber == "" {
		df.PhoneNumber = state.NextFreeNumber
	} else {
		df.PhoneNumber = ""
	}
	return common.Changed()
}

// cycleSMS goes not set → on → off → not set ("not set" leaves it to the
// template).
func (m *Model) cycleSMS() tea.Cmd {
	df := &m.ctx.Draft.Defaults
	df.SMS = common.CycleOptional(df.SMS)
	return common.Changed()
}

// View implements common.Screen.
func (m *Model) View() string {
	if m.picking {
		// The picker covers the list: at 60×16 there is no room for both.
		return m.picker.View()
	}
	st := m.ctx.Styles
	df := m.ctx.Draft.Defaults
	var b strings.Builder
	if m.height >= int(fieldCount)+4 {
		// The intro goes first when the window is short (60×16).
		b.WriteString(st.Muted.Render("Applied to each new user of this batch.") + "\n\n")
	}
	values := [fieldCount]string{
		cmp.Or(df.SiteName, df.SiteCode),
		df.TemplateName,
		strings.Join(df.CallingPlans, ", "),
		numberText(df.PhoneNumber),
		df.DeskPhoneBrand,
		df.DeskPhoneModel,
		df.ProvisionTemplate,
		smsText(df.SMS),
		pickers.EmergencyAddressText(m.ctx.Catalog, df.EmergencyAddress),
	}
	for f := field(0); f < fieldCount; f++ {
		mark := "  "
		if f == m.focus {
			mark = st.Cursor.Render("▸ ")
		}
		if f == doneField {
			b.WriteString("\n" + mark + st.Focused.Render("Continue to the batch") + "\n")
			continue
		}
		label := fmt.Sprintf("%-20s", labels[f])
		if f == m.focus {
			label = st.Focused.Render(label)
		} else {
			label = st.Label.Render(label)
		}
		v := common.Safe(values[f]) // names from Zoom's catalog
		if v == "" {
			v = st.Muted.Render("—")
		}
		b.WriteString(mark + label + v + m.note(f) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// note adds a hint to a row (plan availability, unknown model).
func (m *Model) note(f field) string {
	st := m.ctx.Styles
	df := m.ctx.Draft.Defaults
	switch f {
	case modelField:
		if df.DeskPhoneModel != "" {
			if known, confirmed := state.Devices().Known(df.DeskPhoneBrand, df.DeskPhoneModel); !known {
				return st.Warn.Render("  ! not in the device catalog")
			} else if !confirmed {
				return st.Muted.Render("  (not on Zoom's published list)")
			}
		}
	case siteField:
		if m.ctx.Catalog == nil {
			return st.Muted.Render("  (no catalog yet: type a name)")
		}
	}
	return ""
}

func numberText(v string) string {
	if v == state.NextFreeNumber {
		return "next free number at the site"
	}
	return "none (pick per user)"
}

func smsText(b *bool) string {
	switch {
	case b == nil:
		return "not set (template decides)"
	case *b:
		return "on"
	}
	return "off"
}

// QuestionIsHelp implements common.QuestionIsHelp: no picker filter takes
// a "?".
func (m *Model) QuestionIsHelp() bool { return true }
