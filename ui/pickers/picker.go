// Package pickers is a filterable single- or multi-select list used by the
// defaults and user screens (sites, templates, calling plans, provision
// templates, desk-phone brands and models), with builders that turn the
// catalog into items.
package pickers

import (
	"cmp"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state/safetext"
	"zpadd/ui/keys"
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

// Result says what the last Update did to the picker.
type Result int

const (
	// Open: still choosing.
	Open Result = iota
	// Chosen: enter was pressed; read Values().
	Chosen
	// Cancelled: esc was pressed; keep the old value.
	Cancelled
)

// Model is a picker. Typing filters; up/down move; space toggles (multi);
// enter chooses; esc cancels.
type Model struct {
	Title    string
	items    []Item
	shown    []int // indexes of items matching the filter
	filter   string
	cursor   int
	offset   int
	multi    bool
	max      int
	selected map[string]bool
	order    []string // selection order, kept for multi results
	width    int
	height   int
	st       *styles.Styles

	// AllowFree lets enter choose the typed filter itself when nothing
	// matches (a value the catalog does not know yet, e.g. offline).
	AllowFree bool
}

// New builds a picker. selected pre-selects values (the cursor starts on
// the first of them); max bounds a multi-select (0 = no bound).
func New(st *styles.Styles, title string, items []Item, multi bool, max int, selected ...string) Model {
	m := Model{Title: title, items: items, multi: multi, max: max, selected: map[string]bool{}, st: st, width: 60, height: 10}
	for _, v := range selected {
		if v != "" && !m.selected[v] {
			m.selected[v] = true
			m.order = append(m.order, v)
		}
	}
	m.refilter()
	for i, idx := range m.shown {
		if len(selected) > 0 && items[idx].Value == selected[0] {
			m.cursor = i
		}
	}
	return m
}

// SetSize bounds the picker's rendering.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Values is the chosen value(s): the highlighted one for single pickers, the
// toggled ones (in the order chosen) for multi pickers.
func (m Model) Values() []string {
	if m.multi {
		out := make([]string, 0, len(m.order))
		for _, v := range m.order {
			if m.selected[v] {
				out = append(out, v)
			}
		}
		return out
	}
	if it, ok := m.current(); ok {
		return []string{it.Value}
	}
	if m.AllowFree && strings.TrimSpace(m.filter) != "" {
		return []string{strings.TrimSpace(m.filter)}
	}
	return nil
}

func (m Model) current() (Item, bool) {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return Item{}, false
	}
	return m.items[m.shown[m.cursor]], true
}

// Filter is the text typed so far.
func (m Model) Filter() string { return m.filter }

// Len is the number of items (before filtering).
func (m Model) Len() int { return len(m.items) }

// Update handles a key press.
func (m Model) Update(msg tea.Msg) (Model, Result) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.filter += strings.TrimSpace(msg.Content)
		m.refilter()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, keys.Back):
			return m, Cancelled
		case msg.String() == "enter":
			if m.multi && len(m.Values()) == 0 {
				// Enter on a highlighted plan with none ticked means "this
				// one", not "none": helpdesk users press enter, not space.
				if it, ok := m.current(); ok && !it.Disabled {
					m.selected[it.Value] = true
					m.order = append(m.order, it.Value)
				}
			}
			if !m.multi {
				it, ok := m.current()
				if ok && it.Disabled || !ok && !(m.AllowFree && strings.TrimSpace(m.filter) != "") {
					return m, Open
				}
			}
			return m, Chosen
		case msg.String() == "up" || msg.String() == "ctrl+p":
			if m.cursor > 0 {
				m.cursor--
			}
		case msg.String() == "down" || msg.String() == "ctrl+n":
			if m.cursor < len(m.shown)-1 {
				m.cursor++
			}
		case msg.String() == "space" && m.multi:
			m.toggle()
		case msg.String() == "backspace":
			if m.filter != "" {
				r := []rune(m.filter)
				m.filter = string(r[:len(r)-1])
				m.refilter()
			}
		case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
			m.filter += msg.Text
			m.refilter()
		}
	}
	m.scroll()
	return m, Open
}

func (m *Model) toggle() {
	it, ok := m.current()
	if !ok || it.Disabled {
		return
	}
	if m.selected[it.Value] {
		m.selected[it.Value] = false
		return
	}
	if m.max > 0 && len(m.Values()) >= m.max {
		return
	}
	m.selected[it.Value] = true
	m.order = append(removeValue(m.order, it.Value), it.Value)
}

func removeValue(vs []string, v string) []string {
	out := vs[:0:0]
	for _, x := range vs {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// refilter keeps items whose label, value or detail contain every word of
// the filter (case-insensitive): "lon sup" finds "London Support".
func (m *Model) refilter() {
	words := strings.Fields(strings.ToLower(m.filter))
	m.shown = m.shown[:0]
	for i, it := range m.items {
		hay := strings.ToLower(it.Label + " " + it.Value + " " + it.Detail)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			m.shown = append(m.shown, i)
		}
	}
	if m.cursor >= len(m.shown) {
		m.cursor = len(m.shown) - 1
	}
	if m.cursor < 0 {
		m.cursor = 0
	}
}

func (m *Model) scroll() {
	rows := m.rows()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
}

func (m Model) rows() int {
	r := m.height - 2
	if r < 1 {
		r = 1
	}
	return r
}

// View renders the title with the filter, then the visible rows.
func (m Model) View() string {
	st := m.st
	var b strings.Builder
	head := st.Focused.Render(m.Title)
	if m.filter != "" {
		head += st.Muted.Render("  filter: ") + m.filter
	} else {
		head += st.Muted.Render("  type to filter")
	}
	if m.multi {
		head += st.Muted.Render(fmt.Sprintf("  · %d chosen", len(m.Values())))
	}
	b.WriteString(head)
	if len(m.shown) == 0 {
		if m.AllowFree && m.filter != "" {
			b.WriteString("\n" + st.Muted.Render("  nothing matches: enter uses ") + m.filter)
		} else {
			b.WriteString("\n" + st.Muted.Render("  nothing matches"))
		}
		return b.String()
	}
	end := m.offset + m.rows()
	if end > len(m.shown) {
		end = len(m.shown)
	}
	for i := m.offset; i < end; i++ {
		it := m.items[m.shown[i]]
		mark := "  "
		if i == m.cursor {
			mark = st.Cursor.Render("▸ ")
		}
		box := ""
		if m.multi {
			box = "[ ] "
			if m.selected[it.Value] {
				box = "[x] "
			}
		}
		label := safetext.Line(cmp.Or(it.Label, it.Value))
		line := box + label
		detail := safetext.Line(it.Detail)
		if detail != "" {
			line += "  " + st.Muted.Render(detail)
		}
		if it.Disabled {
			line = st.Muted.Render(box+label) + "  " + st.Muted.Render(detail)
		}
		b.WriteString("\n" + mark + ansi.Truncate(line, m.width-2, "…"))
	}
	if len(m.shown) > end-m.offset {
		b.WriteString("\n" + st.Muted.Render(fmt.Sprintf("  %d of %d", m.cursor+1, len(m.shown))))
	}
	return b.String()
}

// KeyMap lists the picker's keys.
func (m Model) KeyMap() keys.Map {
	km := keys.Map{Short: []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	if m.multi {
		km.Short = append(km.Short[:1], append([]key.Binding{keys.Toggle}, km.Short[1:]...)...)
		km.Short[2] = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done"))
	}
	return km
}
