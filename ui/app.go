package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/ui/keys"
	"zpadd/ui/styles"
)

// Minimum window size; below it the shell only asks for a larger window.
const (
	minWidth  = 60
	minHeight = 16
)

// saveEvery coalesces saves: a burst of changes (typing, a scanner burst)
// is written at most this often, and at once on quit and on SIGHUP/SIGTERM.
// It is the crash window of a kill -9 (measured by TestPtyKillNineCrashWindow);
// a save with fsync takes about a millisecond, so this costs ~1% while typing.
const saveEvery = 100 * time.Millisecond

// App is the shell: a stack of screens inside a frame.
type App struct {
	ctx   *common.Context
	base  context.Context
	opts  Options
	stack []common.Screen
	ids   []common.ScreenID // parallel to stack, for the breadcrumb

	factories map[common.ScreenID]common.Factory

	help     help.Model
	fullHelp bool
	spinner  spinner.Model

	width, height int

	notice     string // read-only or similar banner for the open draft
	sessionSeq int    // counts opened drafts, so a closed one's ticks are dropped
	dirty      bool   // Draft changed since the last save
	saveQueued bool
	lastSave   time.Time
	saveErr    error

	status    string
	statusErr bool
	statusSeq int

	refreshing  bool
	loading     bool   // the cached catalog is being read (app_catalog.go)
	scopeBanner string // what the token's scopes lack, "" when nothing
	switchTo    string // profile to reopen zpadd on, after quitting
	closing     bool   // ctrl+c pressed: quitting after quitGrace
	quitting    bool
	unsaved     bool      // quitting could not save: the unsaved dialog is up
	exportNote  string    // what the unsaved dialog's export did
	lostErr     error     // quit anyway although this save failed (Run reports it)
	lastKey     time.Time // when the last key arrived (a signal waits for quiet)
}

// quitGrace is how long ctrl+c waits for the messages of the keys before
// it (commands already running) before saving and quitting.
const quitGrace = 60 * time.Millisecond

type quitNowMsg struct{}

func newApp(base context.Context, o Options) *App {
	st := styles.New(darkTheme(o.Theme))
	ctx := &common.Context{
		Styles:     st,
		Home:       o.Home,
		Store:      o.Store,
		Journal:    o.Journal,
		Service:    o.Service,
		Sandbox:    o.Sandbox,
		Account:    o.Account,
		Profile:    o.Profile,
		Profiles:   o.Profiles,
		Accessible: o.Accessible,
		Width:      100,
		Height:     26,
	}
	h := help.New()
	h.Styles.ShortKey = st.Help.Bold(true)
	h.Styles.ShortDesc = st.Help
	h.Styles.ShortSeparator = st.Help
	h.Styles.FullKey = st.Help.Bold(true)
	h.Styles.FullDesc = st.Help
	h.Styles.FullSeparator = st.Help
	sp := spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(st.Muted))
	a := &App{
		ctx:       ctx,
		base:      base,
		opts:      o,
		factories: screenFactories(),
		help:      h,
		spinner:   sp,
		width:     100,
		height:    30,
	}
	a.stack = []common.Screen{a.build(common.Navigate{To: common.HomeScreen})}
	a.ids = []common.ScreenID{common.HomeScreen}
	a.loading = o.Service != nil
	return a
}

// Init starts the catalog refresh and the first screen; `zpadd add` opens
// its new draft at once.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.top().Init()}
	if a.loading {
		cmds = append(cmds, a.loadCachedCatalog())
	}
	if len(a.opts.StartEmails) > 0 {
		cmds = append(cmds, func() tea.Msg {
			return common.NewDraft{Users: a.opts.StartEmails}
		})
	}
	return tea.Batch(cmds...)
}

func (a *App) top() common.Screen { return a.stack[len(a.stack)-1] }

