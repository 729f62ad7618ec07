// Package submit is the one home of zpadd's submit workflow, shared by the
// TUI and the headless commands: catalog refresh, user and MAC lookups,
// pre-flight (local rules plus live checks against Zoom), the journalled
// POST /phone/users/batch with every outcome Zoom may give (created,
// refused per user or all-or-nothing, refused for size, rate limited, lost
// on the wire), reconcile by reading users back, verification of what was
// created, and watching new desk phones come online.
//
// Zoom has no idempotency key, so the rule throughout is: a user is POSTed
// again only when Zoom certainly did not act on the earlier request.
package submit

import (
	"io"
	"log/slog"
	"sync"
	"time"

	"zpadd/state"
	"zpadd/zoom"
)

// Options tune a Service. The zero value is usable.
type Options struct {
	// WatchInterval is how often Watch polls the batch's desk phones at
	// first and after a change (default 5s; Zoom asks clients to poll
	// politely).
	WatchInterval time.Duration
	// WatchMaxInterval is the longest wait between polls while nothing
	// changes (default 60s).
	WatchMaxInterval time.Duration
	// WatchFor is how long Watch follows phones that do not all come
	// online before it stops by itself (default 30m).
	WatchFor time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Logger receives the workflow's log lines; never the terminal.
	Logger *slog.Logger
	// Store, when set, gets the draft's status after a submit
	// ("submitted", "partial", "unknown").
	Store *state.Store
	// PostTimeout bounds the POST and the reconcile that follows it; they
	// run detached from the caller's cancellation so an outcome is always
	// recorded (default 90s).
	PostTimeout time.Duration
	// RetryWait is the first backoff step after a rate-limit 429 that named
	// no Retry-After (default 1s; tests make it small).
	RetryWait time.Duration
	// MaxRateLimitRetries bounds the resends after rate-limit 429s (default 5).
	MaxRateLimitRetries int
	// PreflightReuse lets Submit reuse a clean pre-flight of the very same
	// request body run this recently, with no POST since, instead of reading
	// everything again (default 60s; negative disables).
	PreflightReuse time.Duration
}

// Service runs the workflow against one Zoom client, one home and one
// journal. It is safe for concurrent use.
type Service struct {
	c    *zoom.Client
	home state.Home
	j    *state.Journal
	o    Options
	log  *slog.Logger

	mu        sync.Mutex
	catalog   *state.Catalog // the one refreshed in this run, if any
	onDisk    parsedCatalog  // the cached file as last parsed (diskCatalog)
	taken     []takenUsers   // created in this run: pruned from later catalogs
	lastCheck preflightRecord

	// cacheMu makes the cached catalog file one writer's at a time (a
	// refresh landing while a submit prunes); see cacheCatalog.
	cacheMu sync.Mutex

	work inflight // submits, reconciles and watches running in this process
}

// preflightRecord remembers the last clean pre-flight (the sha256 of its
// request body, and when), so a Submit right after a Review does not read
// everything a second time.
type preflightRecord struct {
	hash string
	at   time.Time
}

// New builds a Service. j may be nil only for read-only uses (lookups,
// pre-flight, watch); Submit and Reconcile need a journal.
func New(c *zoom.Client, home state.Home, j *state.Journal, o Options) *Service {
	if o.WatchInterval <= 0 {
		o.WatchInterval = 5 * time.Second
	}
	if o.WatchMaxInterval <= 0 {
		o.WatchMaxInterval = time.Minute
	}
	if o.WatchFor <= 0 {
		o.WatchFor = 30 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.PostTimeout <= 0 {
		o.PostTimeout = 90 * time.Second
	}
	if o.RetryWait <= 0 {
		o.RetryWait = time.Second
	}
	if o.MaxRateLimitRetries <= 0 {
		o.MaxRateLimitRetries = 5
	}
	if o.PreflightReuse == 0 {
		o.PreflightReuse = 60 * time.Second
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Service{c: c, home: home, j: j, o: o, log: log}
}

// Client returns the Zoom client the service uses (for request counts).
func (s *Service) Client() *zoom.Client { return s.c }
