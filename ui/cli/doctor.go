package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"zpadd/zoom"
)

// maxClockSkew is how far this machine's clock may be from Zoom's before
// doctor warns: tokens and journal times are judged by it.
const maxClockSkew = 2 * time.Minute

// DoctorReport is what `zpadd doctor` found, also its --json form.
type DoctorReport struct {
	Profile    string          `json:"profile"`
	SecretFrom string          `json:"secret_from,omitempty"`
	Sandbox    bool            `json:"sandbox"`
	APIURL     string          `json:"api_url"`
	OAuthURL   string          `json:"oauth_url"`
	Gov        bool            `json:"gov"`
	Plan       string          `json:"plan"`
	Token      string          `json:"token"` // "ok" or why not
	Scopes     []string        `json:"scopes"`
	ClockSkew  *float64        `json:"clock_skew_seconds"`
	ClockNote  string          `json:"clock,omitempty"`
	Features   []DoctorFeature `json:"features"`
	Missing    []MissingScope  `json:"missing_scopes"`
	OK         bool            `json:"ok"`
}

// DoctorFeature is one thing zpadd does and whether it works.
type DoctorFeature struct {
	Name  string       `json:"name"`
	OK    bool         `json:"ok"`
	Calls []DoctorCall `json:"calls"`
}

// DoctorCall is one call's result.
type DoctorCall struct {
	Route  string `json:"route"`
	Scope  string `json:"scope"`
	OK     bool   `json:"ok"`
	Status int    `json:"status,omitempty"`
	Detail string `json:"detail,omitempty"`
}

// MissingScope is one scope to add, and where.
type MissingScope struct {
	Scope   string `json:"scope"`
	Feature string `json:"feature"`
	Route   string `json:"route"`
	How     string `json:"how"`
}

// Diagnose fetches a token (only if the client holds none) and calls each
// endpoint zpadd uses once, read-only, and reports per feature. The batch
// write scope is judged from the token's scope field, never by writing.
func Diagnose(ctx context.Context, c *zoom.Client, conn Connection) DoctorReport {
	api, oauth := c.Endpoints()
	r := DoctorReport{Profile: conn.ProfileName(), SecretFrom: conn.SecretFrom, Sandbox: conn.Sandbox,
		APIURL: api, OAuthURL: oauth, Gov: strings.Contains(api, "zoomgov.com"), Plan: conn.Config.Plan,
		Scopes: []string{}, Features: []DoctorFeature{}, Missing: []MissingScope{}}
	if skew, err := c.ClockSkew(ctx); err != nil {
		r.ClockNote = err.Error()
	} else {
		secs := skew.Seconds()
		r.ClockSkew = &secs
		r.ClockNote = describeSkew(skew)
	}
	scopes, err := c.FetchToken(ctx)
	if err != nil {
		r.Token = err.Error()
		return r
	}
	r.Token, r.Scopes = "ok", scopes
	probes := c.ProbeReads(ctx)
	r.OK = true
	for _, name := range zoom.Features {
		f := DoctorFeature{Name: name, OK: true}
		for _, p := range probes {
			if p.Need.Feature != name {
				continue
			}
			call := judge(p, scopes)
			if !call.OK {
				f.OK = false
			}
			if !call.OK && (p.MissingScope() || !p.Called && !p.Need.Granted(scopes)) {
				r.Missing = append(r.Missing, MissingScope{Scope: p.Need.Granular, Feature: name, Route: p.Need.Route, How: zoom.MarketplaceStep})
			}
			f.Calls = append(f.Calls, call)
		}
		r.OK = r.OK && f.OK
		r.Features = append(r.Features, f)
	}
	return r
}

// judge turns a probe into a call result.
func judge(p zoom.Probe, scopes []string) DoctorCall {
	c := DoctorCall{Route: p.Need.Route, Scope: p.Need.Granular, Status: p.Status}
	switch {
	case !p.Called && p.Need.Route == "POST /phone/users/batch" && len(scopes) == 0:
		c.OK, c.Detail = true, "cannot tell: the token lists no scopes (not tried: doctor never writes)"
	case !p.Called && p.Need.Route == "POST /phone/users/batch":
		c.OK = p.Need.Granted(scopes)
		c.Detail = "the token's scopes include it (not tried: doctor never writes)"
		if !c.OK {
			c.Detail = "missing from the token's scopes (not tried: doctor never writes)"
		}
	case !p.Called:
		c.OK, c.Detail = true, p.Note
	case p.Err == nil:
		c.OK, c.Detail = true, p.Note
	case p.MissingScope():
		c.Detail = "missing scope: Zoom answered " + p.Err.Error()
	case p.Need.Route == "GET /phone/sites" && p.Status == 400:
		// Accounts without Multiple Sites have no site list; zpadd works
		// without one.
		c.OK, c.Detail = true, "no site list (an account without Multiple Sites): "+p.Err.Error()
	default:
		c.Detail = p.Err.Error()
	}
	return c
}

