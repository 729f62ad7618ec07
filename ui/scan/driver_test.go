package scan

import (
	"reflect"
	"time"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/ui/styles"
)

// driver plays the shell for one screen: it delivers messages, runs the
// commands that come back (dropping ones that wait, like flash timers) and
// feeds their messages to the screen again, counting what the shell would
// act on.
type driver struct {
	screen  common.Screen
	ctx     *common.Context
	bells   int
	changes int
	back    bool
}

func newDriver(d *state.Draft, cat *state.Catalog) *driver {
	ctx := &common.Context{Styles: styles.New(true), Draft: d, Catalog: cat, Width: 100, Height: 24,
		Now: func() time.Time { return time.Date(2025, 11, 26, 9, 0, 0, 0, time.UTC) }}
	s := New(ctx, common.Navigate{To: common.ScanScreen})
	s.SetSize(100, 24)
	return &driver{screen: s, ctx: ctx}
}

func (dr *driver) send(msg tea.Msg) {
	s, cmd := dr.screen.Update(msg)
	dr.screen = s
	for _, m := range run(cmd) {
		switch m.(type) {
		case common.Bell:
			dr.bells++
		case common.DraftChanged:
			dr.changes++
		case common.Back:
			dr.back = true
		default:
			dr.send(m)
		}
	}
}

// scan types s as a scanner does: one key message per character, Enter at
// the end, no render in between.
func (dr *driver) scan(s string) {
	for _, r := range s {
		dr.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	dr.send(tea.KeyPressMsg{Code: tea.KeyEnter})
}

func (dr *driver) key(k tea.KeyPressMsg) { dr.send(k) }

// run executes a command, flattening batches and sequences; commands that
// do not answer at once (timers) are dropped.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(50 * time.Millisecond):
		return nil
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, run(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}
