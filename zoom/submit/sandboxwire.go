package submit

import (
	"fmt"
	"net/http"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
)

// sandboxAPIURL and sandboxOAuthURL are the addresses the in-process
// sandbox answers; its transport sends every request to its handler, so no
// socket is opened and the host never resolves.
const (
	sandboxAPIURL   = "http://sandbox.zpadd.invalid/v2"
	sandboxOAuthURL = "http://sandbox.zpadd.invalid/oauth/token"
)

// NewForSandbox wires a Zoom client to the in-process sandbox sb (its
// credentials, its transport) and a Service over it with the caller's one
// store and journal of home, as main.go wires `zpadd --sandbox`: what the
// UI and CLI tests run on. A second Store or Journal on the same home would
// hold its own locks and never see this one's.
func NewForSandbox(sb *sandbox.Sandbox, home state.Home, store *state.Store, j *state.Journal) (*Service, *zoom.Client, error) {
	if sb == nil {
		return nil, nil, fmt.Errorf("sandbox: no sandbox given")
	}
	if store == nil || j == nil {
		return nil, nil, fmt.Errorf("sandbox: the store and journal of %s are needed", home.Data)
	}
	c, err := zoom.New(SandboxConfig(zoom.Config{}, sb))
	if err != nil {
		return nil, nil, fmt.Errorf("sandbox: %w", err)
	}
	return New(c, home, j, Options{Store: store}), c, nil
}

// SandboxWire is what a client needs of an in-process sandbox: its
// account's credentials and its transport (a *sandbox.Sandbox, or a
// *sandbox.Background still being built).
type SandboxWire interface {
	Credentials() (accountID, clientID, clientSecret string)
	Transport() http.RoundTripper
}

// SandboxConfig points cfg at the in-process sandbox sb: its credentials,
// its addresses and its transport. The rest of cfg (logger, plan, retry
// scale) is kept.
func SandboxConfig(cfg zoom.Config, sb SandboxWire) zoom.Config {
	cfg.AccountID, cfg.ClientID, cfg.ClientSecret = sb.Credentials()
	cfg.APIURL, cfg.OAuthURL = sandboxAPIURL, sandboxOAuthURL
	cfg.HTTPClient = &http.Client{Transport: sb.Transport()}
	return cfg
}
