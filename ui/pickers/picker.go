// Package pickers is the one filterable single- or multi-select list of
// every screen (sites, templates, calling plans, provision templates,
// desk-phone brands and models, the scan chooser), with builders that turn
// the catalog into items. It speaks in messages, like numberpicker and
// macinput: enter sends Chosen, esc sends Cancelled.
//
// The rules, the same everywhere:
//   - typing filters and never changes a selection: a space in the filter is
//     a space;
//   - tab (or ctrl+space) ticks the highlighted row of a multi picker; space
//     ticks too, but only while the filter is empty;
//   - enter takes the ticked rows, or the highlighted row when none is
//     ticked;
//   - free text (a value not in the list) is taken only while the list is
//     unknown (no catalog yet, offline), and then marked unverified.
package pickers

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/styles"
)

// Item is one choice. Value is what goes in the draft; Label is shown;
// Detail is shown dimmed after it (e.g. "12 available").
type Item struct {
	Value    string
	Label    string
	Detail   string
	Disabled bool // shown but not choosable (e.g. a plan with 0 available)
}

// Chosen is sent when enter chooses. ID is the picker's ID (the field it
// was opened for); Values are the chosen values (ticked order for multi
// pickers); Unverified marks free text taken while the list was unknown.
type Chosen struct {
	ID         string
	Values     []string
	Unverified bool
}

// Note is what to tell the operator about the choice: "" unless it was
// free text taken while the list was unknown.
func (c Chosen) Note() string {
	if !c.Unverified {
		return ""
	}
	return strings.Join(c.Values, ", ") + ": unverified (no list yet); review checks it once the catalog arrives"
}

// Cancelled is sent on esc; the caller keeps the old value.
type Cancelled struct{ ID string }

// Model is a picker. Use New.
type Model struct {
	// ID is echoed in Chosen and Cancelled, so a screen hosting several
	// fields knows which one was answered.
	ID string
	// AllowFree lets enter take the typed filter when nothing matches. New
	// sets it only when the list is empty (unknown); a fixed list known from
	// the catalog refuses free text.
	AllowFree bool

	Title    string
	items    []Item
	hay      []haystack
	shown    []int // indexes of items matching the filter, ranked
	filter   string
	cursor   int
	offset   int
	multi    bool
	max      int
	selected map[string]bool
	order    []string // selection order, kept for multi results
	note     string   // one line of feedback ("not in the list")
	width    int
	height   int
	st       *styles.Styles
	Keys     KeyMap
}

// New builds a picker. selected pre-selects values (the cursor starts on
// the first of them); max bounds a multi-select (0 = no bound).
func New(st *styles.Styles, title string, items []Item, multi bool, max int, selected ...string) Model {
	m := Model{Title: title, items: items, multi: multi, max: max, selected: map[string]bool{},
		st: st, width: 60, height: 10, Keys: DefaultKeyMap(), AllowFree: len(items) == 0}
	m.hay = make([]haystack, len(items))
	for i, it := range items {
		m.hay[i] = prepare(it)
	}
	for _, v := range selected {
		if v != "" && !m.selected[v] {
			m.selected[v] = true
			m.order = append(m.order, v)
		}
	}
	m.refilter()
	for i, idx := range m.shown {
		if len(selected) > 0 && strings.EqualFold(items[idx].Value, selected[0]) {
			m.cursor = i
		}
	}
	m.scroll()
	return m
}

// SetSize bounds the picker's rendering: View draws at most h lines, each
// at most w cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.scroll()
}

// SetFilter starts the picker with text already typed (typing on a picker
// field opens its picker with that text).
func (m *Model) SetFilter(q string) {
	m.filter = q
	m.refilter()
}

// Filter is the text typed so far.
func (m Model) Filter() string { return m.filter }

// Len is the number of items (before filtering).
func (m Model) Len() int { return len(m.items) }

// Matches is how many items the filter lets through.
func (m Model) Matches() int { return len(m.shown) }

// Values is what enter would choose now: the ticked values (multi), else
// the highlighted one, else the free text when allowed.
func (m Model) Values() []string {
	if v := m.ticked(); len(v) > 0 {
		return v
	}
	if it, ok := m.current(); ok {
		if it.Disabled {
			return nil
		}
		return []string{it.Value}
	}
	if free := m.free(); free != "" {
		return []string{free}
	}
	return nil
}

func (m Model) ticked() []string {
	if !m.multi {
		return nil
	}
	out := make([]string, 0, len(m.order))
	for _, v := range m.order {
		if m.selected[v] {
			out = append(out, v)
		}
	}
	return out
}

