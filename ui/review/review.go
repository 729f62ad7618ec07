// Package review is the wizard's review step: every problem of the draft
// (local rules at once, then Zoom's pre-flight when it lands), errors before
// warnings, grouped by user and field; enter jumps to the field, j shows the
// exact request body, s submits when nothing blocks.
package review

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom/submit"
)

// preflightTimeout bounds a pre-flight run from this screen; the screen
// stays usable with the local checks meanwhile.
const preflightTimeout = 90 * time.Second

// Model is the review screen.
type Model struct {
	ctx  *common.Context
	keys keyMap

	local   state.Problems // state.Validate with the catalog: instant
	live    state.Problems // Service.Preflight: local + Zoom, when it landed
	liveOK  bool
	liveErr error
	liveAt  time.Time

	checking bool
	checkSeq int
	spinner  spinner.Model

	items          state.Problems // sorted, what the list shows
	cursor, offset int

	showJSON bool
	body     viewport.Model
	bodyErr  error

	width, height int
}

// checked carries a pre-flight result back; seq drops stale runs.
type checked struct {
	seq      int
	problems state.Problems
	err      error
}

// New opens the review of ctx.Draft.
func New(ctx *common.Context, _ common.Navigate) common.Screen {
	m := &Model{ctx: ctx, keys: defaultKeys(), body: viewport.New(),
		spinner: spinner.New(spinner.WithSpinner(spinner.Spinner{Frames: spinnerFrames, FPS: 120 * time.Millisecond}))}
	m.revalidate()
	return m
}

// Init starts the pre-flight against Zoom.
func (m *Model) Init() tea.Cmd { return m.check() }

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.body.SetWidth(w)
	m.body.SetHeight(max(1, h-2))
	m.clamp()
}

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap { return m.helpMap() }

// problems is the best list known: pre-flight's when it ran on the current
// draft, else the local rules.
func (m *Model) problems() state.Problems {
	if m.liveOK {
		return m.live
	}
	return m.local
}

// revalidate runs the local rules now (well under a millisecond, even
// against a large catalog) and refreshes the list and the request body;
// it runs once per change, never per frame.
func (m *Model) revalidate() {
	m.local = nil
	if d := m.ctx.Draft; d != nil {
		m.local = state.Validate(d, m.ctx.Catalog)
	}
	m.items = sorted(m.problems())
	m.clamp()
	m.refreshBody()
}

func (m *Model) refreshBody() {
	m.bodyErr = nil
	raw, err := submit.Body(m.ctx.Draft)
	if err != nil {
		m.bodyErr = err
		m.body.SetContent("")
		return
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		m.bodyErr = err
		return
	}
	m.body.SetContent(out.String())
}

// check starts Service.Preflight on a copy of the draft (the UI may change
// the original while it runs).
func (m *Model) check() tea.Cmd {
	svc, d := m.ctx.Service, m.ctx.Draft
	if svc == nil || d == nil || len(d.Users) == 0 {
		return nil
	}
	cp := d.Clone() // pre-flight reads it in a goroutine while the wizard edits d
	m.checkSeq++
	seq := m.checkSeq
	m.checking, m.liveOK, m.liveErr = true, false, nil
	run := func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), preflightTimeout)
		defer cancel()
		ps, err := svc.Preflight(ctx, cp, nil)
		return checked{seq: seq, problems: ps, err: err}
	}
	return tea.Batch(run, m.tick())
}

// tick (re)starts the "checking with Zoom" spinner; the shell routes its
// ticks here by the spinner's id, and a second chain is dropped by the
// spinner's tag check.
func (m *Model) tick() tea.Cmd { return m.spinner.Tick }

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case checked:
		if msg.seq != m.checkSeq {
			return m, nil
		}
		m.checking = false
		if msg.err != nil {
			m.liveErr = msg.err
		} else {
			m.live, m.liveOK, m.liveAt = msg.problems, true, m.ctx.Time()
		}
		m.items = sorted(m.problems())
		m.clamp()
		return m, nil
	case spinner.TickMsg:
		if !m.checking {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case common.Shown, common.CatalogUpdated:
		// The draft may have been fixed on the user form: check it again.
		m.liveOK = false
		m.revalidate()
		return m, m.check()
	case common.DraftSaved:
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if m.showJSON {
		switch {
		case key.Matches(k, m.keys.JSON), key.Matches(k, m.keys.Back):
			m.showJSON = false
			return nil
		}
		var cmd tea.Cmd
		m.body, cmd = m.body.Update(k)
		return cmd
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor--
		m.clamp()
	case key.Matches(k, m.keys.Down):
		m.cursor++
		m.clamp()
	case key.Matches(k, m.keys.Open):
		return m.open()
	case key.Matches(k, m.keys.JSON):
		m.refreshBody()
		m.showJSON = true
		m.body.GotoTop()
	case key.Matches(k, m.keys.Submit):
		return m.submit()
	case key.Matches(k, m.keys.Recheck):
		m.liveOK = false
		m.revalidate()
		return m.check()
	case key.Matches(k, m.keys.Back):
		return common.GoBack()
	}
	return nil
}

// open jumps to the field of the problem under the cursor: a user's field
// on the user form, a draft-wide problem on the batch table.
func (m *Model) open() tea.Cmd {
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return nil
	}
	p := m.items[m.cursor]
	d := m.ctx.Draft
	if p.User < 0 || d == nil || p.User >= len(d.Users) {
		return common.Go(common.Navigate{To: common.BatchScreen})
	}
	return common.Go(common.Navigate{To: common.UserScreen, User: p.User, Field: p.Field})
}

func (m *Model) submit() tea.Cmd {
	switch {
	case m.ctx.ReadOnly:
		return common.Error(fmt.Errorf("this draft is open read-only (another zpadd has it): submit from there"))
	case m.ctx.Draft == nil || len(m.ctx.Draft.Users) == 0:
		return common.Error(fmt.Errorf("the draft has no users to add"))
	}
	if errs := m.problems().Errors(); len(errs) > 0 {
		return common.Error(fmt.Errorf("%d error%s block submit: fix %s first (enter jumps to the field)",
			len(errs), common.Plural(len(errs)), map[bool]string{true: "it", false: "them"}[len(errs) == 1]))
	}
	return common.Go(common.Navigate{To: common.ResultsScreen})
}

// rows is how many problem rows fit: the summary, a blank, two section
// titles and the detail lines take the rest.
func (m *Model) rows() int { return max(1, m.height-7) }

func (m *Model) clamp() {
	if len(m.items) == 0 {
		m.cursor, m.offset = 0, 0
		return
	}
	m.cursor = min(max(m.cursor, 0), len(m.items)-1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if r := m.rows(); m.cursor >= m.offset+r {
		m.offset = m.cursor - r + 1
	}
}
