package pickers

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"zpadd/ui/styles"
)

// Enter in a multi picker with nothing ticked chooses the highlighted item
// (not an empty list); with ticks, exactly the ticked ones.
func TestMultiEnterWithoutTicksTakesTheHighlightedItem(t *testing.T) {
	items := []Item{{Value: "US/CA Metered"}, {Value: "US/CA Unlimited"}, {Value: "Pro"}}
	m := New(styles.New(true), "Calling plans", items, true, 0)
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	m, res := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if res != Chosen || len(m.Values()) != 1 || m.Values()[0] != "US/CA Unlimited" {
		t.Fatalf("enter without ticks: %v %v, want [US/CA Unlimited]", res, m.Values())
	}

	m = New(styles.New(true), "Calling plans", items, true, 0)
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if v := m.Values(); len(v) != 1 || v[0] != "US/CA Metered" {
		t.Fatalf("enter with a tick: %v, want only the ticked [US/CA Metered]", v)
	}

	disabled := []Item{{Value: "Power Pack", Disabled: true}}
	m = New(styles.New(true), "Calling plans", disabled, true, 0)
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if v := m.Values(); len(v) != 0 {
		t.Fatalf("enter chose a disabled item: %v", v)
	}
}
