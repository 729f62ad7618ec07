package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"zpadd/ui/common"
)

// Golden frames at 100×30 (plain text): run with -update to rewrite.

func TestGoldenHome(t *testing.T) {
	e := newEnv(t)
	tenUserDraft(t, e, 4)
	a := offlineApp(t, e)
	send(t, a, common.Shown{})
	golden.RequireEqual(t, []byte(screen(a)))
}

func TestGoldenBatchTable(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 4)
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	golden.RequireEqual(t, []byte(screen(a)))
}

func TestGoldenUserForm(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 4)
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, press("<down><enter>")...)
	golden.RequireEqual(t, []byte(screen(a)))
}

func TestGoldenReview(t *testing.T) {
	e := newEnv(t)
	d := tenUserDraft(t, e, 4)
	d.Users[1].ExtensionNumber = ""                    // an error: required
	d.Users[3].PhoneNumbers = []string{"+16468201999"} // a warning: caller ID blank
	if err := e.store.Save(d); err != nil {
		t.Fatal(err)
	}
	a := offlineApp(t, e)
	send(t, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	send(t, a, press("r")...)
	golden.RequireEqual(t, []byte(screen(a)))
}
