// Package user is the user form: every field of the batch endpoint for one
// user of the open draft, with a live lookup of the email, the next free
// extension, catalog pickers, the phone-number picker and 0–3 desk phones
// (MACs typed or scanned). Every change is written into the draft at once
// and saved by the shell.
package user

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/macinput"
	"zpadd/ui/numberpicker"
	"zpadd/ui/pickers"
	"zpadd/zoom/submit"
)

// overlay is what covers the form while choosing.
type overlay int

const (
	noOverlay overlay = iota
	pickerOverlay
	numbersOverlay
)

// Model is the user form.
type Model struct {
	ctx   *common.Context
	index int // user index in ctx.Draft.Users
	specs []spec
	focus int

	input textinput.Model // the focused text field
	mac   macinput.Model  // the focused MAC field

	overlay overlay
	picker  pickers.Model
	// autoFilled is the field the last choice filled by itself (a site's
	// only template): the focus moves past it.
	autoFilled string
	numbers    numberpicker.Model

	lookupSeq  int
	lookup     *submit.UserLookup // last lookup of the current email
	lookupFor  string
	lookupErr  error
	looking    bool
	lookingFor string

	problems state.Problems
	width    int
	height   int
	err      error // the form could not open (e.g. draft full)
}

// New builds the form for nav.User (common.NewUser adds a user with the
// draft's defaults) and focuses nav.Field (common.Factory).
func New(ctx *common.Context, nav common.Navigate) common.Screen {
	m := &Model{ctx: ctx, index: nav.User}
	m.input = textinput.New()
	m.input.Prompt = ""
	m.mac = macinput.New()
	m.mac.Placeholder = "type or scan the MAC, enter"
	d := ctx.Draft
	if d == nil {
		m.err = errNoDraft
		return m
	}
	if m.index == common.NewUser || m.index >= len(d.Users) {
		if ctx.ReadOnly {
			m.err = errReadOnly
			return m
		}
		i, err := d.AddUser("")
		if err != nil {
			m.err = err
			return m
		}
		m.index = i
		// Like pasted users, a new one starts with the next free extension.
		state.FillFromSite(d, ctx.Catalog, i)
	}
	m.specs = specsFor(d.Users[m.index])
	if nav.Field != "" {
		m.focus = indexOf(m.specs, nav.Field)
	}
	if l, ok := ctx.Lookup(d.Users[m.index].Email); ok {
		m.lookup, m.lookupFor = &l, state.EmailKey(d.Users[m.index].Email)
	}
	m.revalidate()
	m.enter()
	return m
}

func (m *Model) user() *state.User { return &m.ctx.Draft.Users[m.index] }

// Init implements common.Screen: a new user's draft change is saved, the
// focused field blinks.
func (m *Model) Init() tea.Cmd {
	if m.err != nil {
		return tea.Batch(common.Error(m.err), common.GoBack())
	}
	return tea.Batch(common.Changed(), m.lookupSoon())
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(min(max(w-labelWidth-24, 14), 44))
	m.setPlaceholder()
	m.mac.SetWidth(max(w-24, 12))
	m.picker.SetSize(w-2, h-3)
	if m.overlay == numbersOverlay {
		m.numbers.SetSize(w-2, h-3)
	}
}

// Title implements common.Titled.
func (m *Model) Title() string {
	if m.err != nil || m.ctx.Draft == nil {
		return "user"
	}
	u := m.user()
	name := u.DisplayName()
	if name == "" {
		return "new user"
	}
	return name
}

// CapturingText implements common.TextCapturer: text fields, MAC fields
// and open pickers take printable keys.
func (m *Model) CapturingText() bool {
	if m.overlay != noOverlay {
		return true
	}
	if m.focus < len(m.specs) {
		k := m.specs[m.focus].Kind
		return k == textKind || k == macKind
	}
	return false
}

// revalidate recomputes this user's problems after a change.
func (m *Model) revalidate() {
	all := append(state.Validate(m.ctx.Draft, m.ctx.Catalog), m.ctx.NameProblems(m.ctx.Draft)...)
	m.problems = all.ForUser(m.index)
}

// QuestionIsHelp implements common.QuestionIsHelp: no field of the form
// (email, names, extension, caller ID, MAC, picker filters) takes a "?".
func (m *Model) QuestionIsHelp() bool { return true }
