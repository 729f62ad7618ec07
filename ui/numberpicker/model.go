// Package numberpicker is a multi-select over thousands of phone numbers with
// a digit filter: type any part of a number as printed (spaces and "+"
// don't matter and never tick anything), move with the arrows, tab to tick
// (space too while the filter is empty), enter when done: the ticked
// numbers, or the highlighted one when none is ticked. It keeps the
// pickers contract (pickers.Chosen / pickers.Cancelled) and its own
// digit matcher, because a site's pool holds thousands of numbers. Only the
// visible rows are rendered.
package numberpicker

import (
	"fmt"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/pickers"
)

// ID is the pickers.Chosen / pickers.Cancelled ID this picker answers with.
const ID = "phone_numbers"

// Model is the picker. Use New; the zero value is not ready.
type Model struct {
	numbers []string     // E.164, as given
	masks   []digitMasks // where each digit occurs in each number, for matching
	labels  *labelCache

	query   string // as typed
	badChar bool   // query holds something no number can contain
	// chain[k] is what the first k digits of the query let through;
	// chain[depth] is shown. Results past depth were typed and deleted
	// again: typing the same digit back reuses them.
	chain []*result
	depth int

	cursor, offset int
	width, height  int

	max      int
	picked   []string        // selection order
	isPicked map[string]bool // membership of picked
	note     string          // one-line feedback ("at most 10 numbers")

	notes map[string]string // number → a note shown after it ("pending")

	focused bool
	Keys    KeyMap
	Styles  Styles
}

// New builds a picker over numbers with selected already ticked (kept even
// when not in numbers, e.g. a user's current number) and at most max picks
// (max <= 0: no limit).
func New(numbers []string, selected []string, max int) Model {
	m := Model{
		max:      max,
		isPicked: make(map[string]bool, len(selected)),
		focused:  true,
		Keys:     DefaultKeyMap(),
		Styles:   DefaultStyles(),
		width:    60,
		height:   12,
	}
	inList := make(map[string]bool, len(numbers))
	for _, n := range numbers {
		inList[n] = true
	}
	// Picked numbers missing from the pool go first so they can be unticked.
	for _, n := range selected {
		if n == "" || m.isPicked[n] {
			continue
		}
		m.picked = append(m.picked, n)
		m.isPicked[n] = true
		if !inList[n] {
			m.numbers = append(m.numbers, n)
			inList[n] = true
		}
	}
	m.numbers = append(m.numbers, numbers...)
	if len(m.numbers) > len(numbers) {
		m.numbers = dedupe(m.numbers)
	}
	m.masks = newMaskTable(m.numbers)
	m.labels = newLabelCache(len(m.numbers))
	m.chain = []*result{everything(len(m.numbers))}
	return m
}

func dedupe(ns []string) []string {
	seen := make(map[string]bool, len(ns))
	out := ns[:0:0]
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// Selected returns the picked numbers in the order they were picked.
func (m Model) Selected() []string { return append([]string(nil), m.picked...) }

// Query returns the filter as typed.
func (m Model) Query() string { return m.query }

// Matches returns how many numbers the filter lets through.
func (m Model) Matches() int {
	if m.badChar {
		return 0
	}
	return m.chain[m.depth].len()
}

// shownAt is the index into numbers of the i-th row (0 <= i < Matches()).
func (m Model) shownAt(i int) int { return m.chain[m.depth].at(i) }

// Current returns the number under the cursor, if any.
func (m Model) Current() (string, bool) {
	if m.cursor < 0 || m.cursor >= m.Matches() {
		return "", false
	}
	return m.numbers[m.shownAt(m.cursor)], true
}

// SetSize sets the space the picker may use; height counts every line it
// draws (header, rows, footer).
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.clampView()
}

// Focus and Blur switch key handling on and off.
func (m *Model) Focus() { m.focused = true }

// Blur stops the picker from taking keys.
func (m *Model) Blur() { m.focused = false }

// Focused reports whether the picker takes keys.
func (m Model) Focused() bool { return m.focused }

// KeyMap returns the picker's keys for a help line.
func (m Model) KeyMap() KeyMap { return m.Keys }

