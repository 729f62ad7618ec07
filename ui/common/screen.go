package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Screen is one page of the wizard. The shell keeps a stack of them; only
// the top one receives messages (key presses, paste, window size via
// SetSize, and every message its own commands produce).
type Screen interface {
	// Init runs when the screen is pushed (and again never): start spinners,
	// lookups, etc.
	Init() tea.Cmd
	// Update handles one message and returns the (possibly new) screen.
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View renders the screen's body only, at most Width×Height cells
	// (SetSize), without header or help line.
	View() string
	// SetSize tells the screen the size of its body area. Also called once
	// before Init and on every resize.
	SetSize(width, height int)
	// KeyMap feeds the help line (ShortHelp) and the full help on "?"
	// (FullHelp). Return only the keys that work right now.
	KeyMap() help.KeyMap
}

// TextCapturer is implemented by screens that have text fields. While
// CapturingText returns true the shell does not treat printable keys
// (such as "?") as its own; ctrl+c still saves and quits.
type TextCapturer interface {
	CapturingText() bool
}

// Titled is implemented by screens that want a breadcrumb segment other
// than their ScreenID's default (e.g. the draft's name, "user 3").
type Titled interface {
	Title() string
}

// Factory builds a screen for a navigation request. Each screen package
// exports one with this shape:
//
//	func New(ctx *common.Context, nav common.Navigate) common.Screen
//
// and the shell maps ScreenIDs to them (ui/app_screens.go).
type Factory func(ctx *Context, nav Navigate) Screen

// QuestionIsHelp is implemented by screens whose text fields never take a
// "?" (emails, names, extensions, numbers, MACs, picker filters): there "?"
// opens the help even while a field has focus.
type QuestionIsHelp interface {
	QuestionIsHelp() bool
}
