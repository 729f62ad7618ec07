package zoom

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// trackingHeader is the header Zoom puts on every response for support.
const trackingHeader = "x-zm-trackingid"

// errorBody is the union of Zoom's API error body ({code, message,
// errors[]}) and its token endpoint's ({reason, error, error_description}).
type errorBody struct {
	Code             flexInt      `json:"code"`
	Message          string       `json:"message"`
	Errors           []FieldError `json:"errors"`
	Reason           string       `json:"reason"`
	OAuthError       string       `json:"error"`
	ErrorDescription string       `json:"error_description"`
}

// maxMessage bounds a message taken from a non-JSON body, so an HTML page
// does not flood a screen.
const maxMessage = 200

// newError turns a non-2xx response into an *Error. It never fails: whatever
// the body, the status and tracking id are kept and a readable message made.
func newError(resp *http.Response, body []byte, method, path string, now time.Time) *Error {
	e := &Error{
		Status:     resp.StatusCode,
		TrackingID: resp.Header.Get(trackingHeader),
		RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), now),
		Method:     method,
		Path:       path,
	}
	trimmed := bytes.TrimSpace(body)
	var eb errorBody
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &eb) == nil {
		e.Code = int(eb.Code)
		e.Errors = eb.Errors
		e.OAuth = eb.OAuthError
		switch {
		case eb.Message != "":
			e.Message = eb.Message
		case eb.Reason != "":
			e.Message = eb.Reason
		case eb.ErrorDescription != "":
			e.Message = eb.ErrorDescription
		case eb.OAuthError != "":
			e.Message = eb.OAuthError
		}
		if e.Message != "" || e.Code != 0 || e.OAuth != "" {
			return e
		}
	}
	e.Message = statusText(resp.StatusCode)
	switch {
	case len(trimmed) == 0:
		e.Message += " (empty response body)"
	default:
		if text := bodyText(trimmed); text != "" {
			e.Message += ": " + text
		}
	}
	return e
}

func statusText(status int) string {
	if t := http.StatusText(status); t != "" {
		return t
	}
	return "HTTP " + strconv.Itoa(status)
}

var (
	titleRe = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
	h1Re    = regexp.MustCompile(`(?is)<h1[^>]*>(.*?)</h1>`)
	dropRe  = regexp.MustCompile(`(?is)<(script|style|head)[^>]*>.*?</(script|style|head)>`)
	tagRe   = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRe = regexp.MustCompile(`\s+`)
)

// bodyText makes one short line out of a non-Zoom body: an HTML page's
// title (or first heading, or its text), or the start of plain text.
func bodyText(b []byte) string {
	s := string(b)
	if strings.Contains(s, "<") && strings.Contains(s, ">") {
		for _, re := range []*regexp.Regexp{titleRe, h1Re} {
			if m := re.FindStringSubmatch(s); m != nil {
				if t := cleanText(tagRe.ReplaceAllString(m[1], " ")); t != "" {
					return t
				}
			}
		}
		s = tagRe.ReplaceAllString(dropRe.ReplaceAllString(s, " "), " ")
	}
	return cleanText(s)
}

func cleanText(s string) string {
	s = strings.TrimSpace(spaceRe.ReplaceAllString(html.UnescapeString(s), " "))
	if r := []rune(s); len(r) > maxMessage {
		s = string(r[:maxMessage]) + "…"
	}
	return s
}
