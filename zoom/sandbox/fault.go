package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FaultKind is what a scripted fault does to the request it matches.
type FaultKind int

const (
	// RateLimited answers 429 with Zoom's per-second rate-limit error.
	RateLimited FaultKind = iota
	// ServerError answers a 5xx (Status, default 500) with a JSON, HTML or
	// empty body.
	ServerError
	// CommitThenDrop performs the request (a batch commits), then closes the
	// connection without sending a response.
	CommitThenDrop
	// ValidationAs429 answers 429 whose body is a validation error (code 429,
	// "Each user can be assigned up to three desk phones."), as an older
	// Zoom spec documents: a 429 that is not a rate limit.
	ValidationAs429
)

// RetryAfterForm is how a 429 fault writes its Retry-After header.
type RetryAfterForm int

const (
	// RetryAfterAbsent sends no Retry-After header.
	RetryAfterAbsent RetryAfterForm = iota
	// RetryAfterSeconds sends a number of seconds ("2").
	RetryAfterSeconds
	// RetryAfterHTTPDate sends an RFC 9110 HTTP date.
	RetryAfterHTTPDate
	// RetryAfterISO8601 sends an ISO-8601 timestamp ("2026-05-31T00:00:00Z"),
	// as Zoom's legacy rate-limit docs show.
	RetryAfterISO8601
)

// BodyForm is the body of a ServerError fault.
type BodyForm int

const (
	// BodyJSON is a Zoom error object {"code","message"}.
	BodyJSON BodyForm = iota
	// BodyHTML is a load balancer's HTML error page.
	BodyHTML
	// BodyEmpty is no body at all.
	BodyEmpty
)

// Fault is one scripted failure. Faults are consumed in order: a request
// takes the first unconsumed fault whose Method and Path match it.
type Fault struct {
	Kind FaultKind
	// Method matches the request method; empty matches any.
	Method string
	// Path is a prefix of the request path, with or without the "/v2"
	// prefix ("/phone/users/batch"); empty matches any path.
	Path string
	// Status is the HTTP status of a ServerError (default 500).
	Status int
	// RetryAfter and RetryAfterDelay shape a 429's Retry-After header.
	RetryAfter      RetryAfterForm
	RetryAfterDelay time.Duration
	// Body is the body of a ServerError.
	Body BodyForm
	// RateLimitHeaders adds X-RateLimit-Category/-Type/-Limit/-Remaining to a
	// 429, which Zoom sends only sometimes.
	RateLimitHeaders bool
}

// matches reports whether the fault applies to a request.
func (f Fault) matches(method, path string) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, method) {
		return false
	}
	if f.Path == "" {
		return true
	}
	want := strings.TrimPrefix(f.Path, "/v2")
	return strings.HasPrefix(strings.TrimPrefix(path, "/v2"), want)
}

func (f Fault) String() string {
	where := f.Method
	if f.Path != "" {
		where += " " + f.Path
	}
	if where == "" {
		where = "any request"
	}
	kind := map[FaultKind]string{RateLimited: "429", ServerError: "5xx", CommitThenDrop: "commit-then-drop", ValidationAs429: "429-validation"}[f.Kind]
	return fmt.Sprintf("%s on %s", kind, strings.TrimSpace(where))
}

// writeRateLimited answers 429 with the fault's Retry-After form.
func (f Fault) writeRateLimited(w http.ResponseWriter, now time.Time) {
	delay := f.RetryAfterDelay
	if delay <= 0 {
		delay = time.Second
	}
	switch f.RetryAfter {
	case RetryAfterSeconds:
		secs := int((delay + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	case RetryAfterHTTPDate:
		w.Header().Set("Retry-After", now.Add(delay).UTC().Format(http.TimeFormat))
	case RetryAfterISO8601:
		w.Header().Set("Retry-After", now.Add(delay).UTC().Format(time.RFC3339))
	}
	if f.RateLimitHeaders {
		w.Header().Set("X-RateLimit-Category", "Medium")
		w.Header().Set("X-RateLimit-Type", "QPS")
		w.Header().Set("X-RateLimit-Limit", "10")
		w.Header().Set("X-RateLimit-Remaining", "0")
	}
	writeError(w, http.StatusTooManyRequests, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
}

// writeServerError answers the fault's 5xx.
func (f Fault) writeServerError(w http.ResponseWriter) {
	status := f.Status
	if status < 500 || status > 599 {
		status = http.StatusInternalServerError
	}
	switch f.Body {
	case BodyHTML:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		fmt.Fprintf(w, "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n</body>\r\n</html>\r\n",
			status, http.StatusText(status), status, http.StatusText(status))
	case BodyEmpty:
		w.WriteHeader(status)
	default:
		writeError(w, status, status, "Internal Error. Please try again later.")
	}
}

// writeValidation429 answers a 429 that is really a validation error.
func (f Fault) writeValidation429(w http.ResponseWriter) {
	writeError(w, http.StatusTooManyRequests, 429, "Each user can be assigned up to three desk phones.")
}
