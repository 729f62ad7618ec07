// Package home is the wizard's first screen: drafts to resume, rename or
// delete; a new batch; CSV import; recent submissions with their results;
// and, first of all, any batch whose outcome is unknown, to reconcile.
package home

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/keys"
	"zpadd/zoom/submit"
)

// mode is what the keys currently drive.
type mode int

const (
	browsing mode = iota
	renaming
	confirmDelete
	importing
)

// Model is the Home screen.
type Model struct {
	ctx *common.Context

	drafts     []state.DraftInfo
	history    []state.Submission
	unfinished []submit.Pending // journalled batches with no outcome, with their owner
	loadErr    error
	// pendingFollowUps are submitted drafts with follow-ups left (followups.go).
	pendingFollowUps []*state.Draft
	journalPending   bool  // the journal's part is still being read (Init)
	listErr          error // from the last draft listing

	cursor   int  // over drafts, then submissions
	expanded int  // history index shown in detail, -1 none
	busy     bool // a reconcile is running

	mode   mode
	input  textinput.Model
	report []string // last import's row problems / moved-aside files
}

// New builds the Home screen (common.Factory).
func New(ctx *common.Context, _ common.Navigate) common.Screen {
	m := &Model{ctx: ctx, expanded: -1}
	m.input = textinput.New()
	m.input.Prompt = ""
	// The first frame lists the drafts; what the journal says of them (a
	// year of batches is thousands of lines) follows from Init.
	listed := m.listDrafts()
	m.apply(homeData{drafts: listed.drafts, moved: listed.moved, listErr: listed.listErr})
	m.journalPending = ctx.Journal != nil
	return m
}

// Init implements common.Screen: it reads the journal's part of Home.
func (m *Model) Init() tea.Cmd {
	if !m.journalPending {
		return nil
	}
	listed := homeData{drafts: append([]state.DraftInfo(nil), m.drafts...), listErr: m.listErr}
	return func() tea.Msg { return journalRead(m.withJournal(listed)) }
}

// journalRead is Home's data once the journal has been read.
type journalRead homeData

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) { m.input.SetWidth(w - 20) }

// Title is empty: Home is the breadcrumb's root.
func (m *Model) Title() string { return "" }

// CapturingText implements common.TextCapturer.
func (m *Model) CapturingText() bool { return m.mode == renaming || m.mode == importing }

// homeData is what Home shows, as read from disk: the drafts (marked with
// what the journal says of them), the history, the batches with no
// outcome and the follow-ups left.
type homeData struct {
	drafts           []state.DraftInfo
	moved            []string // draft files that could not be read, moved aside
	listErr          error
	history          []state.Submission
	unfinished       []submit.Pending
	pendingFollowUps []*state.Draft
	journalErr       error
}

// reload reads drafts, history and unfinished intents from disk.
func (m *Model) reload() {
	m.journalPending = false
	m.apply(m.withJournal(m.listDrafts()))
}

// listDrafts reads the draft list; it changes nothing of m, so Init's
// command may call the readers beside the program.
func (m *Model) listDrafts() homeData {
	var d homeData
	if m.ctx.Store != nil {
		d.drafts, d.moved, d.listErr = m.ctx.Store.List()
	}
	return d
}

// withJournal adds what the journal says to a draft list: which drafts
// have a batch in flight, the history, the unfinished intents and the
// follow-ups left. It changes nothing of m.
func (m *Model) withJournal(d homeData) homeData {
	if m.ctx.Journal == nil {
		return d
	}
	submit.MarkUnsettled(m.ctx.Journal, d.drafts)
	var herr, uerr error
	d.history, herr = m.ctx.Journal.History()
	d.unfinished, uerr = submit.PendingIntents(m.ctx.Journal, m.ctx.Store, m.ctx.Service)
	d.journalErr = errors.Join(herr, uerr)
	d.pendingFollowUps = pendingFollowUps(m.ctx, d.drafts)
	return d
}

// apply shows d.
func (m *Model) apply(d homeData) {
	m.drafts, m.history, m.unfinished, m.pendingFollowUps = d.drafts, d.history, d.unfinished, d.pendingFollowUps
	m.listErr = d.listErr
	for _, f := range d.moved {
		m.report = append(m.report, "a draft file that could not be read was moved aside: "+f)
	}
	m.loadErr = errors.Join(d.listErr, d.journalErr)
	if n := m.rows(); m.cursor >= n {
		m.cursor = max(n-1, 0)
	}
}

