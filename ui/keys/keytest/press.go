// Package keytest turns the key names of a key.Binding back into key
// presses, so a test can press every key a screen's help shows.
package keytest

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

var named = map[string]rune{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "space": tea.KeySpace,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "home": tea.KeyHome, "end": tea.KeyEnd,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
}

var mods = map[string]tea.KeyMod{"ctrl": tea.ModCtrl, "alt": tea.ModAlt, "shift": tea.ModShift}

// Press is the key press whose String() is name ("ctrl+u", "alt+1",
// "shift+tab", "a"), which is what key.Matches compares.
func Press(name string) tea.KeyPressMsg {
	var k tea.KeyPressMsg
	parts := strings.Split(name, "+")
	if name == "+" {
		parts = []string{"+"}
	}
	for _, p := range parts[:len(parts)-1] {
		mod, ok := mods[p]
		if !ok {
			panic("keytest: unknown modifier in " + name)
		}
		k.Mod |= mod
	}
	last := parts[len(parts)-1]
	if code, ok := named[last]; ok {
		k.Code = code
		if code == tea.KeySpace && k.Mod == 0 {
			k.Text = " "
		}
	} else {
		r := []rune(last)
		if len(r) != 1 {
			panic("keytest: unknown key " + name)
		}
		k.Code = r[0]
		if k.Mod == 0 {
			k.Text = last
		}
	}
	if k.String() != name {
		panic("keytest: " + name + " reads back as " + k.String())
	}
	return k
}