// Init implements the bubble contract; the picker needs no start-up work.
func (m Model) Init() tea.Cmd { return nil }

// Update handles keys and pasted text.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if !m.focused {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.setQuery(m.query + msg.Content)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.Keys
	switch {
	case key.Matches(msg, k.Done):
		sel := m.Selected()
		if len(sel) == 0 {
			// One rule in every picker: enter with nothing ticked takes the
			// highlighted row.
			if n, ok := m.Current(); ok {
				sel = []string{n}
			}
		}
		return m, func() tea.Msg { return pickers.Chosen{ID: ID, Values: sel} }
	case key.Matches(msg, k.Cancel):
		return m, func() tea.Msg { return pickers.Cancelled{ID: ID} }
	case key.Matches(msg, k.Toggle):
		m.toggle()
	case m.query == "" && msg.String() == "space":
		m.toggle()
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.rows())
	case key.Matches(msg, k.PageDown):
		m.move(m.rows())
	case key.Matches(msg, k.Home):
		m.move(-m.Matches())
	case key.Matches(msg, k.End):
		m.move(m.Matches())
	case key.Matches(msg, k.ClearFilter):
		m.setQuery("")
	case key.Matches(msg, k.DeleteChar):
		if m.query != "" {
			_, size := utf8.DecodeLastRuneInString(m.query)
			m.setQuery(m.query[:len(m.query)-size])
		}
	default:
		if msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			m.setQuery(m.query + msg.Text)
		}
	}
	return m, nil
}

func (m *Model) toggle() {
	n, ok := m.Current()
	if !ok {
		return
	}
	m.note = ""
	if m.isPicked[n] {
		delete(m.isPicked, n)
		for i, p := range m.picked {
			if p == n {
				m.picked = append(m.picked[:i:i], m.picked[i+1:]...)
				break
			}
		}
		return
	}
	if m.max > 0 && len(m.picked) >= m.max {
		m.note = fmt.Sprintf("at most %d numbers: untick one first", m.max)
		return
	}
	m.isPicked[n] = true
	m.picked = append(m.picked[:len(m.picked):len(m.picked)], n)
}

func (m *Model) move(delta int) {
	m.cursor += delta
	m.clampView()
}

// SetQuery starts the picker with text already typed (typing on the
// numbers field opens the picker with that text).
func (m *Model) SetQuery(q string) { m.setQuery(q) }

// setQuery refilters. The shown result is walked back to the longest prefix
// the new digits share with it, then extended one digit at a time from
// there, so typing costs a pass over what is still shown and deleting costs
// nothing.
func (m *Model) setQuery(q string) {
	m.note = ""
	m.query = q
	digits, ok := parseQuery(q)
	m.badChar = !ok
	if ok {
		m.follow(digits)
	}
	m.cursor, m.offset = 0, 0
	m.clampView()
}

// follow makes chain[depth] the result for digits.
func (m *Model) follow(digits string) {
	shown := m.chain[m.depth].query
	k := 0
	for k < len(shown) && k < len(digits) && shown[k] == digits[k] {
		k++
	}
	m.depth = k
	for m.depth < len(digits) {
		next := digits[:m.depth+1]
		if m.depth+1 < len(m.chain) && m.chain[m.depth+1].query == next {
			m.depth++
			continue
		}
		// A fresh backing array: copies of the Model may still use the
		// results being dropped here.
		m.chain = append(m.chain[:m.depth+1:m.depth+1], m.chain[m.depth].extend(m.masks, digits[m.depth]))
		m.depth++
	}
}

// rows is how many list rows fit: the header and footer take one line each.
func (m Model) rows() int {
	return max(1, m.height-2)
}

func (m *Model) clampView() {
	n := m.Matches()
	if n == 0 {
		m.cursor, m.offset = 0, 0
		return
	}
	m.cursor = min(max(m.cursor, 0), n-1)
	rows := m.rows()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = min(max(m.offset, 0), max(0, n-rows))
}

// WithNotes returns the picker showing notes[number] after each number it
// names (such as "pending: being ported").
func (m Model) WithNotes(notes map[string]string) Model {
	m.notes = notes
	return m
}
