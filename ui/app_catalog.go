package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

type catalogMsg struct {
	catalog *state.Catalog
	err     error
}

// refreshCatalog fetches a fresh catalog in the background; the cached one
// stays on screen (marked stale) until it lands.
func (a *App) refreshCatalog() tea.Cmd {
	svc, base := a.ctx.Service, a.base
	return func() tea.Msg {
		c, err := svc.RefreshCatalog(base)
		return catalogMsg{catalog: c, err: err}
	}
}

func (a *App) catalogArrived(m catalogMsg) tea.Cmd {
	a.refreshing = false
	if m.err != nil {
		return common.Error(fmt.Errorf("catalog refresh failed (showing the cached one): %w", m.err))
	}
	if m.catalog == nil {
		return nil
	}
	a.ctx.Catalog, a.ctx.CatalogStale = m.catalog, false
	fwd := a.forward(common.CatalogUpdated{Catalog: m.catalog})
	if n := a.ctx.Service.NumbersNotice(); n != "" {
		return tea.Batch(fwd, a.flash(n))
	}
	return fwd
}

// catalogAge renders the header's catalog badge.
func catalogAge(c *state.Catalog, stale bool, now time.Time) string {
	if c == nil || c.FetchedAt.IsZero() {
		return "no catalog yet"
	}
	age := now.Sub(c.FetchedAt)
	var s string
	switch {
	case age < time.Minute:
		s = "catalog just now"
	case age < time.Hour:
		s = fmt.Sprintf("catalog %d min old", int(age.Minutes()))
	case age < 48*time.Hour:
		s = fmt.Sprintf("catalog %d h old", int(age.Hours()))
	default:
		s = fmt.Sprintf("catalog %d days old", int(age.Hours()/24))
	}
	if stale {
		s += " · stale"
	}
	return s
}
