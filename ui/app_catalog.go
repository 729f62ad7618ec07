package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom/submit"
)

type catalogMsg struct {
	catalog *state.Catalog
	err     error
}

// catalogMaxAge is how old the cached catalog's lists may grow before a
// start refreshes them in the background; pre-flight re-reads what a batch
// touches anyway, so the pickers can live with an hour-old list.
const catalogMaxAge = time.Hour

type cachedCatalogMsg struct{ catalog *state.Catalog }

// loadCachedCatalog reads the catalog cached by an earlier run off the
// first frame: a 50,000-number account's is megabytes of JSON, and Home
// does not need it to be drawn.
func (a *App) loadCachedCatalog() tea.Cmd {
	svc := a.ctx.Service
	return func() tea.Msg { return cachedCatalogMsg{catalog: svc.CachedCatalog()} }
}

// cachedCatalogRead shows the cached catalog and refreshes the lists older
// than catalogMaxAge in the background: a warm start sends nothing.
func (a *App) cachedCatalogRead(m cachedCatalogMsg) tea.Cmd {
	a.loading = false
	var cmd tea.Cmd
	if m.catalog != nil && a.ctx.Catalog == nil {
		a.ctx.Catalog = m.catalog
		cmd = a.forward(common.CatalogUpdated{Catalog: m.catalog})
	}
	a.ctx.CatalogStale = submit.CatalogNeedsRefresh(a.ctx.Catalog, catalogMaxAge, time.Now())
	if !a.ctx.CatalogStale || a.refreshing {
		return cmd
	}
	a.refreshing = true
	return tea.Batch(cmd, a.refreshCatalog(catalogMaxAge), a.spinner.Tick)
}

// refreshCatalog refreshes the lists older than maxAge (0: all of them, as
// ctrl+r asks) in the background; the cached catalog stays on screen
// (marked stale) until it lands.
func (a *App) refreshCatalog(maxAge time.Duration) tea.Cmd {
	svc, base := a.ctx.Service, a.base
	return func() tea.Msg {
		c, err := svc.RefreshCatalogOlderThan(base, maxAge)
		return catalogMsg{catalog: c, err: err}
	}
}

// catalogArrived shows what a refresh brought, even a partial one: its
// stale lists keep their cached entries and the badge says "stale".
func (a *App) catalogArrived(m catalogMsg) tea.Cmd {
	a.refreshing = false
	var cmd tea.Cmd
	if m.catalog != nil {
		a.ctx.Catalog, a.ctx.CatalogStale = m.catalog, len(m.catalog.Stale) > 0
		cmd = a.forward(common.CatalogUpdated{Catalog: m.catalog})
	}
	if m.err != nil {
		return tea.Batch(cmd, common.Error(fmt.Errorf("catalog refresh incomplete (showing what is known): %w", m.err)))
	}
	if n := a.ctx.Service.NumbersNotice(); n != "" && m.catalog != nil {
		return tea.Batch(cmd, a.flash(n))
	}
	return cmd
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
