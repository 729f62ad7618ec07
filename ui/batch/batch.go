// Package batch is the batch table: the draft's users (n/10) with a status
// mark per row from validation; add, edit, duplicate, delete, reorder,
// paste a list of emails, and the ways on to defaults, scan and review.
package batch

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/keys"
)

// Model is the batch screen.
type Model struct {
	ctx      *common.Context
	cursor   int
	confirm  bool // delete asked, waiting for y
	problems state.Problems
	pasteMsg []string // who a paste left out and why
	width    int
	height   int
}

// New builds the batch screen for ctx.Draft (common.Factory).
func New(ctx *common.Context, nav common.Navigate) common.Screen {
	m := &Model{ctx: ctx}
	if nav.User > 0 {
		m.cursor = nav.User
	}
	m.revalidate()
	return m
}

// Init implements common.Screen: users that came without names (`zpadd
// add`, a paste, an import) are looked up in the background.
func (m *Model) Init() tea.Cmd { return m.lookupNameless() }

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Title is the draft's name, for the breadcrumb.
func (m *Model) Title() string {
	if m.ctx.Draft == nil {
		return "batch"
	}
	return m.ctx.Draft.Name
}

// revalidate recomputes the problems once per change, not per frame.
func (m *Model) revalidate() {
	if m.ctx.Draft == nil {
		m.problems = nil
		return
	}
	m.problems = state.Validate(m.ctx.Draft, m.ctx.Catalog)
	m.problems = append(m.problems, m.ctx.LookupProblems(m.ctx.Draft, m.problems)...)
	if n := len(m.ctx.Draft.Users); m.cursor >= n {
		m.cursor = max(n-1, 0)
	}
}

// Key bindings of the batch screen.
var (
	addKey      = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add"))
	editKey     = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit"))
	copyKey     = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy"))
	deleteKey   = key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete"))
	upKey       = key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/shift+↑", "move up"))
	downKey     = key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/shift+↓", "move down"))
	defaultsKey = key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "defaults"))
	scanKey     = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "scan phones"))
	reviewKey   = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review"))
	pasteKey    = key.NewBinding(key.WithKeys("ctrl+v"), key.WithHelp("ctrl+v", "paste"))
	homeKey     = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home"))
)

// actions is every key of the batch screen in one list: Update matches
// it and the help line and "?" are built from it.
func (m *Model) actions() keys.Actions {
	writable := func() string {
		if m.ctx.ReadOnly {
			return common.ReadOnlyWhy
		}
		return ""
	}
	hasUsers := func() string {
		if why := writable(); why != "" {
			return why
		}
		if len(m.ctx.Draft.Users) == 0 {
			return "no users yet"
		}
		return ""
	}
	return keys.Actions{
		{Binding: addKey, Disabled: writable, Run: m.add},
		{Binding: editKey, Run: m.edit},
		{Binding: defaultsKey, Disabled: writable, Run: func() tea.Cmd { return common.Go(common.Navigate{To: common.DefaultsScreen}) }},
		{Binding: scanKey, Disabled: writable, Run: func() tea.Cmd { return common.Go(common.Navigate{To: common.ScanScreen}) }},
		{Binding: reviewKey, Run: func() tea.Cmd { return common.Go(common.Navigate{To: common.ReviewScreen}) }},
		{Binding: pasteKey, Disabled: writable, Run: func() tea.Cmd {
			return tea.Batch(tea.ReadClipboard, common.Status("asking the terminal for the clipboard… (your terminal's own paste works too)"))
		}},
		{Binding: homeKey, Run: common.GoBack},
		{Binding: keys.Up, Hidden: true, Run: func() tea.Cmd { m.cursor = max(m.cursor-1, 0); return nil }},
		{Binding: keys.Down, Hidden: true, Run: func() tea.Cmd { m.cursor = min(m.cursor+1, max(len(m.ctx.Draft.Users)-1, 0)); return nil }},
		{Binding: copyKey, Hidden: true, Disabled: hasUsers, Run: m.duplicate},
		{Binding: deleteKey, Hidden: true, Disabled: hasUsers, Run: func() tea.Cmd { m.confirm = true; return nil }},
		{Binding: upKey, Hidden: true, Disabled: hasUsers, Run: func() tea.Cmd { return m.move(-1) }},
		{Binding: downKey, Hidden: true, Disabled: hasUsers, Run: func() tea.Cmd { return m.move(+1) }},
	}
}

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	if m.confirm {
		return keys.Map{Short: []key.Binding{keys.Yes, keys.No}}
	}
	return m.actions().Map(keys.Help)
}