// free is the typed filter when free text may be taken now.
func (m Model) free() string {
	if !m.AllowFree || len(m.shown) > 0 {
		return ""
	}
	return strings.TrimSpace(m.filter)
}

func (m Model) current() (Item, bool) {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return Item{}, false
	}
	return m.items[m.shown[m.cursor]], true
}

// Update handles a key press or a paste.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.setFilter(m.filter + strings.Join(strings.Fields(msg.Content), " "))
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.Keys
	m.note = ""
	switch {
	case key.Matches(msg, k.Cancel):
		id := m.ID
		return m, func() tea.Msg { return Cancelled{ID: id} }
	case key.Matches(msg, k.Choose):
		return m.choose()
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
	case key.Matches(msg, k.PageUp):
		m.cursor = max(m.cursor-m.rows(), 0)
	case key.Matches(msg, k.PageDown):
		m.cursor = min(m.cursor+m.rows(), max(len(m.shown)-1, 0))
	case m.multi && key.Matches(msg, k.Toggle):
		m.toggle()
	case m.multi && m.filter == "" && msg.String() == "space":
		m.toggle()
	case key.Matches(msg, k.ClearFilter):
		m.setFilter("")
	case key.Matches(msg, k.DeleteChar):
		if m.filter != "" {
			_, size := utf8.DecodeLastRuneInString(m.filter)
			m.setFilter(m.filter[:len(m.filter)-size])
		}
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		m.setFilter(m.filter + msg.Text)
	}
	m.scroll()
	return m, nil
}

// choose applies the enter rule: the ticked rows, else the highlighted
// row, else free text while the list is unknown; otherwise it says why not
// and stays open.
func (m Model) choose() (Model, tea.Cmd) {
	vals := m.Values()
	if len(vals) == 0 {
		switch it, ok := m.current(); {
		case ok && it.Disabled:
			m.note = it.Value + " cannot be chosen: " + it.Detail
		case len(m.items) > 0 && m.filter != "":
			m.note = fmt.Sprintf("%q is not in the list: choose one of the %d shown without a filter (ctrl+u clears it)", strings.TrimSpace(m.filter), len(m.items))
		default:
			m.note = "nothing to choose: type a value"
		}
		return m, nil
	}
	id, unverified := m.ID, m.free() != "" && len(m.ticked()) == 0
	return m, func() tea.Msg { return Chosen{ID: id, Values: vals, Unverified: unverified} }
}

func (m *Model) toggle() {
	it, ok := m.current()
	if !ok || it.Disabled {
		if ok {
			m.note = it.Value + " cannot be chosen: " + it.Detail
		}
		return
	}
	if m.selected[it.Value] {
		m.selected[it.Value] = false
		return
	}
	if m.max > 0 && len(m.ticked()) >= m.max {
		m.note = fmt.Sprintf("at most %d: untick one first", m.max)
		return
	}
	m.selected[it.Value] = true
	m.order = append(slices.DeleteFunc(slices.Clone(m.order), func(v string) bool { return v == it.Value }), it.Value)
}

func (m *Model) setFilter(q string) {
	m.filter = q
	m.refilter()
}

// refilter ranks the items against the filter (see match.go) and puts the
// cursor on the best match.
func (m *Model) refilter() {
	q := strings.ToLower(strings.TrimSpace(m.filter))
	qw := words(q)
	var tiers [noMatch][]int
	for i, h := range m.hay {
		if t := h.match(q, qw); t < noMatch {
			tiers[t] = append(tiers[t], i)
		}
	}
	m.shown = m.shown[:0]
	for _, ids := range tiers {
		m.shown = append(m.shown, ids...)
	}
	if m.filter != "" {
		m.cursor, m.offset = 0, 0
	}
	m.cursor = min(max(m.cursor, 0), max(len(m.shown)-1, 0))
}

func (m *Model) scroll() {
	rows := m.rows()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = min(max(m.offset, 0), max(0, len(m.shown)-rows))
}

// rows is how many list rows fit: the header takes one line, the footer
// (more markers, note) one.
func (m Model) rows() int { return max(1, m.height-2) }

// Answer runs a picker's command at once when it carries the answer
// (Chosen or Cancelled), so the host applies it before the next key: keys
// typed right behind enter (type-ahead, a paste) then reach the field that
// follows instead of a picker that has already answered. Any other command
// is handed back to run as usual.
func Answer(cmd tea.Cmd) (tea.Msg, tea.Cmd) {
	if cmd == nil {
		return nil, nil
	}
	switch msg := cmd().(type) {
	case Chosen, Cancelled:
		return msg, nil
	case nil:
		return nil, nil
	default:
		return nil, func() tea.Msg { return msg }
	}
}
