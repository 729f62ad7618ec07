package cli

import (
	"cmp"
	"fmt"
	"os"
	"strings"

	"zpadd/state"
	"zpadd/zoom"
)

// ConnectOptions are the global flags that choose how to reach Zoom.
type ConnectOptions struct {
	Profile string // --profile (else $ZPADD_PROFILE)
	Sandbox bool   // --sandbox
	Gov     bool   // --gov
	Plan    string // --plan
}

// Connection says how zpadd reaches Zoom: which profile, which credentials
// (never printed), or the sandbox.
type Connection struct {
	Config  zoom.Config
	Sandbox bool
	// Profile is the chosen profile's name ("" for the default one).
	Profile string
	// SecretFrom says where the client secret came from: "environment",
	// "OS keyring", "config file" (empty in the sandbox).
	SecretFrom string
}

// ProfileName returns the profile name to show ("default" when none).
func (c Connection) ProfileName() string { return cmp.Or(c.Profile, state.DefaultProfile) }

// ChosenProfile is --profile, else $ZPADD_PROFILE; "" means the default.
func ChosenProfile(flag string) (string, error) {
	name := strings.TrimSpace(cmp.Or(flag, os.Getenv(state.ProfileEnv)))
	if err := state.CheckProfileName(name); err != nil {
		return "", err
	}
	if state.IsDefaultProfile(name) {
		return "", nil
	}
	return strings.ToLower(name), nil
}

// ResolveConnection applies the credential contract (DESIGN.md): the
// environment wins, then the chosen profile of config.json, its secret from
// the OS keyring (or the file, where the operator chose that); --sandbox, or
// no credentials at all, selects the simulator; some but not all
// credentials is an error naming what is missing.
func ResolveConnection(h state.Home, o ConnectOptions) (Connection, error) {
	name, err := ChosenProfile(o.Profile)
	if err != nil {
		return Connection{}, err
	}
	file, err := state.LoadConfig(h)
	if err != nil {
		return Connection{}, err
	}
	p, found := file.Get(name)
	cfg := zoom.ConfigFromEnv(o.Gov || p.Gov)
	cfg.Plan = cmp.Or(strings.ToLower(strings.TrimSpace(o.Plan)), strings.ToLower(strings.TrimSpace(os.Getenv("ZOOM_PLAN"))), p.Plan, zoom.PlanPro)
	if cfg.Plan != zoom.PlanPro && cfg.Plan != zoom.PlanBusiness {
		return Connection{}, fmt.Errorf("unknown rate plan %q: use pro or business (--plan or ZOOM_PLAN)", cfg.Plan)
	}
	conn := Connection{Config: cfg, Profile: name}
	if o.Sandbox {
		conn.Sandbox = true
		return conn, nil
	}
	envComplete := len(cfg.Missing()) == 0
	if name != "" && !found && !envComplete {
		return Connection{}, fmt.Errorf("no profile %q: zpadd login --profile %s creates it (zpadd profiles lists them)", name, name)
	}
	conn.SecretFrom = "environment"
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&conn.Config.AccountID, p.AccountID)
	fill(&conn.Config.ClientID, p.ClientID)
	if conn.Config.ClientSecret == "" {
		switch {
		case p.ClientSecret != "":
			conn.Config.ClientSecret, conn.SecretFrom = p.ClientSecret, "config file"
		case p.SecretInKeyring:
			secret, err := secretFromKeyring(conn.ProfileName())
			if err != nil {
				return Connection{}, err
			}
			conn.Config.ClientSecret, conn.SecretFrom = secret, "OS keyring"
		}
	}
	missing := conn.Config.Missing()
	switch {
	case len(missing) == 3 && name == "":
		conn.Sandbox, conn.SecretFrom = true, ""
		return conn, nil
	case len(missing) > 0:
		return Connection{}, fmt.Errorf("missing Zoom credentials: set %s, or run zpadd login%s (or run with --sandbox)", strings.Join(missing, ", "), profileFlag(name))
	}
	return conn, nil
}