func (m *Model) rows() int { return len(m.drafts) + len(m.history) }

func (m *Model) selectedDraft() (state.DraftInfo, bool) {
	if m.cursor < len(m.drafts) {
		return m.drafts[m.cursor], true
	}
	return state.DraftInfo{}, false
}

// Key bindings of the Home screen.
var (
	newKey       = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new batch"))
	openKey      = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open"))
	importKey    = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "import CSV"))
	renameKey    = key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rename"))
	deleteKey    = key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete"))
	reconcileKey = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reconcile now"))
	acceptKey    = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ok"))
	completeKey  = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete"))
	profileKey   = key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "next account profile"))
)

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	switch m.mode {
	case renaming:
		return keys.Map{Short: []key.Binding{acceptKey, keys.Back}}
	case importing:
		return keys.Map{Short: []key.Binding{completeKey, acceptKey, keys.Back}}
	case confirmDelete:
		return keys.Map{Short: []key.Binding{keys.Yes, keys.No}}
	}
	short := []key.Binding{newKey, openKey, importKey}
	if _, ok := m.selectedDraft(); ok {
		short = append(short, renameKey, deleteKey)
	}
	if len(m.unfinished) > 0 || len(m.pendingFollowUps) > 0 {
		short = append(short, reconcileKey)
	}
	short = append(short, keys.Help, keys.Quit)
	return keys.Map{Short: short, Full: [][]key.Binding{
		{keys.Up, keys.Down, openKey},
		{newKey, importKey, renameKey, deleteKey},
		{reconcileKey, profileKey, keys.RefreshCatalog, keys.Help, keys.Quit},
	}}
}

type reconciledMsg struct {
	name string
	sub  *state.Submission
	err  error
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case journalRead:
		if m.journalPending { // not overtaken by a reload
			m.journalPending = false
			d := homeData(msg)
			d.moved = nil // reported with the first listing
			m.apply(d)
		}
		return m, nil
	case common.Shown:
		m.reload()
		return m, nil
	case followUpsDone:
		m.busy = false
		m.reload()
		if msg.err != nil {
			return m, common.Error(fmt.Errorf("follow-ups of %q: %w", msg.name, msg.err))
		}
		return m, common.Status(followUpsSummary(msg))
	case reconciledMsg:
		m.busy = false
		m.reload()
		if msg.err != nil {
			return m, common.Error(fmt.Errorf("reconcile %q: %w", msg.name, msg.err))
		}
		c, f, _, u := msg.sub.Counts()
		return m, tea.Batch(common.CatalogPruned(m.ctx.Service), common.Status(fmt.Sprintf("reconciled %q: %d created, %d refused, %d unknown", msg.name, c, f, u)))
	case tea.PasteMsg:
		if m.mode == renaming || m.mode == importing {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			m.refreshSuggestions()
			return m, cmd
		}
	case tea.KeyPressMsg:
		switch m.mode {
		case renaming:
			return m.updateRename(msg)
		case importing:
			return m.updateImport(msg)
		case confirmDelete:
			return m.updateDelete(msg)
		}
		return m.updateBrowse(msg)
	}
	return m, nil
}

func (m *Model) updateBrowse(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	m.report = nil
	switch {
	case key.Matches(msg, keys.Up):
		if m.cursor > 0 {
			m.cursor--
		}
	case key.Matches(msg, keys.Down):
		if m.cursor < m.rows()-1 {
			m.cursor++
		}
	case key.Matches(msg, newKey):
		return m, func() tea.Msg { return common.NewDraft{} }
	case key.Matches(msg, openKey):
		if d, ok := m.selectedDraft(); ok {
			return m, common.Go(common.Navigate{To: common.BatchScreen, DraftID: d.ID})
		}
		if i := m.cursor - len(m.drafts); i >= 0 && i < len(m.history) {
			if m.expanded == i {
				m.expanded = -1
			} else {
				m.expanded = i
			}
		}
	case key.Matches(msg, importKey):
		m.mode = importing
		m.input.SetValue("")
		m.input.Placeholder = "path/to/file.csv"
		m.input.ShowSuggestions = true
		m.refreshSuggestions()
		return m, m.input.Focus()
	case key.Matches(msg, renameKey):
		if d, ok := m.selectedDraft(); ok {
			m.mode = renaming
			m.input.ShowSuggestions = false
			m.input.SetValue(d.Name)
			m.input.CursorEnd()
			return m, m.input.Focus()
		}
	case key.Matches(msg, deleteKey):
		if _, ok := m.selectedDraft(); ok {
			m.mode = confirmDelete
		}
	case key.Matches(msg, reconcileKey):
		return m, m.reconcile()
	case key.Matches(msg, profileKey):
		return m, m.nextProfile()
	}
	return m, nil
}

