package ui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state/safetext"
	"zpadd/ui/common"
)

// chromeHeight is the rows the frame takes: header, rule, status, help.
func (a *App) chromeHeight() int {
	h := 4
	if a.fullHelp {
		h += lipgloss.Height(a.help.FullHelpView(a.top().KeyMap().FullHelp())) // and the marks' legend
		if a.ctx.Sandbox {
			h++ // the line on leaving the sandbox
		}
	}
	return h
}

// View draws the frame around the top screen.
func (a *App) View() tea.View {
	v := tea.NewView(safetext.Frame(a.render())) // the last guard: only zpadd's colours reach the terminal
	v.AltScreen = true
	v.WindowTitle = "zpadd"
	return v
}

// render is View's content, separate so tests and goldens can read it.
func (a *App) render() string {
	if a.quitting {
		return ""
	}
	st := a.ctx.Styles
	if a.tooSmall() {
		return st.Notice.Render("make the window larger") + "\n" +
			st.Muted.Render("zpadd needs at least 60×16; this window is "+strconv.Itoa(a.width)+"×"+strconv.Itoa(a.height))
	}
	var b strings.Builder
	b.WriteString(a.header())
	b.WriteByte('\n')
	b.WriteString(" " + st.Rule.Render(strings.Repeat("─", a.width-2)))
	b.WriteByte('\n')

	body := a.top().View()
	if a.unsaved {
		body = a.unsavedView(a.width - 2)
	}
	lines := strings.Split(body, "\n")
	h := a.ctx.Height
	for i := 0; i < h; i++ {
		if i < len(lines) {
			b.WriteString(" " + ansi.Truncate(lines[i], a.width-1, "…"))
		}
		b.WriteByte('\n')
	}
	b.WriteString(" " + a.statusLine())
	b.WriteByte('\n')
	km := a.top().KeyMap()
	if a.unsaved {
		b.WriteString(" " + st.Help.Render("r retry • e export • esc back • ctrl+c quit anyway"))
		return b.String()
	}
	if a.fullHelp {
		b.WriteString(indent(a.help.FullHelpView(km.FullHelp())) + "\n")
		b.WriteString(" " + ansi.Truncate(st.Help.Render(marksLegend), a.width-1, "…"))
		if a.ctx.Sandbox {
			b.WriteString("\n " + ansi.Truncate(st.Muted.Render(common.SandboxHint), a.width-1, "…"))
		}
	} else {
		// Cut here too: bubbles' help adds every remaining key when its own
		// ellipsis would land exactly on the last column.
		b.WriteString(" " + ansi.Truncate(a.help.ShortHelpView(km.ShortHelp()), a.width-1, "…"))
	}
	return b.String()
}

// header: breadcrumb on the left; SANDBOX, account, catalog age (and the
// draft's save state) on the right.
func (a *App) header() string {
	st := a.ctx.Styles
	titles := []string{}
	for i := 1; i < len(a.stack); i++ {
		t := a.ids[i].String()
		if tt, ok := a.stack[i].(common.Titled); ok {
			t = common.Safe(tt.Title()) // draft and user names
		}
		if t != "" {
			titles = append(titles, t)
		}
	}
	crumbs := func(middleMax int) string {
		parts := []string{st.App.Render("zpadd")}
		for i, t := range titles {
			// The current screen keeps its name; long draft or user names
			// before it shrink first when the header is short of room.
			if middleMax > 0 && i < len(titles)-1 {
				t = ansi.Truncate(t, middleMax, "…")
			}
			parts = append(parts, st.Breadcrumb.Render(t))
		}
		return " " + strings.Join(parts, st.Muted.Render(" › "))
	}
	left := crumbs(0)

	age := catalogAge(a.ctx.Catalog, a.ctx.CatalogStale, a.ctx.Time())
	if a.loading && a.ctx.Catalog == nil {
		age = "reading the catalog…"
	}
	if a.ctx.CatalogStale || a.ctx.Catalog == nil {
		age = st.Stale.Render(age)
	} else {
		age = st.Muted.Render(age)
	}
	if a.refreshing {
		age = a.spinner.View() + " " + age
	}
	status := func(withAccount bool) string {
		var right []string
		if a.ctx.Sandbox {
			badge := "SANDBOX"
			if len(a.stack) == 1 && withAccount {
				badge += " · zpadd login connects real Zoom"
			}
			right = append(right, st.Sandbox.Render(badge))
		}
		if a.ctx.Profile != "" && withAccount {
			right = append(right, st.Account.Render("profile "+a.ctx.Profile))
		}
		if acct := a.account(); acct != "" && withAccount {
			right = append(right, st.Account.Render(common.Safe(acct)))
		}
		if a.ctx.ReadOnly {
			right = append(right, st.Warn.Render("read-only"))
		} else if a.ctx.Draft != nil && a.saveErr != nil {
			right = append(right, st.Err.Render("NOT SAVED"))
		}
		right = append(right, age)
		return strings.Join(right, st.Muted.Render(" · ")) + " "
	}
	r := status(true)

	// Short of room, give up in this order: long names earlier in the
	// breadcrumb, then the account name; SANDBOX, read-only, NOT SAVED and
	// the current screen's name stay.
	gap := a.width - lipgloss.Width(left) - lipgloss.Width(r)
	for _, max := range []int{24, 14} {
		if gap >= 1 {
			break
		}
		left = crumbs(max)
		gap = a.width - lipgloss.Width(left) - lipgloss.Width(r)
	}
	if gap < 1 {
		r = status(false)
		gap = a.width - lipgloss.Width(left) - lipgloss.Width(r)
	}
	if gap < 1 {
		// Still too narrow for both: the breadcrumb keeps its start.
		left = ansi.Truncate(left, a.width-lipgloss.Width(r)-1, "…")
		gap = max(a.width-lipgloss.Width(left)-lipgloss.Width(r), 1)
	}
	return left + strings.Repeat(" ", gap) + r
}

func (a *App) account() string {
	if a.ctx.Account != "" {
		return a.ctx.Account
	}
	if a.ctx.Catalog != nil {
		return a.ctx.Catalog.Account
	}
	return ""
}

func (a *App) statusLine() string {
	st := a.ctx.Styles
	switch {
	case a.status != "" && a.statusErr:
		return st.Err.Render("✗ " + safetext.Line(a.status))
	case a.status != "":
		return st.Status.Render(safetext.Line(a.status))
	case a.ctx.ReadOnly && a.notice != "":
		return st.Notice.Render(a.notice)
	case a.scopeBanner != "":
		return st.Err.Render(ansi.Truncate(a.scopeBanner, a.width-2, "…"))
	}
	return ""
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return strings.Join(lines, "\n")
}

// marksLegend explains the marks of the batch table, the form and review
// (one severity per problem, state.Severity): shown with the full help.
const marksLegend = "marks: ✓ ready · ! warning, sendable · ✗ blocks · ? unknown"
