package numberpicker

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkNumberPickerKey50000 is BenchmarkNumberPickerKey's zpadd case
// over a large account's 50,000 numbers (the goal: under 1 ms a key).
func BenchmarkNumberPickerKey50000(b *testing.B) {
	nums := testNumbers(50000)
	keys := []tea.KeyPressMsg{{Code: '5', Text: "5"}, {Code: tea.KeyBackspace}}
	m := New(nums, nil, 10)
	m.SetSize(100, 20)
	m = typeText(m, "2")
	_ = m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, _ = m.Update(keys[i%2])
		_ = m.View()
	}
}
