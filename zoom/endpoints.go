package zoom

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The routes, each with the rate-limit label Zoom documents for it.
var (
	routeListSites        = route{http.MethodGet, "/phone/sites", phoneMedium}
	routeGetSite          = route{http.MethodGet, "/phone/sites/{siteId}", phoneLight}
	routeSettingTemplates = route{http.MethodGet, "/phone/setting_templates", phoneLight}
	routeCallingPlans     = route{http.MethodGet, "/phone/calling_plans", phoneMedium}
	routeNumbers          = route{http.MethodGet, "/phone/numbers", phoneMedium}
	routeProvisionTpls    = route{http.MethodGet, "/phone/provision_templates", phoneMedium}
	routeDevices          = route{http.MethodGet, "/phone/devices", phoneMedium}
	routeListPhoneUsers   = route{http.MethodGet, "/phone/users", phoneMedium}
	routeGetPhoneUser     = route{http.MethodGet, "/phone/users/{userId}", phoneLight}
	routeGetUser          = route{http.MethodGet, "/users/{userId}", mainLight}
	routeBatchAdd         = route{http.MethodPost, "/phone/users/batch", phoneMedium}
)

// Each endpoint's largest page_size (zoom-api.md §10.9).
const (
	pageSites             = 300
	pageSettingTemplates  = 300
	pageNumbers           = 100
	pageProvisionTemplate = 300
	pageDevices           = 300
	pagePhoneUsers        = 100
)

func seg(path string, ids ...string) []string {
	return append(strings.Split(strings.Trim(path, "/"), "/"), ids...)
}

func needID(what, op, id string) error {
	if strings.TrimSpace(id) == "" {
		return &NotSentError{Err: fmt.Errorf("zoom: %s: %s is empty", op, what)}
	}
	return nil
}

// ListSites returns every Zoom Phone site (GET /phone/sites, all pages).
// Accounts without Multiple Sites get an *Error: fall back to no site picker.
func (c *Client) ListSites(ctx context.Context) ([]Site, error) {
	return listAll[Site](ctx, c, call{route: routeListSites, segments: seg("phone/sites")}, "sites", pageSites)
}

// GetSite returns one site with its short_extension.length.
func (c *Client) GetSite(ctx context.Context, siteID string) (*Site, error) {
	if err := needID("site id", "GetSite", siteID); err != nil {
		return nil, err
	}
	var s Site
	if err := c.do(ctx, call{route: routeGetSite, segments: seg("phone/sites", siteID)}, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// ListSettingTemplates returns the setting templates of a site (all types;
// filter Type "user" for a batch). An empty siteID lists account-level ones.
func (c *Client) ListSettingTemplates(ctx context.Context, siteID string) ([]SettingTemplate, error) {
	q := url.Values{}
	if siteID != "" {
		q.Set("site_id", siteID)
	}
	return listAll[SettingTemplate](ctx, c, call{route: routeSettingTemplates, segments: seg("phone/setting_templates"), query: q}, "templates", pageSettingTemplates)
}

// ListCallingPlans returns the account's calling plans (no pagination).
func (c *Client) ListCallingPlans(ctx context.Context) ([]CallingPlan, error) {
	var out struct {
		CallingPlans []CallingPlan `json:"calling_plans"`
	}
	if err := c.do(ctx, call{route: routeCallingPlans, segments: seg("phone/calling_plans")}, &out); err != nil {
		return nil, err
	}
	return out.CallingPlans, nil
}

// ListProvisionTemplates returns the account's provision templates.
func (c *Client) ListProvisionTemplates(ctx context.Context) ([]ProvisionTemplate, error) {
	return listAll[ProvisionTemplate](ctx, c, call{route: routeProvisionTpls, segments: seg("phone/provision_templates")}, "provision_templates", pageProvisionTemplate)
}

// DeviceQuery filters GET /phone/devices. Type is required by Zoom.
type DeviceQuery struct {
	Type    string // "assigned" or "unassigned"
	Keyword string // user, extension, MAC or IP
	SiteID  string
}

// ListDevices returns the desk phones matching q (all pages).
func (c *Client) ListDevices(ctx context.Context, q DeviceQuery) ([]Device, error) {
	cl, err := devicesCall(q)
	if err != nil {
		return nil, err
	}
	return listAll[Device](ctx, c, cl, "devices", pageDevices)
}

// ListDevicesIfFew returns every desk phone matching q when Zoom's count of
// them fits in maxPages pages of 300 (the first page tells, zoom-api.md
// §5.7 total_records); otherwise it returns after that one page with
// complete false, so the caller reads by keyword instead.
func (c *Client) ListDevicesIfFew(ctx context.Context, q DeviceQuery, maxPages int) (devices []Device, complete bool, err error) {
	cl, err := devicesCall(q)
	if err != nil {
		return nil, false, err
	}
	return listIfFew[Device](ctx, c, cl, "devices", pageDevices, maxPages)
}

func devicesCall(q DeviceQuery) (call, error) {
	if q.Type != "assigned" && q.Type != "unassigned" {
		return call{}, &NotSentError{Err: fmt.Errorf("zoom: ListDevices: type must be \"assigned\" or \"unassigned\", not %q", q.Type)}
	}
	v := url.Values{"type": {q.Type}}
	if q.Keyword != "" {
		v.Set("keyword", q.Keyword)
	}
	if q.SiteID != "" {
		v.Set("site_id", q.SiteID)
	}
	return call{route: routeDevices, segments: seg("phone/devices"), query: v}, nil
}

// PhoneUserQuery filters GET /phone/users.
type PhoneUserQuery struct {
	SiteID  string
	Keyword string // name, extension or number
}

// ListPhoneUsers returns the phone users matching q (all pages).
func (c *Client) ListPhoneUsers(ctx context.Context, q PhoneUserQuery) ([]PhoneUser, error) {
	v := url.Values{}
	if q.SiteID != "" {
		v.Set("site_id", q.SiteID)
	}
	if q.Keyword != "" {
		v.Set("keyword", q.Keyword)
	}
	return listAll[PhoneUser](ctx, c, call{route: routeListPhoneUsers, segments: seg("phone/users"), query: v}, "users", pagePhoneUsers)
}

// GetPhoneUser returns a phone user by id or email; IsNotFound(err) when the
// user is not a phone user.
func (c *Client) GetPhoneUser(ctx context.Context, idOrEmail string) (*PhoneUser, error) {
	if err := needID("user id or email", "GetPhoneUser", idOrEmail); err != nil {
		return nil, err
	}
	var u PhoneUser
	if err := c.do(ctx, call{route: routeGetPhoneUser, segments: seg("phone/users", strings.TrimSpace(idOrEmail))}, &u); err != nil {
		return nil, err
	}
	return &u, nil
}

// GetUser returns an account user by id or email (GET /users/{userId}).
// Check Active(): pending users come back without a status.
func (c *Client) GetUser(ctx context.Context, idOrEmail string) (*User, error) {
	if err := needID("user id or email", "GetUser", idOrEmail); err != nil {
		return nil, err
	}
	var u User
	if err := c.do(ctx, call{route: routeGetUser, segments: seg("users", strings.TrimSpace(idOrEmail))}, &u); err != nil {
		return nil, err
	}
	return &u, nil
}
