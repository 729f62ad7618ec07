// Package results is the wizard's submit screen: it runs the submit
// workflow in the background and shows it live (pre-flight, the POST,
// per-user results with Zoom's message at the field it names, verification),
// then offers the failed users as a new draft, an export of the results,
// and watching the new desk phones come online.
package results

import (
	"context"
	"errors"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom/submit"
)

// Model is the submit-and-results screen.
type Model struct {
	ctx  *common.Context
	keys keyMap

	draft *state.Draft // a snapshot of the draft as submitted: goroutines read it while the shell edits its own
	prog  *progress

	events    *pump
	cancel    context.CancelFunc
	started   bool
	cancelled bool
	sub       *state.Submission
	err       error
	blocked   *submit.BlockedError

	watch    *pump
	stopWait context.CancelFunc
	watching bool
	watchErr error

	note    string // where the export went, the new draft, ...
	spinner spinner.Model
	// watchOff is set when the operator stopped the watch with w: it is
	// not started again on its own.
	watchOff bool

	dev devicePanel // provisioning, reboot and resync (devices.go)

	width, height int
}

// submitted is the workflow's return.
type submitted struct {
	sub *state.Submission
	err error
}

// watchEnded is Watch's return.
type watchEnded struct{ err error }

// New opens the submit screen for ctx.Draft; the submit starts in Init.
func New(ctx *common.Context, _ common.Navigate) common.Screen {
	m := &Model{ctx: ctx, keys: defaultKeys(), draft: ctx.Draft.Clone(), spinner: newSpinner()}
	users := 0
	if ctx.Draft != nil {
		users = len(ctx.Draft.Users)
	}
	m.prog = newProgress(users)
	return m
}

// Init starts the submit.
func (m *Model) Init() tea.Cmd {
	switch {
	case m.draft == nil || len(m.draft.Users) == 0:
		m.err = errors.New("the draft has no users to add")
		return nil
	case m.ctx.ReadOnly:
		m.err = errors.New("this draft is open read-only (another zpadd has it): nothing was sent")
		return nil
	case m.ctx.Service == nil:
		m.err = errors.New("no connection to Zoom is configured: nothing was sent")
		return nil
	case m.ctx.Session == nil:
		m.err = errors.New("the draft is not open: nothing was sent")
		return nil
	}
	return tea.Batch(m.start(), m.tick())
}

// start saves the draft through its session and submits that snapshot in
// a goroutine; its events come back through a pump. ctx cancellation stops
// it before the POST; after that the workflow finishes and records the
// outcome on its own. The service counts it as work in flight, which
// quitting waits for.
func (m *Model) start() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel, m.started = cancel, true
	m.events = newPump(fromSubmit)
	ss, p := m.ctx.Session, m.events
	// What is sent is what is on disk: the session submits its last save.
	if err := ss.Save(m.draft.Clone()); err != nil {
		m.started = false
		m.err = fmt.Errorf("the draft could not be saved, so nothing was sent: %w", err)
		return nil
	}
	go func() {
		sub, err := ss.Submit(ctx, p.push)
		p.finish(submitted{sub: sub, err: err})
	}()
	return p.wait()
}

// newSpinner is the progress spinner; the shell routes its ticks here by
// the spinner's id.
func newSpinner() spinner.Model {
	return spinner.New(spinner.WithSpinner(spinner.Spinner{Frames: spinnerFrames, FPS: 120 * time.Millisecond}))
}

// tick (re)starts the spinner; a second chain is dropped by the spinner's
// own tag check, so calling it while it runs is harmless.
func (m *Model) tick() tea.Cmd { return m.spinner.Tick }

func (m *Model) running() bool { return m.started && !m.prog.finished }

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap { return m.helpMap() }