// edit opens the user under the cursor (or a new one on an empty batch).
func (m *Model) edit() tea.Cmd {
	if len(m.ctx.Draft.Users) == 0 {
		if m.ctx.ReadOnly {
			return common.Error(errReadOnly)
		}
		return m.add()
	}
	return common.Go(common.Navigate{To: common.UserScreen, User: m.cursor})
}

// ErrFull is the message for an 11th user.
var ErrFull = fmt.Errorf("a batch holds at most %d users (one Zoom request): start a new batch from Home for the next ones", state.MaxUsers)

var errReadOnly = common.ErrReadOnly

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	d := m.ctx.Draft
	switch msg := msg.(type) {
	case common.Shown:
		m.revalidate()
		return m, nil
	case common.CatalogUpdated:
		// Users added before the catalog was known get their extensions now.
		cmd := m.fillExtensions(allUsers(d))
		m.revalidate()
		return m, cmd
	case common.LookedUp:
		// The shell filled the names; the marks may change.
		m.revalidate()
		return m, nil
	case tea.PasteMsg:
		return m, m.paste(msg.Content)
	case tea.KeyPressMsg:
		if d == nil {
			return m, nil
		}
		if m.confirm {
			m.confirm = false
			if key.Matches(msg, keys.Yes) {
				return m, m.deleteUser()
			}
			return m, nil
		}
		m.pasteMsg = nil
		cmd, why, ok := m.actions().Match(msg)
		if why != "" {
			return m, common.Error(fmt.Errorf("%s: %s", msg.String(), why))
		}
		if ok {
			return m, cmd
		}
	case tea.ClipboardMsg:
		// ctrl+v asked the terminal for its clipboard (OSC 52).
		return m, m.paste(msg.Content)
	}
	return m, nil
}

// add opens the user form on a new user, or refuses an 11th.
func (m *Model) add() tea.Cmd {
	if len(m.ctx.Draft.Users) >= state.MaxUsers {
		return tea.Batch(common.Error(ErrFull), common.Ring())
	}
	return common.Go(common.Navigate{To: common.UserScreen, User: common.NewUser})
}

// duplicate copies the selected user's shared settings (site, template,
// plans, SMS, desk-phone models) into a new user below it; what must be
// unique (email, names, extension, numbers, MACs) is left empty.
func (m *Model) duplicate() tea.Cmd {
	d := m.ctx.Draft
	if len(d.Users) == 0 {
		return nil
	}
	if len(d.Users) >= state.MaxUsers {
		return tea.Batch(common.Error(ErrFull), common.Ring())
	}
	src := d.Users[m.cursor]
	cp := state.User{
		SiteName:     src.SiteName,
		SiteCode:     src.SiteCode,
		TemplateName: src.TemplateName,
		CallingPlans: append([]string(nil), src.CallingPlans...),
		SMS:          cloneBool(src.SMS),
	}
	i := m.cursor + 1
	d.Users = append(d.Users[:i], append([]state.User{cp}, d.Users[i:]...)...)
	state.FillFromSite(d, m.ctx.Catalog, i)
	m.cursor = i
	m.revalidate()
	return tea.Batch(common.Changed(), common.Go(common.Navigate{To: common.UserScreen, User: i, Field: "email"}))
}

func cloneBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	v := *b
	return &v
}

