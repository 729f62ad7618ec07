// Package scan is the wizard's scan-only mode for a cart of boxed desk
// phones: the MAC field always has focus, each good scan becomes the desk
// phone of the next user without one, and bad or duplicate scans are refused
// with a visible line and the terminal bell.
package scan

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/ui/keys"
	"zpadd/ui/macinput"
	"zpadd/ui/pickers"
)

// flashFor is how long an accepted row stays highlighted.
const flashFor = 1500 * time.Millisecond

// Model is the scan screen.
type Model struct {
	ctx   *common.Context
	input macinput.Model

	target  int          // user the next scan goes to; -1 when none is left
	skipped map[int]bool // users passed over with tab in this session
	undo    []assignment // scans made in this session, newest last

	override *phoneKind // model chosen on this screen, over the defaults
	chooser  *chooser   // brand/model picker while open

	last      line // the outcome of the last scan
	flashUser int  // row highlighted after an accepted scan (-1: none)
	flashSeq  int

	width, height int
}

// assignment is one accepted scan, for undo.
type assignment struct {
	user int
	mac  string
}

// phoneKind is the brand and model scans get.
type phoneKind struct{ brand, model string }

// line is the "last:" line under the list.
type line struct {
	ok   bool
	text string
}

// flashDone ends the highlight of an accepted row (only the latest flash).
type flashDone struct{ seq int }

// New opens scan mode on ctx.Draft.
func New(ctx *common.Context, _ common.Navigate) common.Screen {
	m := &Model{
		ctx:       ctx,
		input:     macinput.New(),
		skipped:   map[int]bool{},
		flashUser: -1,
	}
	m.input.Placeholder = "waiting for a scan…"
	if ctx.Styles != nil {
		m.input.Styles.Prompt = ctx.Styles.Label
		m.input.Styles.Valid = ctx.Styles.OK
		m.input.Styles.Invalid = ctx.Styles.Muted
		m.input.Styles.Placeholder = ctx.Styles.Muted
	}
	if ctx.ReadOnly {
		m.input.Blur()
	}
	m.target = m.nextTarget(-1)
	return m
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(w - 2)
	if m.chooser != nil {
		m.chooser.picker.SetSize(w-2, max(3, h-6))
	}
}

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	if m.chooser != nil {
		return m.chooser.picker.KeyMap()
	}
	return m.actions().Map(keys.Help, keys.Quit)
}

// CapturingText is always true: the field takes every printable key, so a
// scanned "?" or hex letter is never a command.
func (m *Model) CapturingText() bool { return true }

// Title implements common.Titled.
func (m *Model) Title() string { return "scan phones" }

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m.chooser != nil {
		if cmd, handled := m.updateChooser(msg); handled {
			return m, cmd
		}
	}
	switch msg := msg.(type) {
	case macinput.Accepted, macinput.Rejected:
		return m, m.outcome(msg)
	case flashDone:
		if msg.seq == m.flashSeq {
			m.flashUser = -1
		}
		return m, nil
	case common.Shown, common.CatalogUpdated:
		m.target = m.keepOrNext(m.target)
		return m, nil
	case tea.KeyPressMsg:
		if cmd, handled := m.handleKey(msg); handled {
			return m, cmd
		}
	}
	// Scans are handled here and now, in the order they were typed: as
	// commands they could swap, or be lost to a ctrl+c right behind them.
	var outcomes []tea.Msg
	m.input, outcomes = m.input.Feed(msg)
	cmds := make([]tea.Cmd, 0, len(outcomes))
	for _, o := range outcomes {
		cmds = append(cmds, m.outcome(o))
	}
	return m, tea.Batch(cmds...)
}

// outcome handles one completed scan.
func (m *Model) outcome(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case macinput.Accepted:
		return m.accept(msg.MAC)
	case macinput.Rejected:
		m.last = line{text: "✗ " + msg.Input + ": " + msg.Err.Error()}
		return common.Ring()
	}
	return nil
}

func (m *Model) flash(user int) tea.Cmd {
	m.flashSeq++
	m.flashUser = user
	seq := m.flashSeq
	return tea.Tick(flashFor, func(time.Time) tea.Msg { return flashDone{seq: seq} })
}

// pickerFor builds the chooser's picker with the app's styles.
func (m *Model) pickerFor(title string, items []pickers.Item, selected string) pickers.Model {
	p := pickers.New(m.ctx.Styles, title, items, false, 0, selected)
	p.SetSize(max(20, m.width-2), max(3, m.height-6))
	return p
}

// QuestionIsHelp implements common.QuestionIsHelp: a MAC never holds a "?".
func (m *Model) QuestionIsHelp() bool { return true }
