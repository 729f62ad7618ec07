package zoom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// Two endpoints list an account's phone numbers. GET /phone/numbers is
// deprecated (zoom-api.md §5.4, §11.3) for GET /number_management/numbers
// (§5.5: page 200, LIGHT, its own scope, site.site_id, "Normal"/"Pending").
// The client reads the new one first and falls back to the old one when the
// new one is refused (not there, or a scope the app lacks), and the other
// way round; both are parsed into PhoneNumber.

// NumbersEndpoint names one of the two number lists.
type NumbersEndpoint string

const (
	NumbersManagement NumbersEndpoint = "GET /number_management/numbers"
	NumbersPhone      NumbersEndpoint = "GET /phone/numbers"
)

var routeNumberManagement = route{http.MethodGet, "/number_management/numbers", phoneLight}

const pageNumberManagement = 200

// numbersChoice remembers which endpoint answered last, and whether the
// operator has been told.
type numbersChoice struct {
	mu      sync.Mutex
	current NumbersEndpoint // "" until one answered
	why     string          // why the other one is not used
	told    bool
}

// ListUnassignedNumbers returns the unassigned numbers of a site (all pages;
// an empty siteID lists the whole account's), pending ones included: check
// PhoneNumber.Pending.
func (c *Client) ListUnassignedNumbers(ctx context.Context, siteID string) ([]PhoneNumber, error) {
	order := c.numbersOrder()
	out, err := c.listUnassignedFrom(ctx, order[0], siteID)
	if err == nil {
		c.numbersAnswered(order[0], "")
		return out, nil
	}
	if !numbersRefused(err) {
		return out, err // a *PartialListError keeps the pages read
	}
	out, err2 := c.listUnassignedFrom(ctx, order[1], siteID)
	if err2 != nil {
		return nil, fmt.Errorf("zoom: neither number list answered: %s: %w; %s: %w", order[0], err, order[1], err2)
	}
	c.numbersAnswered(order[1], fmt.Sprintf("%s was refused (%v)", order[0], err))
	return out, nil
}

// NumbersNotice says, once per client, which number list is in use (and
// why not the other); "" before any was read and after the first call.
func (c *Client) NumbersNotice() string {
	c.numbers.mu.Lock()
	defer c.numbers.mu.Unlock()
	if c.numbers.current == "" || c.numbers.told {
		return ""
	}
	c.numbers.told = true
	msg := "phone numbers are read with " + string(c.numbers.current)
	if c.numbers.current == NumbersPhone {
		msg += " (deprecated by Zoom)"
	}
	if c.numbers.why != "" {
		msg += ": " + c.numbers.why
	}
	return msg
}

// NumbersEndpointInUse is the number list that answered last ("" if none).
func (c *Client) NumbersEndpointInUse() NumbersEndpoint {
	c.numbers.mu.Lock()
	defer c.numbers.mu.Unlock()
	return c.numbers.current
}

func (c *Client) numbersAnswered(e NumbersEndpoint, why string) {
	c.numbers.mu.Lock()
	defer c.numbers.mu.Unlock()
	if c.numbers.current != e {
		c.numbers.current, c.numbers.why, c.numbers.told = e, why, false
	}
}

// numbersRefused: the endpoint is not there for this app (404 without a
// Zoom site error, 403) or the token lacks its scope (400/104, 4700, 4711;
// zoom-api.md §11.2). Anything else (a bad site, a throttle) is the answer.
func numbersRefused(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	_, noScope := MissingScopeIn(err)
	return noScope || e.Status == http.StatusForbidden || (e.Status == http.StatusNotFound && !isSiteMissing(e))
}

// probeNumberLists reads one number from either list (the new one first),
// for zpadd doctor: zpadd works with whichever the app may read.
func (c *Client) probeNumberLists(ctx context.Context) (note string, err error) {
	one := url.Values{"page_size": {"1"}}
	var raw map[string]any
	err = c.do(ctx, call{route: routeNumberManagement, segments: seg("number_management/numbers"), query: one}, &raw)
	if err == nil {
		return "works with " + string(NumbersManagement), nil
	}
	if !numbersRefused(err) {
		return "", err
	}
	old := url.Values{"page_size": {"1"}, "type": {"unassigned"}}
	if err2 := c.do(ctx, call{route: routeNumbers, segments: seg("phone/numbers"), query: old}, &raw); err2 != nil {
		return "", err2
	}
	return fmt.Sprintf("works with %s (deprecated); %s was refused: %v", NumbersPhone, NumbersManagement, err), nil
}

