package submit

import (
	"sync"
	"time"

	"zpadd/state"
)

// EventKind says what an Event reports.
type EventKind int

// The kinds of Event, in roughly the order a submit produces them.
const (
	// PreflightStarted: the live checks of a draft began.
	PreflightStarted EventKind = iota
	// CheckDone: one check of one user (User, Email, Field) finished;
	// Status is "ok", "error" or "warning" and Message says why.
	CheckDone
	// PreflightDone: every check finished; Message summarises.
	PreflightDone
	// Sending: a POST /phone/users/batch is about to go out (Message names
	// how many users it carries).
	Sending
	// Sent: Zoom answered the POST (Status is the HTTP outcome, Elapsed the
	// round trip).
	Sent
	// UserCreated: Zoom created the user (Message holds its id).
	UserCreated
	// UserRefused: Zoom refused the user; Field and Message say why.
	UserRefused
	// UserUnknown: whether Zoom created the user is still unclear.
	UserUnknown
	// Split: Zoom refused a batch for its size; it is being sent in parts.
	Split
	// RateLimited: Zoom answered 429 for a rate limit; Elapsed is the wait.
	RateLimited
	// Reconciling: users are being read back to learn what Zoom did.
	Reconciling
	// UserVerified: one check of a created user finished (Check is set).
	UserVerified
	// DeviceChanged: a watched desk phone changed status (Device is set).
	DeviceChanged
	// Done: the operation finished; Message summarises.
	Done
)

var eventKindNames = [...]string{
	PreflightStarted: "preflight-started",
	CheckDone:        "check-done",
	PreflightDone:    "preflight-done",
	Sending:          "sending",
	Sent:             "sent",
	UserCreated:      "user-created",
	UserRefused:      "user-refused",
	UserUnknown:      "user-unknown",
	Split:            "split",
	RateLimited:      "rate-limited",
	Reconciling:      "reconciling",
	UserVerified:     "user-verified",
	DeviceChanged:    "device-changed",
	Done:             "done",
}

func (k EventKind) String() string {
	if int(k) >= 0 && int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return "unknown"
}

// Event is one step of a workflow, reported live to the TUI or the CLI.
// User is the index of the user in the draft, or -1 when the event is about
// the whole draft.
type Event struct {
	Kind    EventKind
	User    int
	Email   string
	Status  string
	Field   string
	Message string
	Elapsed time.Duration
	Check   *state.Check
	Device  *DeviceStatus
}

// DeviceStatus is the live state of one desk phone added by a submission.
type DeviceStatus struct {
	User   int
	Email  string
	MAC    string // 12 lowercase hex digits
	Brand  string
	Model  string
	Status string // "online" | "offline" | "missing" (not yet seen on the account)
	Since  time.Time
}

// emitter serialises calls to the caller's callback: the workflow reports
// from many goroutines, and the callback (a UI, a printer) should not need
// its own lock. A nil callback discards events.
type emitter struct {
	mu sync.Mutex
	fn func(Event)
}

func newEmitter(fn func(Event)) *emitter { return &emitter{fn: fn} }

func (e *emitter) emit(ev Event) {
	if e == nil || e.fn == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.fn(ev)
}