func describeSkew(d time.Duration) string {
	abs := d.Abs()
	switch {
	case abs <= time.Second:
		return "in step with Zoom"
	case d > 0 && abs <= maxClockSkew:
		return fmt.Sprintf("%s behind Zoom (fine)", abs.Round(time.Second))
	case abs <= maxClockSkew:
		return fmt.Sprintf("%s ahead of Zoom (fine)", abs.Round(time.Second))
	case d > 0:
		return fmt.Sprintf("%s behind Zoom: set the clock (NTP); times in the journal and results will be off", abs.Round(time.Second))
	}
	return fmt.Sprintf("%s ahead of Zoom: set the clock (NTP); times in the journal and results will be off", abs.Round(time.Second))
}

// Doctor is `zpadd doctor`: read-only; exit 0 when everything zpadd needs
// is there, 1 otherwise.
func Doctor(ctx context.Context, e *Env, asJSON bool) int {
	svc, err := e.Service()
	if err != nil {
		e.errorf("%v", err)
		return ExitOther
	}
	r := Diagnose(ctx, svc.Client(), e.Connection)
	if asJSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(r)
	} else {
		printDoctor(e.Stdout, r)
	}
	if !r.OK {
		return ExitOther
	}
	return ExitOK
}

// printDoctor writes the report for people.
func printDoctor(w io.Writer, r DoctorReport) {
	where := "Zoom (commercial cloud)"
	switch {
	case r.Sandbox:
		where = "the embedded sandbox, not real Zoom (zpadd login connects a real account)"
	case r.Gov:
		where = "ZoomGov"
	}
	profile := r.Profile
	if r.SecretFrom != "" {
		profile += " (client secret from the " + r.SecretFrom + ")"
	}
	fmt.Fprintf(w, "profile    %s\n", profile)
	fmt.Fprintf(w, "talking to %s\n", where)
	fmt.Fprintf(w, "API        %s\n", r.APIURL)
	fmt.Fprintf(w, "token URL  %s\n", r.OAuthURL)
	fmt.Fprintf(w, "rate plan  %s (--plan or ZOOM_PLAN)\n", r.Plan)
	fmt.Fprintf(w, "clock      %s\n", r.ClockNote)
	if r.Token != "ok" {
		fmt.Fprintf(w, "token      NOT ISSUED: %s\n", r.Token)
		fmt.Fprintln(w, "\nzpadd cannot reach this account: check the account id, client id and secret (zpadd login), and that the app is activated.")
		return
	}
	kind := "granular"
	if zoom.ClassicApp(r.Scopes) {
		kind = "classic"
	}
	fmt.Fprintf(w, "token      issued, %d %s scopes\n\n", len(r.Scopes), kind)
	for _, f := range r.Features {
		mark := "ok  "
		if !f.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "%s %s\n", mark, f.Name)
		for _, c := range f.Calls {
			sub := "ok"
			if !c.OK {
				sub = "FAIL"
			}
			line := fmt.Sprintf("       %-4s %-32s %s", sub, c.Route, c.Scope)
			if c.Detail != "" && (!c.OK || c.Route == "POST /phone/users/batch") {
				line += ": " + c.Detail
			}
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}
	if len(r.Missing) > 0 {
		var names []string
		for _, m := range r.Missing {
			if !slices.Contains(names, m.Scope) {
				names = append(names, m.Scope)
			}
		}
		fmt.Fprintf(w, "\n%d scope(s) missing. Add each %s:\n", len(names), zoom.MarketplaceStep)
		for _, n := range names {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	if r.OK {
		fmt.Fprintln(w, "\nEverything zpadd needs is there.")
	} else {
		fmt.Fprintln(w, "\nzpadd cannot do all it needs on this account yet (see FAIL above).")
	}
}