func (c *Client) listUnassignedFrom(ctx context.Context, e NumbersEndpoint, siteID string) ([]PhoneNumber, error) {
	if e == NumbersPhone {
		q := url.Values{"type": {"unassigned"}}
		if siteID != "" {
			q.Set("site_id", siteID)
		}
		return listAll[PhoneNumber](ctx, c, call{route: routeNumbers, segments: seg("phone/numbers"), query: q}, "phone_numbers", pageNumbers)
	}
	q := url.Values{"assigned_to_type": {"PhoneUnassigned"}}
	if siteID != "" {
		q.Set("site_id", siteID)
	}
	raw, err := listAll[ManagedNumber](ctx, c, call{route: routeNumberManagement, segments: seg("number_management/numbers"), query: q}, "numbers", pageNumberManagement)
	out := make([]PhoneNumber, 0, len(raw))
	for _, n := range raw { // on a *PartialListError, the pages read
		if n.usableForPhone() {
			out = append(out, n.PhoneNumber())
		}
	}
	return out, err
}

// ManagedNumber is one number of GET /number_management/numbers (§5.5):
// other field names and enum spellings than PhoneNumber.
type ManagedNumber struct {
	ID               string             `json:"id"`
	Number           string             `json:"number"`
	AllocatedProduct string             `json:"allocated_product,omitempty"` // UNALLOCATED, ZOOM_PHONE, ZOOM_CONTACT_CENTER
	NumberType       string             `json:"number_type,omitempty"`       // Toll, TollFree, ...
	DisplayName      string             `json:"display_name,omitempty"`
	Source           string             `json:"source,omitempty"` // Zoom, ZoomPorted, ...
	Status           string             `json:"status,omitempty"` // Normal, Pending
	Capability       []string           `json:"capability,omitempty"`
	Site             *ManagedNumberSite `json:"site,omitempty"`
	AssignedList     []ManagedAssignee  `json:"assigned_list,omitempty"`
	Location         *ManagedLocation   `json:"location,omitempty"`
}

// ManagedNumberSite is the site of a managed number: site_id, not id.
type ManagedNumberSite struct {
	SiteID string `json:"site_id"`
	Name   string `json:"name,omitempty"`
}

// ManagedAssignee is one holder of a managed number.
type ManagedAssignee struct {
	AssignedToID    string `json:"assigned_to_id,omitempty"`
	AssignedToName  string `json:"assigned_to_name,omitempty"`
	AssignedToType  string `json:"assigned_to_type,omitempty"`
	ExtensionNumber string `json:"extension_number,omitempty"`
}

// ManagedLocation is where a managed number rings.
type ManagedLocation struct {
	Country string `json:"country,omitempty"`
	City    string `json:"city,omitempty"`
	State   string `json:"state,omitempty"`
}

// usableForPhone: not given to Contact Center and held by nobody.
func (n ManagedNumber) usableForPhone() bool {
	return !strings.EqualFold(n.AllocatedProduct, "ZOOM_CONTACT_CENTER") && len(n.AssignedList) == 0
}

// PhoneNumber converts to the catalog's number type, the spellings of
// GET /phone/numbers ("toll", "pending", "outgoing").
func (n ManagedNumber) PhoneNumber() PhoneNumber {
	out := PhoneNumber{ID: n.ID, Number: n.Number, DisplayName: n.DisplayName, NumberType: strings.ToLower(n.NumberType),
		Source: n.Source, Status: strings.ToLower(n.Status)}
	if out.Status == "normal" {
		out.Status = "available"
	}
	for _, cp := range n.Capability {
		out.Capability = append(out.Capability, strings.ToLower(cp))
	}
	if n.Site != nil {
		out.Site = &SiteRef{ID: n.Site.SiteID, Name: n.Site.Name}
	}
	if n.Location != nil {
		out.Location = strings.Trim(strings.Join([]string{n.Location.City, n.Location.State, n.Location.Country}, ", "), ", ")
	}
	return out
}

// Pending reports a number that is being ported in (status pending, in
// either endpoint's spelling; "PENDING" has been seen live, §11.3): it
// cannot be assigned yet.
func (n PhoneNumber) Pending() bool { return strings.EqualFold(n.Status, "pending") }

// numbersOrder is the order to try the two number lists in: the one that
// answered last first (the new list until one has answered).
func (c *Client) numbersOrder() [2]NumbersEndpoint {
	c.numbers.mu.Lock()
	first := c.numbers.current
	c.numbers.mu.Unlock()
	if first == NumbersPhone {
		return [2]NumbersEndpoint{NumbersPhone, NumbersManagement}
	}
	return [2]NumbersEndpoint{NumbersManagement, NumbersPhone}
}
