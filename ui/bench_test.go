package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"zpadd/ui/common"
)

// BenchmarkBatchScreenKey measures one key press on the batch table of 10
// full users: the shell's Update plus a full frame (goal < 1 ms).
func BenchmarkBatchScreenKey(b *testing.B) {
	e := newEnv(b)
	d := tenUserDraft(b, e, 10)
	a := offlineApp(b, e)
	send(b, a, common.Navigate{To: common.BatchScreen, DraftID: d.ID})
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	up := tea.KeyPressMsg{Code: tea.KeyUp}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i%20 >= 10 {
			k = up
		}
		a.Update(k)
		_ = a.View()
	}
}