// Update routes messages: shell messages here, everything else to the top
// screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.noteScopes()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case tea.KeyPressMsg:
		a.lastKey = time.Now()
		if a.unsaved {
			return a, a.unsavedKey(msg)
		}
		if key.Matches(msg, keys.Quit) {
			if a.closing {
				return a, a.quit() // a second ctrl+c does not wait
			}
			// Let the messages of keys typed just before (a scanner burst's
			// Accepted MAC travels as a command) land first, then save and
			// quit: nothing typed is lost.
			a.closing = true
			return a, tea.Tick(quitGrace, func(time.Time) tea.Msg { return quitNowMsg{} })
		}
		if a.tooSmall() {
			return a, nil
		}
		// The status line shows until the next key press.
		a.status, a.statusErr = "", false
		if key.Matches(msg, keys.RefreshCatalog) && a.ctx.Service != nil {
			if a.refreshing {
				return a, nil
			}
			a.refreshing = true
			return a, tea.Batch(a.refreshCatalog(0), a.spinner.Tick)
		}
		if key.Matches(msg, keys.Help) && (!a.capturing() || a.questionIsHelp()) {
			a.fullHelp = !a.fullHelp
			a.resize()
			return a, nil
		}
	case quitNowMsg:
		return a, a.quit()
	case signalMsg:
		return a, a.signalled(msg)
	case readOnlyTickMsg:
		return a, a.followOwner(msg)
	case common.CatalogUpdated:
		// A screen learnt of a newer catalog (the submit pruned what Zoom
		// now holds): every screen uses it from now on.
		if msg.Catalog != nil {
			a.ctx.Catalog = msg.Catalog
		}
	case common.SwitchProfile:
		a.switchTo = msg.Name
		return a, a.quit()
	case common.Navigate:
		return a, a.navigate(msg)
	case common.Back:
		return a, a.back()
	case common.NewDraft:
		return a, a.newDraft(msg)
	case common.DraftChanged:
		return a, a.changed()
	case saveTickMsg:
		a.saveQueued = false
		if a.dirty {
			return a, a.save()
		}
		return a, nil
	case common.ErrorMsg:
		a.status, a.statusErr = msg.Err.Error(), true
		return a, nil
	case common.StatusMsg:
		return a, a.flash(msg.Text)
	case clearStatusMsg:
		if msg.seq == a.statusSeq && !a.statusErr {
			a.status = ""
		}
		return a, nil
	case common.Bell:
		return a, tea.Raw("\a")
	case common.LookedUp:
		// Lookups land on whichever screen is on top: fill the names here,
		// once, then let the screen show the answer.
		_, changed := a.ctx.ApplyLookup(msg)
		cmd := a.forward(msg)
		if changed {
			cmd = tea.Batch(cmd, a.changed())
		}
		return a, cmd
	case catalogMsg:
		return a, a.catalogArrived(msg)
	case cachedCatalogMsg:
		return a, a.cachedCatalogRead(msg)
	case spinner.TickMsg:
		// Ticks go to the spinner that asked for them: the header's here,
		// a screen's (review, submit) to that screen.
		if msg.ID != a.spinner.ID() {
			break
		}
		if !a.refreshing {
			return a, nil
		}
		var cmd tea.Cmd
		a.spinner, cmd = a.spinner.Update(msg)
		return a, cmd
	}
	return a, a.forward(msg)
}

// forward hands a message to the top screen.
func (a *App) forward(msg tea.Msg) tea.Cmd {
	s, cmd := a.top().Update(msg)
	a.stack[len(a.stack)-1] = s
	return cmd
}

func (a *App) capturing() bool {
	c, ok := a.top().(common.TextCapturer)
	return ok && c.CapturingText()
}

func (a *App) questionIsHelp() bool {
	q, ok := a.top().(common.QuestionIsHelp)
	return ok && q.QuestionIsHelp()
}

type clearStatusMsg struct{ seq int }

// flash shows text on the status line for a few seconds.
func (a *App) flash(text string) tea.Cmd {
	a.statusSeq++
	seq := a.statusSeq
	a.status, a.statusErr = text, false
	return tea.Tick(4*time.Second, func(time.Time) tea.Msg { return clearStatusMsg{seq: seq} })
}

// resize recomputes the body size and tells every screen on the stack.
func (a *App) resize() {
	a.help.SetWidth(a.width - 2)
	w, h := a.width-2, a.height-a.chromeHeight()
	if w < 1 {
		w = 1
	}
	if h < 1 {
		h = 1
	}
	a.ctx.Width, a.ctx.Height = w, h
	for _, s := range a.stack {
		s.SetSize(w, h)
	}
}

func (a *App) tooSmall() bool { return a.width < minWidth || a.height < minHeight }
