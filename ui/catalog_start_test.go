package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// The first frame does not wait for the catalog an earlier run cached (a
// large account's is megabytes): the header says it is being read, the
// catalog lands right after, and a warm cache sends no request.
func TestFirstFrameDoesNotWaitForTheCachedCatalog(t *testing.T) {
	e := newEnv(t)
	if _, err := e.service.RefreshCatalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The next start: a new process, with only the cache file.
	sb := sandbox.New(sandbox.Options{})
	svc, _, err := submit.NewForSandbox(sb, e.home, e.store, e.journal)
	if err != nil {
		t.Fatal(err)
	}
	settleAtCleanup(t, svc)
	o := e.options()
	o.Service = svc
	a := newApp(context.Background(), o)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if f := ansi.Strip(a.render()); !strings.Contains(f, "reading the catalog…") || a.ctx.Catalog != nil {
		t.Fatalf("the first frame waited for the cached catalog:\n%s", f)
	}
	run(t, a, a.Init(), 0)
	if f := ansi.Strip(a.render()); a.ctx.Catalog == nil || !strings.Contains(f, "catalog just now") {
		t.Fatalf("the cached catalog never landed:\n%s", f)
	}
	if n := len(sb.Requests()); n != 0 {
		t.Errorf("a warm start sent %d requests, want 0", n)
	}
}
