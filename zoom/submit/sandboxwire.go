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
// credentials, its transport) and a Service over it with home's journal and
// draft store: what `zpadd --sandbox` and the UI/CLI tests run on.
func NewForSandbox(sb *sandbox.Sandbox, home state.Home) (*Service, *zoom.Client, error) {
	if sb == nil {
		return nil, nil, fmt.Errorf("sandbox: no sandbox given")
	}
	if err := home.Ensure(); err != nil {
		return nil, nil, fmt.Errorf("sandbox: %w", err)
	}
	c, err := zoom.New(SandboxConfig(zoom.Config{}, sb))
	if err != nil {
		return nil, nil, fmt.Errorf("sandbox: %w", err)
	}
	j, err := state.OpenJournal(home)
	if err != nil {
		return nil, nil, fmt.Errorf("sandbox: %w", err)
	}
	store, err := state.OpenStore(home)
	if err != nil {
		return nil, nil, fmt.Errorf("sandbox: %w", err)
	}
	return New(c, home, j, Options{Store: store}), c, nil
}

// SandboxConfig points cfg at the in-process sandbox sb: its credentials,
// its addresses and its transport. The rest of cfg (logger, plan, retry
// scale) is kept.
func SandboxConfig(cfg zoom.Config, sb *sandbox.Sandbox) zoom.Config {
	cfg.AccountID, cfg.ClientID, cfg.ClientSecret = sb.Credentials()
	cfg.APIURL, cfg.OAuthURL = sandboxAPIURL, sandboxOAuthURL
	cfg.HTTPClient = &http.Client{Transport: sb.Transport()}
	return cfg
}
