// Package common is the contract between the wizard's shell (package ui) and
// its screens (home, defaults, batch, user, scan, review, results, ...).
//
// The shell owns the frame (header with breadcrumb, SANDBOX badge, account
// and catalog age; the flash/status line; the help line; "make the window
// larger"), the navigation stack, saving, locking and quitting. A screen
// owns its body and its keys: it renders only its own area (Context.Width ×
// Context.Height, already net of header and footer), and talks to the shell
// only through the messages of this package, returned as tea.Cmds.
//
// Rules every screen follows:
//   - Mutate Context.Draft in place, then return Changed() so the shell
//     saves it now (a failed save is shown; the draft stays in memory).
//     When Context.ReadOnly is true, do not mutate: show why instead.
//   - Never block in Update: network calls (Context.Service) run inside a
//     tea.Cmd and come back as messages.
//   - Errors go back as ErrorMsg (Error(err)); short confirmations as
//     StatusMsg (Status("saved")); a rejected scan as Bell{}.
//   - ctrl+c is the shell's (save and quit, asks nothing): never bind it.
//   - While a text field has focus, single-letter shortcuts are off and the
//     screen reports it through TextCapturer, so the shell leaves "?" alone.
package common
