package numberpicker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// BenchmarkNumberPickerKey measures one filter key press (Update + View) over
// 10,000 numbers in this picker and in huh's filterable MultiSelect holding
// the same options, run side by side, and this picker alone over a large
// account's 50,000 (the goal: under 1 ms a key). Each iteration alternates
// typing a digit and deleting it, so both pickers repeat the same narrowing
// and widening forever instead of running out of matches. The "new digit"
// cases type a different digit each time, so no earlier result can be
// reused: every typed key really narrows.
func BenchmarkNumberPickerKey(b *testing.B) {
	nums := testNumbers(10000)
	keys := []tea.KeyPressMsg{
		{Code: '5', Text: "5"},
		{Code: tea.KeyBackspace},
	}
	var newDigit []tea.KeyPressMsg
	for d := '0'; d <= '9'; d++ {
		newDigit = append(newDigit, tea.KeyPressMsg{Code: d, Text: string(d)}, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}

	b.Run("zpadd", func(b *testing.B) { benchmarkPickerKeys(b, nums, keys) })
	b.Run("zpadd-50k", func(b *testing.B) { benchmarkPickerKeys(b, testNumbers(50000), keys) })
	b.Run("zpadd-50k-new-digit", func(b *testing.B) { benchmarkPickerKeys(b, testNumbers(50000), newDigit) })

	b.Run("huh", func(b *testing.B) {
		opts := make([]huh.Option[string], len(nums))
		for i, n := range nums {
			opts[i] = huh.NewOption(n, n)
		}
		var picked []string
		form := huh.NewForm(huh.NewGroup(
			huh.NewMultiSelect[string]().Title("Phone numbers").
				Options(opts...).Filterable(true).Limit(10).Height(20).Value(&picked),
		)).WithWidth(100).WithHeight(20)
		var model huh.Model = form
		_ = form.Init()                                                // focuses the field; its commands are cursor blinks, not needed here
		model, _ = model.Update(tea.KeyPressMsg{Code: '/', Text: "/"}) // enter filter mode
		model, _ = model.Update(tea.KeyPressMsg{Code: '2', Text: "2"})
		if !strings.Contains(ansi.Strip(form.View()), "/2") {
			b.Fatalf("huh form not filtering; view:\n%s", form.View())
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			model, _ = model.Update(keys[i%2])
			_ = form.View()
		}
	})
}

// benchmarkPickerKeys presses keys in turn (Update + View) on a picker over
// nums that already shows the filter "2".
func benchmarkPickerKeys(b *testing.B, nums []string, keys []tea.KeyPressMsg) {
	m := New(nums, nil, 10)
	m.SetSize(100, 20)
	m = typeText(m, "2")
	_ = m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, _ = m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}
