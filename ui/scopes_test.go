package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// When the TUI's first request fetches a token lacking a scope, one banner
// names it (zoom-api.md §11.2); before any request, no token is fetched.
func TestTUIShowsOneBannerForMissingScopes(t *testing.T) {
	e := newEnv(t)
	sb := sandbox.New(sandbox.Options{MissingScopes: []string{"phone:read:list_devices:admin", "phone:write:batch_users:admin"}})
	svc, client, err := submit.NewForSandbox(sb, e.home, e.store, e.journal)
	if err != nil {
		t.Fatal(err)
	}
	settleAtCleanup(t, svc)
	o := e.options()
	o.Service = svc
	a := newApp(context.Background(), o)
	a.Update(tea.WindowSizeMsg{Width: 200, Height: 30})
	if got := client.Stats().TokenFetches; got != 0 {
		t.Fatalf("token fetches before any request = %d, want 0", got)
	}
	a.Update(a.refreshCatalog(0)()) // the refresh's answer arrives
	frame := a.render()
	for _, want := range []string{"phone:read:list_devices:admin", "phone:write:batch_users:admin", "zpadd doctor"} {
		if !strings.Contains(frame, want) {
			t.Errorf("banner lacks %q:\n%s", want, frame)
		}
	}
	if n := strings.Count(frame, "The Zoom app lacks"); n != 1 {
		t.Errorf("banner shown %d times, want once", n)
	}
}

// On Home, the sandbox says how to connect a real account, and P asks the
// shell to reopen on the next profile.
func TestHomeSandboxHintAndProfileSwitch(t *testing.T) {
	e := newEnv(t)
	o := e.options()
	o.Service = nil
	o.Profiles = []string{"default", "acme", "globex"}
	o.Profile = "acme"
	a := newApp(context.Background(), o)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if frame := a.render(); !strings.Contains(frame, "zpadd login") || !strings.Contains(frame, "profile acme") {
		t.Errorf("home lacks the login hint or the profile:\n%s", frame)
	}
	_, cmd := a.top().Update(tea.KeyPressMsg(tea.Key{Code: 'P', Text: "P"}))
	if cmd == nil {
		t.Fatal("P did nothing")
	}
	if sw, ok := cmd().(common.SwitchProfile); !ok || sw.Name != "globex" {
		t.Errorf("P asked for %#v, want the next profile globex", sw)
	}
}
