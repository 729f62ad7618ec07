package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Sandbox simulates Zoom's OAuth token endpoint and the REST endpoints zpadd
// uses, over one seeded account. It is an http.Handler and safe for
// concurrent use.
type Sandbox struct {
	mu     sync.Mutex
	opts   Options
	faults []Fault // unconsumed scripted faults, in order
	w      *world
	tokens map[string]issuedToken // access token → its expiry and scopes
	tokenStats
	mux *http.ServeMux

	// logMu guards log apart from mu: entries are written as a response
	// starts, while handlers may hold mu.
	logMu sync.Mutex
	log   []RequestLog
}

// RequestLog is one request the sandbox saw. Status is 0 when no response
// was sent (the connection was dropped or the client went away).
type RequestLog struct {
	Method string
	Path   string
	Query  string
	Status int
	Time   time.Time
}

// New returns a sandbox loaded with the seed o.Seed names. It panics if that
// seed does not exist or is inconsistent: seeds are embedded in the binary,
// and ParseBehaviours checks seed names given by people. Open returns the
// error instead.
func New(o Options) *Sandbox {
	s, err := Open(o)
	if err != nil {
		panic(err.Error())
	}
	return s
}

// Open is New returning an error for an unknown or inconsistent seed.
func Open(o Options) (*Sandbox, error) {
	w, err := loadSeed(o.Seed)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	if o.HostileNames {
		addHostile(w)
	}
	s := &Sandbox{w: w, tokens: map[string]issuedToken{}}
	s.setOptionsLocked(o)
	s.mux = s.routes()
	return s, nil
}

// Credentials returns the account id, client id and client secret the
// token endpoint accepts.
func (s *Sandbox) Credentials() (accountID, clientID, clientSecret string) {
	return s.w.acct.ID, s.w.acct.ClientID, s.w.acct.ClientSecret
}

// AccountName is the seeded account's display name, for headers that say
// which account zpadd is working on.
func (s *Sandbox) AccountName() string { return s.w.acct.Name }

// SetOptions switches behaviours at run time. The account state (users
// created so far, tokens issued) is kept; the seed cannot change. The
// scripted faults are replaced by o.Fail.
func (s *Sandbox) SetOptions(o Options) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setOptionsLocked(o)
}

func (s *Sandbox) setOptionsLocked(o Options) {
	o.Seed = s.w.ids.seed
	s.opts = o
	s.faults = append([]Fault(nil), o.Fail...)
	s.addPolyEdgeLocked()
}

// Options returns the behaviours in force (Fail lists the faults not yet
// consumed).
func (s *Sandbox) Options() Options {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.opts
	o.Fail = append([]Fault(nil), s.faults...)
	return o
}

// AddFault appends a scripted fault.
func (s *Sandbox) AddFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// Requests returns every request seen so far, oldest first.
func (s *Sandbox) Requests() []RequestLog {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return append([]RequestLog(nil), s.log...)
}

// CountRequests counts the requests seen with this method (empty: any)
// whose path starts with pathPrefix (with or without "/v2").
func (s *Sandbox) CountRequests(method, pathPrefix string) int {
	f := Fault{Method: method, Path: pathPrefix}
	n := 0
	for _, r := range s.Requests() {
		if f.matches(r.Method, r.Path) {
			n++
		}
	}
	return n
}

// statusWriter logs the request with its status as the response starts,
// so a client that has its answer also finds the request in the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	record func(status int)
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
		w.record(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// ServeHTTP answers POST /oauth/token and the /v2 endpoints.
func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	opts := s.opts
	start := opts.now()
	fault, faulted := s.takeFaultLocked(r.Method, r.URL.Path)
	s.mu.Unlock()

	logged := false
	record := func(status int) {
		s.logMu.Lock()
		s.log = append(s.log, RequestLog{Method: r.Method, Path: r.URL.Path, Query: redactQuery(r.URL.Query()), Status: status, Time: start})
		s.logMu.Unlock()
		logged = true
	}
	sw := &statusWriter{ResponseWriter: w, record: record}
	defer func() {
		if !logged { // the client went away: no response
			record(0)
		}
	}()
	sw.Header().Set("x-zm-trackingid", trackingID())
	// Zoom's responses carry a Date; in process nobody else adds one.
	sw.Header().Set("Date", start.Add(opts.ClockSkew).UTC().Format(http.TimeFormat))

	if !sleepCtx(r, opts.Latency) {
		return
	}
	if faulted {
		switch fault.Kind {
		case RateLimited:
			fault.writeRateLimited(sw, start)
			return
		case ServerError:
			fault.writeServerError(sw)
			return
		case ValidationAs429:
			fault.writeValidation429(sw)
			return
		case CommitThenDrop:
			// Do the work, throw the answer away and hang up.
			s.mux.ServeHTTP(httptest.NewRecorder(), r)
			// Logged before hanging up: a client that sees the connection
			// drop may count the requests at once.
			record(0)
			dropConnection(w)
			return
		}
	}
	s.mux.ServeHTTP(sw, r)
}

// takeFaultLocked consumes the first scripted fault matching the request.
func (s *Sandbox) takeFaultLocked(method, path string) (Fault, bool) {
	for i, f := range s.faults {
		if f.matches(method, path) {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			return f, true
		}
	}
	return Fault{}, false
}

// dropConnection closes the client's connection without a response: by
// hijacking it over a socket, or by aborting the handler in process.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// sleepCtx waits d unless the request is cancelled first; it reports
// whether the request is still wanted.
func sleepCtx(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return r.Context().Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// trackingID is a value for Zoom's x-zm-trackingid header.
func trackingID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "v=2.0;clid=sandbox;rid=WEB_" + hex.EncodeToString(b[:])
}

// redactQuery keeps a token sent by mistake in the query out of the log.
func redactQuery(q url.Values) string {
	if q.Has("access_token") {
		q.Set("access_token", "REDACTED")
	}
	return q.Encode()
}

func (s *Sandbox) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("POST /oauth/token", s.handleToken)
	api := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		m.HandleFunc(method+" /v2"+path, s.authorised(h))
	}
	api("GET /phone/sites", s.handleSites)
	api("GET /phone/sites/{siteId}", s.handleSite)
	api("GET /phone/setting_templates", s.handleSettingTemplates)
	api("GET /phone/calling_plans", s.handleCallingPlans)
	api("GET /phone/numbers", s.handleNumbers)
	api("GET /number_management/numbers", s.handleManagedNumbers)
	api("GET /phone/provision_templates", s.handleProvisionTemplates)
	api("GET /phone/devices", s.handleDevices)
	api("GET /phone/users", s.handlePhoneUsers)
	api("GET /phone/users/{userId}", s.handlePhoneUser)
	api("POST /phone/users/batch", s.handleBatchAnswer)
	api("PUT /phone/users/batch", s.handleBatchUpdate)
	api("GET /users/{userId}", s.handleUser)
	api("GET /phone/emergency_addresses", s.handleEmergencyAddresses)
	api("PATCH /phone/users/{userId}", s.handleUpdatePhoneUser)
	api("GET /phone/devices/{deviceId}", s.handleDevice)
	api("POST /phone/devices/{deviceId}/reboot", s.handleRebootDevice)
	api("POST /phone/devices/sync", s.handleSyncDevices)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, 404, fmt.Sprintf("The sandbox does not serve %s %s.", r.Method, r.URL.Path))
	})
	return m
}
