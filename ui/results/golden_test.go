package results

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
	"zpadd/zoom/submit"
)

// steppingClock advances 100 ms per reading, so elapsed times are fixed.
func steppingClock() func() time.Time {
	t := time.Date(2025, 11, 26, 9, 14, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(100 * time.Millisecond)
		return t
	}
}

// Golden frame (100×30, plain text) of the results after a submit where
// Zoom refused one user's desk phone and the watch saw one phone online:
// run with -update to rewrite.
func TestGoldenResults(t *testing.T) {
	d := state.NewDraft("Onboarding 26 Nov", state.Defaults{DeskPhoneBrand: "Yealink", DeskPhoneModel: "t46s"})
	people := [][3]string{{"José", "Núñez", "1101"}, {"Liam", "O'Connor", "1102"}, {"Priya", "Raman", "1103"}, {"Wei", "Chen", "1104"}}
	for k, p := range people {
		i, _ := d.AddUser(map[int]string{0: "jose.nunez", 1: "liam.oconnor", 2: "priya.raman", 3: "wei.chen"}[k] + "@example.com")
		d.Users[i].FirstName, d.Users[i].LastName, d.Users[i].ExtensionNumber = p[0], p[1], p[2]
	}
	d.Users[0].PhoneNumbers = []string{"+16468201030"}
	d.Users[0].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b20001")}
	d.Users[1].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0b20002")}
	d.Users[3].DeskPhones = []state.DeskPhone{d.NewDeskPhone("805ec0a10004")}

	ctx := &common.Context{Styles: styles.New(true), Draft: d, Now: steppingClock()}
	m := New(ctx, common.Navigate{To: common.ResultsScreen}).(*Model)
	m.SetSize(100, 30)
	m.started = true
	ok := func(name string) *state.Check { return &state.Check{Name: name, OK: true} }
	evs := []submit.Event{
		{Kind: submit.PreflightStarted, User: -1},
		{Kind: submit.PreflightDone, User: -1, Status: "ok", Message: "0 error(s), 0 warning(s)"},
		{Kind: submit.Sending, User: -1, Message: "adding 4 user(s)"},
		{Kind: submit.Sent, User: -1, Status: "201 Created", Elapsed: 200 * time.Millisecond},
		{Kind: submit.UserCreated, User: 0, Message: zoomID(0)},
		{Kind: submit.UserCreated, User: 1, Message: zoomID(1)},
		{Kind: submit.UserCreated, User: 2, Message: zoomID(2)},
		{Kind: submit.Reconciling, User: -1, Message: "reading back 1 user(s) to learn what Zoom did"},
		{Kind: submit.UserRefused, User: 3, Field: "desk_phones[0].mac", Message: "desk_phones[0].mac: MAC address already registered"},
		{Kind: submit.UserVerified, User: 0, Check: ok(submit.CheckExtension)},
		{Kind: submit.UserVerified, User: 0, Check: ok(submit.CheckNumbers)},
		{Kind: submit.UserVerified, User: 0, Check: ok(submit.CheckDeskPhone)},
		{Kind: submit.UserVerified, User: 1, Check: ok(submit.CheckExtension)},
		{Kind: submit.UserVerified, User: 1, Check: ok(submit.CheckDeskPhone)},
		{Kind: submit.UserVerified, User: 2, Check: ok(submit.CheckExtension)},
	}
	m.Update(eventsMsg{src: fromSubmit, events: evs})
	sub := &state.Submission{DraftName: d.Name, Outcome: submit.OutcomeDone, Results: []state.UserResult{
		{Email: "jose.nunez@example.com", Status: "created", ID: zoomID(0)},
		{Email: "liam.oconnor@example.com", Status: "created", ID: zoomID(1)},
		{Email: "priya.raman@example.com", Status: "created", ID: zoomID(2)},
		{Email: "wei.chen@example.com", Status: "failed", Field: "desk_phones[0].mac", Error: "desk_phones[0].mac: MAC address already registered"},
	}}
	m.Update(submitted{sub: sub})
	m.watching = true
	m.Update(eventsMsg{src: fromWatch, events: []submit.Event{
		{Kind: submit.DeviceChanged, User: 0, Device: &submit.DeviceStatus{User: 0, MAC: "805ec0b20001", Status: "online"}},
		{Kind: submit.DeviceChanged, User: 1, Device: &submit.DeviceStatus{User: 1, MAC: "805ec0b20002", Status: "offline"}},
	}})
	golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
}

// zoomID is a user id shaped like Zoom's (22 URL-safe base64 letters).
func zoomID(k int) string { return fmt.Sprintf("KdYk%dx3vQ2mZpL8rT0aWcE", k)[:22] }
