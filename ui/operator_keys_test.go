package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"zpadd/zoom/sandbox"
)

// keyCount tallies what an operator presses: command keys (named keys and
// one-letter commands such as n, s, r), filter characters typed into
// pickers, and data (emails pasted, MACs scanned, with the scanner's own
// enter). Non-data keys are the first two.
type keyCount struct {
	commands, filtered, data int
}

func (k keyCount) nonData() int { return k.commands + k.filtered }

// operator sends keys to the program and counts them by kind.
type operator struct {
	tm *teatest.TestModel
	keyCount
}

// cmd presses command keys ("<enter>", "s", "<esc>").
func (o *operator) cmd(s string) {
	o.commands += len(press(s))
	typeKeys(o.tm, s)
}

// filter types text into a picker (or onto a picker field, which opens it).
func (o *operator) filter(s string) {
	o.filtered += utf8.RuneCountInString(s)
	typeKeys(o.tm, s)
}

// scan is a barcode scanner's burst: data, enter included.
func (o *operator) scan(mac string) {
	o.data += len(press(mac + "<enter>"))
	typeKeys(o.tm, mac+"<enter>")
}

// paste is a bracketed paste of the ticket's emails: data.
func (o *operator) paste(text string) {
	o.data += utf8.RuneCountInString(text)
	o.tm.Send(tea.PasteMsg{Content: text})
}

// The helpdesk ticket: four new starters at London, a number each, a Poly
// VVX phone each. With batch defaults (site, plan, "next free number",
// brand, model, provision template) and a paste, every user after the
// first costs no non-data key at all: the per-user cost is the scan. The
// goal is at most 3 non-data keys per user after the first (5 at most).
func TestFlowLondonTicketKeysPerUser(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	tm, spy := startApp(t, w.env)
	op := &operator{tm: tm}
	spy.waitFrame(t, "new batch")

	op.cmd("n")
	spy.waitFrame(t, "Applied to each new user")
	op.filter("lon")
	spy.waitFrame(t, "London")
	op.cmd("<enter>") // site → London; its only user template is filled too
	spy.waitFrame(t, "London Standard User")
	op.filter("uk unl")
	op.cmd("<enter>") // plans → UK/Ireland Unlimited
	spy.waitFrame(t, "UK/Ireland Unlimited")
	op.cmd("<enter>") // phone number → next free at the site
	spy.waitFrame(t, "next free number at the site")
	op.cmd("<down>")
	op.filter("polycom")
	op.cmd("<enter>")
	op.filter("vvx450")
	op.cmd("<enter>")
	op.filter("lon")
	op.cmd("<enter>")
	spy.waitFrame(t, "London Polycom")
	op.cmd("<esc>")
	spy.waitFrame(t, "no users yet")
	setup := op.keyCount

	emails := []string{"grace.wilson@example.com", "henry.moore@example.com", "isabel.taylor@example.com", "jack.anderson@example.com"}
	op.paste(strings.Join(emails, "\n"))
	spy.waitFrame(t, "4 of 10", "Wilson", "Anderson")
	op.cmd("s")
	spy.waitFrame(t, "Scan the MAC barcode")
	for _, mac := range []string{"64:16:7F:A0:00:01", "64:16:7F:A0:00:02", "64:16:7F:A0:00:03", "64:16:7F:A0:00:04"} {
		op.scan(mac)
	}
	spy.waitFrame(t, "4 of 4 users have a desk phone")
	op.cmd("<esc>")
	spy.waitFrame(t, "4 of 10")
	op.cmd("r")
	spy.waitFrame(t, "✓ checked with Zoom", "no problems")
	op.cmd("s")
	f := spy.waitFrame(t, "✓ verified     4 of 4")
	if n := strings.Count(f, "✓ created"); n != 4 {
		t.Fatalf("%d users created, want 4:\n%s", n, f)
	}
	quit(t, tm)

	total := op.keyCount
	afterSetup := total.nonData() - setup.nonData()
	// The keys after the defaults are per batch (paste, s, esc, r, s), not
	// per user; spread over the 3 users after the first they are what each
	// one costs at most.
	perExtraUser := float64(afterSetup) / 3
	t.Logf("London ticket, 4 users: %d non-data keys in all (%d commands, %d filter characters); defaults %d; after the defaults %d, i.e. %.1f per user after the first; data %d",
		total.nonData(), total.commands, total.filtered, setup.nonData(), afterSetup, perExtraUser, total.data)
	if perExtraUser > 3 {
		t.Errorf("%.1f non-data keys per user after the first, want at most 3", perExtraUser)
	}
	for _, email := range emails {
		pu, err := w.client.GetPhoneUser(context.Background(), email)
		if err != nil {
			t.Fatalf("%s not created: %v", email, err)
		}
		if len(pu.PhoneNumbers) != 1 {
			t.Errorf("%s has numbers %v, want one from the default", email, pu.PhoneNumbers)
		}
	}

	// One user, right now: `zpadd add EMAIL` with the last-used defaults.
	// The cached catalog is refreshed first: pruning it after a submit is
	// issue #9's, and a stale cache would offer the extensions just taken.
	if _, err := w.service.RefreshCatalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	o := w.env.options()
	o.StartEmails = []string{"zoe.clarke@example.com"}
	spy = newFrameSpy(newApp(context.Background(), o))
	tm = teatest.NewTestModel(t, spy, teatest.WithInitialTermSize(100, 30))
	one := &operator{tm: tm}
	spy.waitFrame(t, "1 of 10", "Clarke")
	one.cmd("s")
	spy.waitFrame(t, "Scan the MAC barcode")
	one.scan("64:16:7F:A0:00:05")
	spy.waitFrame(t, "1 of 1 users have a desk phone")
	one.cmd("<esc>")
	spy.waitFrame(t, "1 of 10")
	one.cmd("r")
	spy.waitFrame(t, "✓ checked with Zoom", "no problems")
	one.cmd("s")
	spy.waitFrame(t, "✓ verified     1 of 1")
	quit(t, tm)
	t.Logf("zpadd add, one user: %d non-data keys", one.nonData())
	if one.nonData() > 5 {
		t.Errorf("zpadd add took %d non-data keys, want at most 5", one.nonData())
	}
	if _, err := w.client.GetPhoneUser(context.Background(), "zoe.clarke@example.com"); err != nil {
		t.Fatalf("zpadd add user not created: %v", err)
	}
}

