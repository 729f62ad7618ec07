package zoom

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Error is every non-2xx answer from Zoom (API or token endpoint), readable
// even when the body was HTML or empty.
type Error struct {
	// Status is the HTTP status; Code is Zoom's body code, which does not
	// follow the status (code 300 comes with 400 and 404).
	Status  int
	Code    int
	Message string
	Errors  []FieldError
	// TrackingID is the x-zm-trackingid header, for Zoom support.
	TrackingID string
	// RetryAfter is how long Zoom asked to wait (0 when it did not say).
	RetryAfter time.Duration
	// Method and Path name the request that failed ("GET", "/phone/sites").
	Method, Path string
	// OAuth is the OAuth error Zoom's token endpoint gave ("invalid_client"),
	// empty for API errors.
	OAuth string
}

// FieldError is one entry of a validation error's errors[].
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error formats as "[400/300] Validation Failed. (email: ...)".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteByte('[')
	fmt.Fprintf(&b, "%d", e.Status)
	if e.Code != 0 {
		fmt.Fprintf(&b, "/%d", e.Code)
	}
	b.WriteString("] ")
	if e.OAuth != "" {
		b.WriteString("Zoom refused the access token request: ")
		b.WriteString(e.OAuth)
		if e.Message != "" && e.Message != e.OAuth {
			b.WriteString(": ")
		}
	}
	if e.Message != e.OAuth {
		b.WriteString(e.Message)
	}
	if len(e.Errors) > 0 {
		parts := make([]string, 0, len(e.Errors))
		for _, f := range e.Errors {
			switch {
			case f.Field == "":
				parts = append(parts, f.Message)
			case f.Message == "":
				parts = append(parts, f.Field)
			default:
				parts = append(parts, f.Field+": "+f.Message)
			}
		}
		b.WriteString(" (" + strings.Join(parts, "; ") + ")")
	}
	return b.String()
}

// rateLimitWords are phrases of Zoom's throttling messages (zoom-api.md §8.2).
var rateLimitWords = []string{"rate limit", "too many", "try again later", "concurrent request"}

// IsRateLimit reports whether a 429 is throttling rather than a refusal
// dressed as a 429 (Zoom has answered validation errors such as "Each user
// can be assigned up to three desk phones." with status 429). Only a
// throttling 429 means Zoom certainly did not act on the request.
func (e *Error) IsRateLimit() bool {
	if e == nil || e.Status != http.StatusTooManyRequests {
		return false
	}
	if len(e.Errors) > 0 || e.Code == 300 {
		return false
	}
	msg := strings.ToLower(e.Message)
	if e.bodyless() {
		return true
	}
	for _, w := range rateLimitWords {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}

// bodyless reports whether Zoom sent no Zoom error body, in which case the
// message is only the status text.
func (e *Error) bodyless() bool {
	return e.Code == 0 && (e.Message == "" || e.Message == http.StatusText(e.Status) || strings.HasPrefix(e.Message, http.StatusText(e.Status)+" ("))
}

// IsNotFound reports whether err says the thing asked for does not exist:
// HTTP 404 or Zoom code 1001 ("User does not exist"), but not code 2001
// ("Account does not exist"), which is an account problem, nor 404/404
// "Site does not exist" (zoom-api.md §6.5, §11.4), which is about a site
// filter, not the user asked for.
func IsNotFound(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	if e.Code == 2001 || isSiteMissing(e) {
		return false
	}
	return e.Status == http.StatusNotFound || e.Code == 1001
}

// isSiteMissing: Zoom's "Site does not exist" (404/404, 400/1002010).
func isSiteMissing(e *Error) bool {
	return (e.Code == 404 || e.Code == 1002010) && strings.Contains(strings.ToLower(e.Message), "site does not exist")
}

// CodeInvitationExpired is Zoom's 400/1120: the user's invitation expired
// (zoom-api.md §11.4); such a user cannot be added until invited again.
const CodeInvitationExpired = 1120

// IsInvitationExpired reports Zoom's 1120 answer.
func IsInvitationExpired(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == CodeInvitationExpired
}

// IsInvalidUserID reports 400/300 "Invalid user id." (zoom-api.md §6.5,
// §11.4): read by id or email, the user is not one the endpoint knows.
func IsInvalidUserID(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Status == http.StatusBadRequest && e.Code == 300 &&
		strings.Contains(strings.ToLower(e.Message), "invalid user id")
}

// IsAuth reports whether err is an authentication failure: the token
// endpoint refused, or the API answered 401.
func IsAuth(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.OAuth != "" || e.Status == http.StatusUnauthorized || strings.HasSuffix(e.Path, "oauth/token")
}

// NotSentError wraps a failure that happened before the request left this
// process (rate limiter wait cancelled, token refused, bad input), so the
// caller knows Zoom cannot have acted on it.
type NotSentError struct{ Err error }

func (e *NotSentError) Error() string { return e.Err.Error() }
func (e *NotSentError) Unwrap() error { return e.Err }

// IsNotSent reports whether err certainly happened before anything was sent.
func IsNotSent(err error) bool {
	var e *NotSentError
	return errors.As(err, &e)
}

// ErrBodyTooLarge is returned when a response exceeds the body cap.
var ErrBodyTooLarge = errors.New("response body too large")
