package common

import (
	"time"

	"zpadd/state"
	"zpadd/ui/styles"
	"zpadd/zoom/submit"
)

// Context is shared by the shell and every screen (one pointer for the
// whole run). The shell keeps Width/Height, Catalog and Draft current;
// screens read Catalog and Draft on every View/Update rather than copying
// them (the size also comes through Screen.SetSize).
type Context struct {
	Styles *styles.Styles

	// Back ends. Service may be used only inside tea.Cmds (it does network
	// I/O). Store and Journal are local disk.
	Home    state.Home
	Store   *state.Store
	Journal *state.Journal
	Service *submit.Service

	// Catalog is the account's sites, templates, plans, numbers, devices...
	// It may be nil (never fetched) and is replaced, never mutated, when the
	// background refresh lands (screens then get CatalogUpdated).
	Catalog *state.Catalog
	// CatalogStale is true while Catalog comes from the disk cache and the
	// refresh has not succeeded yet.
	CatalogStale bool

	// Draft is the open draft (nil on Home before one is opened). Screens
	// mutate it in place and return Changed(). Only the UI goroutine may
	// touch it: work in goroutines gets Draft.Clone().
	Draft *state.Draft
	// Session holds the open draft's lock, saves it and submits it (nil on
	// Home).
	Session *submit.Session
	// ReadOnly is true when Draft is locked by another zpadd: screens show it
	// and must not modify the draft.
	ReadOnly bool

	Sandbox    bool     // show the SANDBOX badge; submits go to the simulator
	Account    string   // account display name for the header
	Profile    string   // account profile in use, "" for the default one
	Profiles   []string // stored profiles, for Home's switch
	Accessible bool     // --accessible / ACCESSIBLE=1: prefer huh's accessible prompts

	// Width and Height are the screen body's size (net of header, status and
	// help lines), as also passed to Screen.SetSize.
	Width, Height int

	// Lookups is what Zoom said about each email looked up in this run
	// (keyed by state.EmailKey); see LookupEmail and Remember.
	Lookups map[string]submit.UserLookup

	// Now is the clock (tests pin it for golden files).
	Now func() time.Time
}

// Time returns ctx.Now() or time.Now() when no clock is set.
func (c *Context) Time() time.Time {
	if c == nil || c.Now == nil {
		return time.Now()
	}
	return c.Now()
}
