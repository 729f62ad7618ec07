package zoom

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Probe is one read-only call `zpadd doctor` made for a ScopeNeed.
type Probe struct {
	Need ScopeNeed
	// Called is false for calls doctor never makes (the batch POST: doctor
	// never writes) or could not make (no site to read).
	Called bool
	// Status is the HTTP status (0 when no answer came).
	Status int
	Err    error
	// Note says why a call was not made, or what it proved.
	Note string
}

// OK reports whether the call worked (or, for calls not made, whether the
// token's scope field grants it; see Granted).
func (p Probe) OK() bool { return p.Called && p.Err == nil }

// MissingScope reports whether Zoom answered that the token lacks the scope.
func (p Probe) MissingScope() bool {
	_, ok := MissingScopeIn(p.Err)
	return ok
}

// doctorAbsentUser is an address no account has: reading it proves the
// route and its scope work (404) without needing a real user.
const doctorAbsentUser = "zpadd-doctor-check@example.invalid"

// ProbeReads calls each read zpadd uses once, with page_size 1, and returns
// one Probe per ScopeNeed in order. It never writes: the batch POST's Probe
// is not called (its scope comes from the token's scope field).
func (c *Client) ProbeReads(ctx context.Context) []Probe {
	firstID := func(raw json.RawMessage, key string) (id, email string) {
		var page map[string][]struct {
			ID    string `json:"id"`
			Email string `json:"email"`
		}
		if json.Unmarshal(raw, &page) == nil && len(page[key]) > 0 {
			return page[key][0].ID, page[key][0].Email
		}
		return "", ""
	}
	one := url.Values{"page_size": {"1"}}
	var siteID, phoneUser string
	out := make([]Probe, 0, len(ScopeNeeds))
	for _, need := range ScopeNeeds {
		p := Probe{Need: need, Called: true}
		var raw json.RawMessage
		var cl call
		switch need.Route {
		case "GET /phone/sites":
			cl = call{route: routeListSites, segments: seg("phone/sites"), query: one}
		case "GET /phone/sites/{siteId}":
			if siteID == "" {
				p.Called, p.Note = false, "not called: no site to read (an account without Multiple Sites has none)"
				out = append(out, p)
				continue
			}
			cl = call{route: routeGetSite, segments: seg("phone/sites", siteID)}
		case "GET /phone/setting_templates":
			cl = call{route: routeSettingTemplates, segments: seg("phone/setting_templates"), query: one}
		case "GET /phone/calling_plans":
			cl = call{route: routeCallingPlans, segments: seg("phone/calling_plans")}
		case "GET /phone/numbers":
			// Either number list will do (numbers.go).
			p.Note, p.Err = c.probeNumberLists(ctx)
			p.Status = statusOf(p.Err)
			out = append(out, p)
			continue
		case "GET /phone/provision_templates":
			cl = call{route: routeProvisionTpls, segments: seg("phone/provision_templates"), query: one}
		case "GET /phone/devices":
			cl = call{route: routeDevices, segments: seg("phone/devices"), query: url.Values{"page_size": {"1"}, "type": {"assigned"}}}
		case "GET /phone/users":
			cl = call{route: routeListPhoneUsers, segments: seg("phone/users"), query: one}
		case "GET /phone/users/{userId}":
			cl = call{route: routeGetPhoneUser, segments: seg("phone/users", cmp.Or(phoneUser, doctorAbsentUser))}
		case "GET /users/{userId}":
			cl = call{route: routeGetUser, segments: seg("users", cmp.Or(phoneUser, doctorAbsentUser))}
		default:
			p.Called, p.Note = false, "not called: zpadd doctor never writes; the scope is read from the token"
			out = append(out, p)
			continue
		}
		p.Err = c.do(ctx, cl, &raw)
		p.Status = statusOf(p.Err)
		if p.Err != nil && IsNotFound(p.Err) && (cl.route == routeGetPhoneUser || cl.route == routeGetUser) {
			// The made-up user is not there: the call and its scope work.
			p.Err, p.Note = nil, "works (read a user that does not exist: 404)"
		}
		switch need.Route {
		case "GET /phone/sites":
			siteID, _ = firstID(raw, "sites")
		case "GET /phone/users":
			id, email := firstID(raw, "users")
			phoneUser = cmp.Or(email, id)
		}
		out = append(out, p)
	}
	return out
}

func statusOf(err error) int {
	var ze *Error
	if errors.As(err, &ze) {
		return ze.Status
	}
	if err == nil {
		return http.StatusOK
	}
	return 0
}

// ClockSkew compares this machine's clock with the Date header of an
// unauthenticated request to the API base (it needs no token, so it costs
// nobody theirs). Positive means Zoom's clock is ahead.
func (c *Client) ClockSkew(ctx context.Context) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.api.String(), nil)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("zoom: reading the server's clock: %w", stripURL(err))
	}
	resp.Body.Close()
	mid := start.Add(time.Since(start) / 2)
	date, err := http.ParseTime(resp.Header.Get("Date"))
	if err != nil {
		return 0, fmt.Errorf("zoom: the server sent no usable Date header (%q)", resp.Header.Get("Date"))
	}
	// Date has whole seconds: half a second of skew is rounding.
	return date.Sub(mid.Truncate(time.Second)), nil
}

// Endpoints returns the API base and token URL the client uses.
func (c *Client) Endpoints() (api, oauth string) { return c.api.String(), c.oauth.TokenURL }