// Title implements common.Titled.
func (m *Model) Title() string { return "submit" }

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := m.deviceUpdate(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case eventsMsg:
		for _, ev := range msg.events {
			if msg.src == fromWatch && ev.Kind == submit.Done {
				m.prog.watchDone = true
				continue
			}
			m.prog.apply(ev, m.ctx.Time())
		}
		if msg.src == fromWatch {
			return m, m.watch.wait()
		}
		return m, m.events.wait()
	case submitted:
		m.sub, m.err = msg.sub, msg.err
		var be *submit.BlockedError
		if errors.As(msg.err, &be) {
			m.blocked = be
		}
		m.prog.settle(msg.sub, m.draft, m.ctx.Time())
		if m.cancel != nil {
			m.cancel()
		}
		var cmd tea.Cmd
		if msg.sub != nil {
			cmd = common.CatalogPruned(m.ctx.Service)
		}
		// The technician at the cart plugs the phones in next: watch them
		// without being asked (w stops it).
		if m.sub != nil && !m.watchOff && !m.watching {
			return m, tea.Batch(cmd, m.startWatch())
		}
		return m, cmd
	case watchEnded:
		m.watching = false
		if msg.err != nil && !errors.Is(msg.err, context.Canceled) {
			m.watchErr = msg.err
		}
		return m, nil
	case exported:
		return m, m.exportDone(msg)
	case spinner.TickMsg:
		if m.running() || m.watching || m.dev.loading {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return m, cmd
		}
		return m, nil
	case common.Shown:
		// Ticks are lost while another screen is on top: restart them.
		if m.running() || m.watching {
			return m, m.tick()
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if m.running() {
		// Before the POST, esc cancels and nothing is sent; once the
		// request is out, the workflow must finish and record the outcome.
		if key.Matches(k, m.keys.Cancel) && m.prog.requests == 0 && !m.cancelled {
			m.cancelled = true
			m.cancel()
			return nil
		}
		if m.prog.requests > 0 {
			return common.Status("still waiting for Zoom's answer: the keys work once every user has an outcome")
		}
		return nil
	}
	if cmd, ok := m.deviceKey(k); ok {
		return cmd
	}
	switch {
	case key.Matches(k, m.keys.Home):
		m.stopWatch()
		return common.Go(common.Navigate{To: common.HomeScreen})
	case m.blocked != nil && key.Matches(k, m.keys.Review):
		return common.GoBack()
	case key.Matches(k, m.keys.Failed):
		return m.failedDraft()
	case key.Matches(k, m.keys.Export):
		return m.export()
	case key.Matches(k, m.keys.Watch):
		if m.watching {
			m.stopWatch()
			m.watchOff = true
			return nil
		}
		m.watchOff = false
		return m.startWatch()
	case key.Matches(k, m.keys.NewBatch):
		m.stopWatch()
		return func() tea.Msg { return common.NewDraft{} }
	}
	return nil
}

// failedDraft saves the users Zoom did not create as a new draft and opens
// it.
func (m *Model) failedDraft() tea.Cmd {
	if m.sub == nil {
		return nil
	}
	nd := submit.FailedDraft(m.draft, m.sub)
	if nd == nil {
		return common.Status("every user was created: no failed users to retry")
	}
	if m.ctx.Store == nil {
		return common.Error(errors.New("no draft store: cannot save the failed users as a draft"))
	}
	if err := m.ctx.Store.Save(nd); err != nil {
		return common.Error(fmt.Errorf("saving the failed users as a new draft: %w", err))
	}
	m.note = fmt.Sprintf("saved %d user%s as the new draft %q", len(nd.Users), common.Plural(len(nd.Users)), nd.Name)
	m.stopWatch()
	return tea.Batch(common.Status(m.note), common.Go(common.Navigate{To: common.BatchScreen, DraftID: nd.ID}))
}

// phonesToWatch counts the desk phones of created users.
func (m *Model) phonesToWatch() int {
	if m.draft == nil {
		return 0
	}
	n := 0
	for i, r := range m.prog.rows {
		if r.status == submit.StatusCreated && i < len(m.draft.Users) {
			n += len(m.draft.Users[i].DeskPhones)
		}
	}
	return n
}

func (m *Model) startWatch() tea.Cmd {
	if m.sub == nil || m.ctx.Session == nil || m.phonesToWatch() == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.stopWait, m.watching, m.watchErr = cancel, true, nil
	m.prog.watchDone = false
	m.watch = newPump(fromWatch)
	ss, sub, d, p := m.ctx.Session, m.sub, m.draft.Clone(), m.watch
	go func() {
		err := ss.Watch(ctx, sub, d, p.push)
		p.finish(watchEnded{err: err})
	}()
	return tea.Batch(p.wait(), m.tick())
}

func (m *Model) stopWatch() {
	if m.stopWait != nil {
		m.stopWait()
		m.stopWait = nil
	}
	m.watching = false
}