// The same ticket typed user by user instead of pasted: each user after
// the first costs `a`, the email (data) and esc; the number, extension,
// caller ID, template, plan and phone model come from the defaults.
func TestFlowLondonUsersOneByOneKeysPerUser(t *testing.T) {
	w := newSandboxWorld(t, sandbox.Options{})
	tm, spy := startApp(t, w.env)
	op := &operator{tm: tm}
	spy.waitFrame(t, "new batch")
	op.cmd("n")
	spy.waitFrame(t, "Applied to each new user", "catalog just now")
	op.filter("lon")
	spy.waitFrame(t, "London")
	op.cmd("<enter>")
	spy.waitFrame(t, "London Standard User")
	op.filter("uk unl")
	op.cmd("<enter>")
	spy.waitFrame(t, "Phone number        none")
	op.cmd("<enter>")
	spy.waitFrame(t, "next free number at the site")
	op.cmd("<esc>")
	spy.waitFrame(t, "no users yet")

	emails := []string{"grace.wilson@example.com", "henry.moore@example.com", "isabel.taylor@example.com", "jack.anderson@example.com"}
	perUser := make([]int, len(emails))
	for i, email := range emails {
		before := op.nonData()
		op.cmd("a")
		spy.waitFrame(t, "Email")
		typeKeys(tm, email) // data
		op.data += len(email)
		op.cmd("<esc>")
		spy.waitFrame(t, fmt.Sprintf("%d of 10", i+1))
		perUser[i] = op.nonData() - before
	}
	f := spy.waitFrame(t, "+44 20 3812 0003")
	quit(t, tm)
	t.Logf("one by one: non-data keys per user %v (the defaults took %d before)", perUser, op.nonData()-sum(perUser))
	for i, n := range perUser[1:] {
		if n > 3 {
			t.Errorf("user %d took %d non-data keys, want at most 3", i+2, n)
		}
	}
	if strings.Count(f, "+44 20 3812 000") != 4 {
		t.Errorf("not every user got a number from the default:\n%s", f)
	}
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}
