package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"zpadd/state"
)

// profileJSON is one entry of `zpadd profiles --json`. The secret itself is
// never listed, only where it is kept.
type profileJSON struct {
	Name      string `json:"name"`
	AccountID string `json:"account_id"`
	ClientID  string `json:"client_id"`
	Secret    string `json:"secret"` // "keyring", "config file" or "none"
	Plan      string `json:"plan"`
	Gov       bool   `json:"gov"`
	Active    bool   `json:"active"`
}

// ProfileNames lists the stored profiles, the default first.
func ProfileNames(h state.Home) ([]string, error) {
	file, err := state.LoadConfig(h)
	if err != nil {
		return nil, err
	}
	return file.Names(), nil
}

// Profiles is `zpadd profiles [--json]`.
func Profiles(e *Env, flag string, asJSON bool) int {
	active, err := ChosenProfile(flag)
	if err != nil {
		e.errorf("%v", err)
		return ExitInvalid
	}
	file, err := state.LoadConfig(e.Home)
	if err != nil {
		e.errorf("%v", err)
		return ExitOther
	}
	out := []profileJSON{}
	for _, name := range file.Names() {
		p, _ := file.Get(name)
		secret := "none"
		switch {
		case p.SecretInKeyring:
			secret = "keyring"
		case p.ClientSecret != "":
			secret = "config file"
		}
		out = append(out, profileJSON{Name: name, AccountID: p.AccountID, ClientID: p.ClientID, Secret: secret,
			Plan: cmp.Or(p.Plan, "pro"), Gov: p.Gov, Active: name == cmp.Or(active, state.DefaultProfile)})
	}
	if asJSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return ExitOK
	}
	if len(out) == 0 {
		fmt.Fprintln(e.Stdout, "No profiles yet: zpadd login [--profile NAME] adds one.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tPROFILE\tACCOUNT\tCLIENT\tSECRET\tPLAN\tCLOUD")
	for _, p := range out {
		mark, cloud := "", "zoom.us"
		if p.Active {
			mark = "*"
		}
		if p.Gov {
			cloud = "zoomgov.com"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", mark, p.Name, p.AccountID, p.ClientID, p.Secret, p.Plan, cloud)
	}
	_ = tw.Flush()
	return ExitOK
}