func (m *Model) deleteUser() tea.Cmd {
	d := m.ctx.Draft
	if m.cursor >= len(d.Users) {
		return nil
	}
	gone := d.Users[m.cursor].DisplayName()
	d.Users = append(d.Users[:m.cursor], d.Users[m.cursor+1:]...)
	m.revalidate()
	return tea.Batch(common.Changed(), common.Status(fmt.Sprintf("removed %s", gone)))
}

func (m *Model) move(delta int) tea.Cmd {
	d := m.ctx.Draft
	j := m.cursor + delta
	if j < 0 || j >= len(d.Users) {
		return nil
	}
	d.Users[m.cursor], d.Users[j] = d.Users[j], d.Users[m.cursor]
	m.cursor = j
	m.revalidate()
	return common.Changed()
}

// paste adds the pasted people (emails, "Name <email>" lists) and says who
// was left out and why.
func (m *Model) paste(text string) tea.Cmd {
	if m.ctx.Draft == nil {
		return nil
	}
	if m.ctx.ReadOnly {
		return common.Error(errReadOnly)
	}
	entries := state.ParseUserList(text)
	if len(entries) == 0 {
		return nil
	}
	added, left := m.ctx.Draft.AddPasted(entries)
	m.pasteMsg = nil
	for _, l := range left {
		m.pasteMsg = append(m.pasteMsg, fmt.Sprintf("left out %s: %s", strings.TrimSpace(l.Raw), l.Reason))
	}
	if len(added) > 0 {
		m.cursor = added[len(added)-1]
	}
	fill := m.fillExtensions(added)
	lookups := m.lookup(added)
	m.revalidate()
	summary := fmt.Sprintf("pasted: %d added", len(added))
	if len(left) > 0 {
		summary += fmt.Sprintf(", %d left out (listed above)", len(left))
	}
	cmds := []tea.Cmd{common.Status(summary), fill, lookups}
	if len(added) > 0 {
		cmds = append(cmds, common.Changed())
	}
	if len(left) > 0 {
		cmds = append(cmds, common.Ring())
	}
	return tea.Batch(cmds...)
}

// fillExtensions gives each listed user without an extension the next
// free one at its site (when the catalog knows the site), so ten pasted
// emails need no typing; it returns Changed when any was filled.
func (m *Model) fillExtensions(users []int) tea.Cmd {
	d := m.ctx.Draft
	if d == nil || m.ctx.ReadOnly {
		return nil
	}
	filled := false
	for _, i := range users {
		if state.FillFromSite(d, m.ctx.Catalog, i) {
			filled = true
		}
	}
	if filled {
		return common.Changed()
	}
	return nil
}

func allUsers(d *state.Draft) []int {
	if d == nil {
		return nil
	}
	out := make([]int, len(d.Users))
	for i := range out {
		out[i] = i
	}
	return out
}

// lookup asks Zoom about the listed users' emails, all at once (the
// client's rate limiter paces them); names fill in as answers land.
func (m *Model) lookup(users []int) tea.Cmd {
	d := m.ctx.Draft
	var cmds []tea.Cmd
	changed := false
	for _, i := range users {
		if i < 0 || i >= len(d.Users) {
			continue
		}
		email := d.Users[i].Email
		if l, known := m.ctx.Lookup(email); known {
			// Asked earlier in this run (the user was deleted and pasted
			// again): use the answer at once.
			if _, c := m.ctx.ApplyLookup(common.LookedUp{Email: email, Result: l}); c {
				changed = true
			}
			continue
		}
		cmds = append(cmds, m.ctx.LookupEmail(email))
	}
	if changed {
		cmds = append(cmds, common.Changed())
	}
	return tea.Batch(cmds...)
}

// lookupNameless looks up the users that have an email but no name yet.
func (m *Model) lookupNameless() tea.Cmd {
	d := m.ctx.Draft
	if d == nil || m.ctx.ReadOnly {
		return nil
	}
	var users []int
	for i, u := range d.Users {
		if u.Email != "" && (u.FirstName == "" || u.LastName == "") {
			users = append(users, i)
		}
	}
	return m.lookup(users)
}