// nextProfile asks the shell to reopen zpadd on the profile after the
// current one (each profile has its own drafts, journal and account).
func (m *Model) nextProfile() tea.Cmd {
	names := m.ctx.Profiles
	if len(names) < 2 {
		return common.Status("one account profile only: zpadd login --profile NAME adds another")
	}
	cur := m.ctx.Profile
	if cur == "" {
		cur = state.DefaultProfile
	}
	next := names[0]
	for i, n := range names {
		if n == cur {
			next = names[(i+1)%len(names)]
		}
	}
	return func() tea.Msg { return common.SwitchProfile{Name: next} }
}

// reconcile reads back the users of the first unknown-outcome batch whose
// owner is gone. One another live zpadd is sending (or holds) is never
// reconciled from here: its answer may still be on the way.
func (m *Model) reconcile() tea.Cmd {
	if len(m.unfinished) == 0 && !m.busy {
		return m.finishFollowUps()
	}
	if len(m.unfinished) == 0 || m.busy {
		return nil
	}
	if m.ctx.Service == nil {
		return common.Error(errors.New("cannot reconcile: not connected to Zoom"))
	}
	m.reload() // owners change: look again right before acting
	in, ok := firstOrphan(m.unfinished)
	if !ok {
		if len(m.unfinished) == 0 {
			return nil
		}
		p := m.unfinished[0]
		return common.Error(fmt.Errorf("not reconciled: the batch of %q is %s; it records its own outcome", p.DraftName, p.Owner()))
	}
	m.busy = true
	svc := m.ctx.Service
	return tea.Batch(common.Status(fmt.Sprintf("reconciling %q…", in.DraftName)), func() tea.Msg {
		sub, err := svc.Reconcile(context.Background(), in.Intent, nil)
		return reconciledMsg{name: in.DraftName, sub: sub, err: err}
	})
}

func firstOrphan(ps []submit.Pending) (submit.Pending, bool) {
	for _, p := range ps {
		if p.Orphaned() {
			return p, true
		}
	}
	return submit.Pending{}, false
}

func (m *Model) updateRename(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.mode = browsing
		m.input.Blur()
		return m, nil
	case "enter":
		m.mode = browsing
		m.input.Blur()
		d, ok := m.selectedDraft()
		name := strings.TrimSpace(m.input.Value())
		if !ok || name == "" || name == d.Name {
			return m, nil
		}
		err := m.withDraft(d.ID, func(ss *submit.Session) error { return ss.Rename(name) })
		m.reload()
		if err != nil {
			return m, common.Error(fmt.Errorf("rename %q: %w", d.Name, err))
		}
		return m, common.Status(fmt.Sprintf("renamed to %q", name))
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m *Model) updateDelete(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	m.mode = browsing
	if !key.Matches(msg, keys.Yes) {
		return m, nil
	}
	d, ok := m.selectedDraft()
	if !ok {
		return m, nil
	}
	err := m.withDraft(d.ID, func(ss *submit.Session) error { return ss.Delete() })
	m.reload()
	if err != nil {
		return m, common.Error(fmt.Errorf("delete %q: %w", d.Name, err))
	}
	return m, common.Status(fmt.Sprintf("deleted %q (recoverable from the drafts trash folder)", d.Name))
}

// withDraft opens a draft's session for fn; a draft open in another
// zpadd is refused, naming it.
func (m *Model) withDraft(id string, fn func(*submit.Session) error) error {
	ss, err := submit.OpenSession(m.ctx.Store, m.ctx.Service, id)
	if err != nil {
		return err
	}
	defer ss.Close()
	if held := ss.ReadOnly(); held != nil {
		return fmt.Errorf("draft %s is open in %s", held.Label(), held.Who())
	}
	return fn(ss)
}
