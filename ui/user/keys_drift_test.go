package user

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/keys"
	"zpadd/ui/keys/keytest"
	"zpadd/ui/styles"
)

// driftDraft has one user with a value in every kind of field and one desk
// phone, so each row of the form is there to focus.
func driftDraft() *state.Draft {
	d := state.NewDraft("keys", state.Defaults{DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s"})
	i, _ := d.AddUser("jose.nunez@example.com")
	u := &d.Users[i]
	u.FirstName, u.LastName, u.SiteName = "José", "Núñez", "Main Site"
	u.CallingPlans = []string{"US/CA Unlimited Calling"}
	u.DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b20001")}
	return d
}

func driftForm(t *testing.T, field int, readOnly bool) *Model {
	t.Helper()
	ctx := &common.Context{Styles: styles.New(true), Draft: driftDraft(), ReadOnly: readOnly}
	m := New(ctx, common.Navigate{To: common.UserScreen, User: 0}).(*Model)
	m.SetSize(100, 30)
	m.focus = field
	m.enter()
	return m
}

// shownKeys are the keys the form's "?" lists, less the shell's own (? and
// ctrl+c are the app's on every screen, see TestQuestionMarkOpensHelpOnEveryScreen).
func shownKeys(m *Model) []string {
	var out []string
	for _, col := range m.KeyMap().FullHelp() {
		for _, b := range col {
			if key.Matches(keytest.Press(b.Keys()[0]), keys.Help, keys.Quit) {
				continue
			}
			out = append(out, b.Keys()...)
		}
	}
	return out
}

// snapshot is what a key can change: the draft, the focus, the overlay and
// the frame.
func snapshot(m *Model) string {
	return fmt.Sprintf("%+v|%d|%d|%s", m.ctx.Draft.Users, m.focus, m.overlay, ansi.Strip(m.View()))
}

// errorsOf runs a command that answers at once (common.Error) and gathers
// the errors it reports.
func errorsOf(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	var out []string
	switch msg := cmd().(type) {
	case common.ErrorMsg:
		out = append(out, msg.Err.Error())
	case tea.BatchMsg:
		for _, c := range msg {
			out = append(out, errorsOf(c)...)
		}
	}
	return out
}

// Every key the form's help shows, on every kind of field, editable and
// read-only, is handled: pressing it changes the draft, the focus, the
// overlay or the frame, or leaves the form, or reports why it is off. A key
// listed in the help but caught before the actions fails here.
func TestFormEveryHelpKeyIsHandled(t *testing.T) {
	kinds := map[kind]bool{}
	for _, readOnly := range []bool{false, true} {
		rows := driftForm(t, 0, readOnly).specs
		for field, s := range rows {
			kinds[s.Kind] = true
			for _, name := range shownKeys(driftForm(t, field, readOnly)) {
				m := driftForm(t, field, readOnly)
				k := keytest.Press(name)
				// Match runs the action it finds, so ask a twin form.
				_, why, matched := driftForm(t, field, readOnly).actions().Match(k)
				if !matched && name != "a" {
					t.Errorf("%s (read-only %v): %s is in the help but no action has it", s.ID, readOnly, name)
					continue
				}
				before, value := snapshot(m), m.input.Value()
				_, cmd := m.Update(k)
				if why != "" {
					if errs := errorsOf(cmd); len(errs) == 0 || !strings.Contains(errs[0], why) {
						t.Errorf("%s (read-only %v): %s is off (%s) but reported %v", s.ID, readOnly, name, why, errs)
					}
					continue
				}
				if key.Matches(k, jumpKey) {
					// A jump may land where the focus already is.
					if to := m.jumpTo(k); m.focus != to {
						t.Errorf("%s: %s left the focus on row %d, not its field %d", s.ID, name, m.focus, to)
					}
					continue
				}
				if snapshot(m) == before && cmd == nil {
					t.Errorf("%s (read-only %v): %s is in the help but pressing it changed nothing", s.ID, readOnly, name)
				}
				if k.Text != "" && s.Kind == textKind && m.focus == field && m.input.Value() == value+k.Text {
					t.Errorf("%s: %s was typed into the field instead of running its action", s.ID, name)
				}
			}
		}
	}
	for _, want := range []kind{textKind, pickKind, multiKind, numbersKind, toggleKind, macKind, addPhoneKind} {
		if !kinds[want] {
			t.Errorf("no field of kind %d was tried", want)
		}
	}
}

// The help never offers a single printable key as a command on a text or
// MAC field: there every letter is text (a–f are hex digits in a MAC).
func TestFormShortcutsStayOffTextFields(t *testing.T) {
	m := driftForm(t, 0, false)
	for field, s := range m.specs {
		if s.Kind != textKind && s.Kind != macKind {
			continue
		}
		for _, name := range shownKeys(driftForm(t, field, false)) {
			if k := keytest.Press(name); k.Text != "" && k.Text != " " {
				t.Errorf("%s: printable key %q is a command", s.ID, name)
			}
		}
	}
}
