package zoom

import (
	"fmt"
	"net/http"
	"net/url"
)

// RedirectError is an answer that redirected elsewhere. Zoom's API and
// token endpoint never redirect (zoom-api.md §11: they answer or refuse),
// so a redirect is a proxy, a captive portal or a hostile server: following
// it would re-send the users' data and the bearer token or the client's
// Basic credentials to wherever it points. zpadd never follows one.
type RedirectError struct {
	Status   int
	Location string // scheme, host and path only: a query may hold secrets
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("the server answered %d, a redirect to %s; zpadd does not follow redirects (Zoom's API never redirects): check ZOOM_API_URL, ZOOM_OAUTH_URL and any proxy", e.Status, e.Location)
}

// refuseRedirects is an http.Client CheckRedirect: it stops before the
// redirected request is sent, so nothing reaches the Location.
func refuseRedirects(req *http.Request, _ []*http.Request) error {
	status := 0
	if req.Response != nil {
		status = req.Response.StatusCode
	}
	return &RedirectError{Status: status, Location: shownLocation(req.URL)}
}

func shownLocation(u *url.URL) string {
	if u == nil {
		return "(no location)"
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
}

// withoutRedirects is a copy of hc that refuses every redirect (the copy
// leaves a caller's client, such as a test's, as it was).
func withoutRedirects(hc *http.Client) *http.Client {
	c := *hc
	c.CheckRedirect = refuseRedirects
	return &c
}
