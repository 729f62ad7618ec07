package cli

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// step delivers msg to the form and runs the commands it returns a few
// levels deep, as the program would (field focus moves by command).
func step(f *huh.Form, msg tea.Msg) *huh.Form {
	m, cmd := f.Update(msg)
	f = m.(*huh.Form)
	for range 3 {
		if cmd == nil {
			break
		}
		next := cmd()
		if batch, ok := next.(tea.BatchMsg); ok {
			for _, c := range batch {
				if c != nil {
					m, _ = f.Update(c())
					f = m.(*huh.Form)
				}
			}
			break
		}
		m, cmd = f.Update(next)
		f = m.(*huh.Form)
	}
	return f
}

// The login form takes each credential pasted whole (huh v2 delivers a
// paste as one tea.PasteMsg) and masks the secret on screen.
func TestLoginFormTakesPastedCredentialsAndMasksTheSecret(t *testing.T) {
	var c LoginCredentials
	f := credentialsForm(&c)
	f = step(f, f.Init())
	enter := tea.KeyPressMsg(tea.Key{Code: tea.KeyEnter})
	for _, v := range []string{"acct-PASTED", "client-PASTED", "secret-PASTED-value"} {
		f = step(f, tea.PasteMsg{Content: v})
		if v == "secret-PASTED-value" {
			if view := f.View(); strings.Contains(view, v) || !strings.Contains(view, strings.Repeat("*", len(v))) {
				t.Errorf("the secret is not masked:\n%s", view)
			}
		}
		f = step(f, enter)
	}
	if c != (LoginCredentials{"acct-PASTED", "client-PASTED", "secret-PASTED-value"}) {
		t.Errorf("form values = %+v", c)
	}
}
