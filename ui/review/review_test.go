package review

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/submit"
)

// problemDraft has four users with a duplicate MAC, a missing extension and
// an invalid number, so errors and warnings of several users show.
func problemDraft() *state.Draft {
	d := state.NewDraft("Onboarding 26 Nov", state.Defaults{SiteName: "Main Site", TemplateName: "Main Site Standard User",
		CallingPlans: []string{"US/CA Unlimited"}, DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s"})
	people := [][4]string{{"jose.nunez", "José", "Núñez", "1101"}, {"liam.oconnor", "Liam", "O'Connor", ""},
		{"priya.raman", "Priya", "Raman", "1103"}, {"wei.chen", "Wei", "Chen", "1104"}}
	for _, p := range people {
		i, _ := d.AddUser(p[0] + "@example.com")
		d.Users[i].FirstName, d.Users[i].LastName, d.Users[i].ExtensionNumber = p[1], p[2], p[3]
	}
	d.Users[0].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b20001")}
	d.Users[3].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b20001")}
	d.Users[2].PhoneNumbers = []string{"+1555"}
	return d
}

func newReview(d *state.Draft) (*Model, *common.Context) {
	ctx := &common.Context{Styles: styles.New(true), Draft: d, Width: 100, Height: 30,
		Now: func() time.Time { return time.Date(2025, 11, 26, 9, 0, 0, 0, time.UTC) }}
	m := New(ctx, common.Navigate{To: common.ReviewScreen}).(*Model)
	m.SetSize(100, 30)
	return m, ctx
}

func press(m *Model, k tea.KeyPressMsg) tea.Msg {
	_, cmd := m.Update(k)
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestErrorsComeBeforeWarningsGroupedByUserAndField(t *testing.T) {
	m, _ := newReview(problemDraft())
	seenWarning := false
	for i, p := range m.items {
		if p.Severity == state.Warning {
			seenWarning = true
		} else if seenWarning {
			t.Fatalf("error after a warning at %d: %v", i, m.items)
		}
		if i > 0 && m.items[i-1].Severity == p.Severity && m.items[i-1].User > p.User {
			t.Fatalf("users out of order at %d: %v", i, m.items)
		}
	}
	if len(m.items.Errors()) == 0 {
		t.Fatalf("no errors found in a draft with a duplicate MAC: %v", m.items)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Errors (") || !strings.Contains(v, "these block submit") {
		t.Fatalf("errors section missing:\n%s", v)
	}
}

func TestEnterNavigatesToTheProblemsUserAndField(t *testing.T) {
	m, _ := newReview(problemDraft())
	for i, p := range m.items {
		if p.User == 3 && strings.HasPrefix(p.Field, "desk_phones") {
			m.cursor = i
		}
	}
	want := m.items[m.cursor]
	msg := press(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	nav, ok := msg.(common.Navigate)
	if !ok || nav.To != common.UserScreen || nav.User != want.User || nav.Field != want.Field {
		t.Fatalf("enter sent %#v, want Navigate to user %d field %s", msg, want.User, want.Field)
	}
}

func TestSubmitIsRefusedWhileErrorsRemain(t *testing.T) {
	m, _ := newReview(problemDraft())
	msg := press(m, tea.KeyPressMsg{Code: 's', Text: "s"})
	em, ok := msg.(common.ErrorMsg)
	if !ok || !strings.Contains(em.Err.Error(), "block submit") {
		t.Fatalf("s with errors sent %#v, want an error saying what blocks", msg)
	}
}

func TestSubmitGoesToResultsWhenClean(t *testing.T) {
	d := problemDraft()
	d.Users = d.Users[:1]
	m, _ := newReview(d)
	if m.problems().Blocking() {
		t.Fatalf("one-user draft unexpectedly blocked: %v", m.problems())
	}
	msg := press(m, tea.KeyPressMsg{Code: 's', Text: "s"})
	if nav, ok := msg.(common.Navigate); !ok || nav.To != common.ResultsScreen {
		t.Fatalf("s sent %#v, want Navigate to results", msg)
	}
}

func TestJShowsTheExactRequestBody(t *testing.T) {
	d := problemDraft()
	m, _ := newReview(d)
	press(m, tea.KeyPressMsg{Code: 'j', Text: "j"})
	if !m.showJSON {
		t.Fatal("j did not open the request body")
	}
	raw, err := submit.Body(d)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	_ = json.Unmarshal(raw, &want)
	m.body.SetHeight(1000)
	content := ansi.Strip(m.body.View())
	if err := json.Unmarshal([]byte(strings.TrimSpace(content)), &got); err != nil {
		t.Fatalf("shown body is not the JSON: %v\n%s", err, content)
	}
	if wb, _ := json.Marshal(want); string(wb) != func() string { b, _ := json.Marshal(got); return string(b) }() {
		t.Fatalf("shown body differs from submit.Body")
	}
	press(m, tea.KeyPressMsg{Code: 'j', Text: "j"})
	if m.showJSON {
		t.Fatal("j again did not close the body")
	}
}

func TestShownRevalidatesAfterAFix(t *testing.T) {
	d := problemDraft()
	m, _ := newReview(d)
	before := len(m.items)
	d.Users[3].DeskPhones[0].MAC = "805ec0b20004"
	m.Update(common.Shown{})
	if len(m.items) >= before {
		t.Fatalf("fixing the duplicate MAC left %d problems (was %d)", len(m.items), before)
	}
}

func TestGoldenReview(t *testing.T) {
	m, _ := newReview(problemDraft())
	golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
}
