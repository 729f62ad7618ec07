package results

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/submit"
)

// createdFrame is the results of two created users with verified desk
// phones, laid out at w columns.
func createdFrame(t *testing.T, w int) string {
	t.Helper()
	d := state.NewDraft("ids", state.Defaults{DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s"})
	for k, email := range []string{"maria.gonzalez@example.com", "li.wu@example.com"} {
		i, _ := d.AddUser(email)
		d.Users[i].FirstName, d.Users[i].LastName = []string{"María", "Li"}[k], []string{"González", "Wu"}[k]
		d.Users[i].ExtensionNumber = []string{"2101", "2102"}[k]
		d.Users[i].DeskPhones = []state.DeskPhone{d.NewDeskPhone([]string{"805ec0b20011", "805ec0b20012"}[k])}
	}
	ctx := &common.Context{Styles: styles.New(true), Draft: d, Now: steppingClock()}
	m := New(ctx, common.Navigate{To: common.ResultsScreen}).(*Model)
	m.SetSize(w, 30)
	m.started = true
	ok := func(name string) *state.Check { return &state.Check{Name: name, OK: true} }
	evs := []submit.Event{{Kind: submit.Sent, User: -1, Status: "201 Created"}}
	for k := range 2 {
		evs = append(evs,
			submit.Event{Kind: submit.UserCreated, User: k, Message: zoomID(k)},
			submit.Event{Kind: submit.UserVerified, User: k, Check: ok(submit.CheckExtension)},
			submit.Event{Kind: submit.UserVerified, User: k, Check: ok(submit.CheckDeskPhone)})
	}
	m.Update(eventsMsg{src: fromSubmit, events: evs})
	frame := ansi.Strip(m.View())
	for _, l := range strings.Split(frame, "\n") {
		if ansi.StringWidth(l) > w {
			t.Fatalf("line wider than %d: %q", w, l)
		}
	}
	return frame
}

// At 100 columns each created user's whole Zoom id is shown beside
// "created" (DESIGN.md step 7: "created (with id)").
func TestResultsShowWholeZoomIDAt100(t *testing.T) {
	frame := createdFrame(t, 100)
	for k, name := range []string{"María González", "Li Wu"} {
		line := rowOf(t, frame, name)
		if !strings.Contains(line, "✓ created    "+zoomID(k)) {
			t.Errorf("row %q does not show id %s after created", line, zoomID(k))
		}
	}
}

// At 60 columns there is no room for the id next to whole names: the id
// goes, the names stay whole, and nothing wraps.
func TestResultsDropZoomIDBeforeCuttingNamesAt60(t *testing.T) {
	frame := createdFrame(t, 60)
	if strings.Contains(frame, zoomID(0)[:6]) || strings.Contains(frame, " id ") {
		t.Errorf("id shown at 60 columns:\n%s", frame)
	}
	rowOf(t, frame, "Li Wu")
	// The long name is cut only by the 12-column minimum the table already
	// had, never for the id.
	if line := rowOf(t, frame, "María Gonzá"); strings.Contains(line, "KdYk") {
		t.Errorf("id beside a cut name: %q", line)
	}
}

// rowOf is the table line holding name.
func rowOf(t *testing.T, frame, name string) string {
	t.Helper()
	for _, l := range strings.Split(frame, "\n") {
		if strings.Contains(l, name) {
			return l
		}
	}
	t.Fatalf("no row for %q in\n%s", name, frame)
	return ""
}
