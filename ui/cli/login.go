package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"zpadd/state"
	"zpadd/zoom"
)

// LoginOptions are the flags of `zpadd login`.
type LoginOptions struct {
	Profile string
	Gov     bool
	Plan    string
	Sandbox bool
}

// Login asks for a Server-to-Server app's credentials, proves them (a token
// and the doctor checks) before saving anything, then stores the secret in
// the OS keyring, or, where there is none and the operator agrees, in the
// 0600 config file. The environment still wins over what is saved.
func Login(ctx context.Context, e *Env, o LoginOptions, ask Prompter) int {
	if o.Sandbox {
		e.errorf("zpadd login stores a real account; the sandbox needs none (drop --sandbox)")
		return ExitInvalid
	}
	name, profile, file, code := e.profileConfig(o.Profile)
	if code != ExitOK {
		return code
	}
	old, _ := file.Get(name)
	creds, err := ask.Credentials(LoginCredentials{AccountID: old.AccountID, ClientID: old.ClientID})
	if err != nil {
		e.errorf("not logged in: %v", err)
		return ExitOther
	}
	creds = LoginCredentials{strings.TrimSpace(creds.AccountID), strings.TrimSpace(creds.ClientID), strings.TrimSpace(creds.ClientSecret)}
	// From here on no zpadd file may contain the secret but the one the
	// operator may choose below.
	state.RegisterSecret(creds.ClientSecret)

	p := old
	p.AccountID, p.ClientID, p.Gov = creds.AccountID, creds.ClientID, o.Gov || old.Gov
	p.Plan = cmp.Or(strings.ToLower(strings.TrimSpace(o.Plan)), old.Plan)
	cfg := zoom.ConfigFromEnv(p.Gov)
	cfg.AccountID, cfg.ClientID, cfg.ClientSecret = creds.AccountID, creds.ClientID, creds.ClientSecret
	cfg.Plan = cmp.Or(p.Plan, zoom.PlanPro)
	client, err := zoom.New(cfg)
	if err != nil {
		e.errorf("not logged in: %v", err)
		return ExitInvalid
	}
	fmt.Fprintf(e.Stderr, "Checking the credentials with Zoom (read-only)...\n\n")
	report := Diagnose(ctx, client, Connection{Config: cfg, Profile: name})
	printDoctor(e.Stderr, report)
	if report.Token != "ok" {
		e.errorf("not logged in: nothing saved")
		return ExitOther
	}
	if !report.OK {
		yes, err := ask.Confirm("Some of what zpadd needs is missing (above). Save this profile anyway?", "Save", "Don't save")
		if err != nil || !yes {
			e.errorf("not logged in: nothing saved; add the scopes, then run zpadd login%s again", profileFlag(name))
			return ExitOther
		}
	}

	secretAt := "the OS keyring"
	if err := secretToKeyring(profile, creds.ClientSecret); err != nil {
		if !errors.Is(err, ErrNoKeyring) {
			e.errorf("not logged in: %v", err)
			return ExitOther
		}
		fmt.Fprintf(e.Stderr, "\n%v.\nzpadd can keep the client secret in %s instead, readable only by you (0600).\n", err, e.Home.ConfigPath())
		yes, cerr := ask.Confirm("Store the client secret in the config file?", "Store it", "Don't")
		if cerr != nil || !yes {
			e.errorf("not logged in: nothing saved; without a keyring, set ZOOM_CLIENT_SECRET in the environment instead")
			return ExitOther
		}
		p.ClientSecret, p.SecretInKeyring, secretAt = creds.ClientSecret, false, e.Home.ConfigPath()
	} else {
		p.ClientSecret, p.SecretInKeyring = "", true
	}
	file.Set(name, p)
	if err := state.SaveConfig(e.Home, file); err != nil {
		e.errorf("not logged in: %v", err)
		return ExitOther
	}
	use := "zpadd"
	if name != "" {
		use = "zpadd --profile " + name
	}
	fmt.Fprintf(e.Stderr, "\nLogged in: profile %s, account %s, client secret in %s. %s uses it.\n", profile, p.AccountID, secretAt, use)
	if os.Getenv("ZOOM_ACCOUNT_ID") != "" || os.Getenv("ZOOM_CLIENT_ID") != "" || os.Getenv("ZOOM_CLIENT_SECRET") != "" {
		fmt.Fprintln(e.Stderr, "Note: ZOOM_* credentials are set in this environment, and they win over the profile.")
	}
	return ExitOK
}

// Logout forgets a profile: its keyring entry and its config entry. Its
// drafts and journal stay.
func Logout(e *Env, flag string) int {
	name, profile, file, code := e.profileConfig(flag)
	if code != ExitOK {
		return code
	}
	p, ok := file.Get(name)
	if !ok {
		e.errorf("no profile %q to log out of (zpadd profiles lists them)", profile)
		return ExitInvalid
	}
	code = ExitOK
	if p.SecretInKeyring {
		if err := deleteFromKeyring(profile); err != nil {
			e.errorf("profile %s: could not remove its secret from the OS keyring (%v); remove the entry %q of service %q by hand", profile, err, keyringUser(profile), keyringService)
			code = ExitOther
		}
	}
	file.Delete(name)
	if err := state.SaveConfig(e.Home, file); err != nil {
		e.errorf("%v", err)
		return ExitOther
	}
	fmt.Fprintf(e.Stderr, "Logged out of profile %s; its drafts and journal stay (in %s).\n", profile, e.Home.Data)
	return code
}

// profileConfig resolves the profile a flag (or ZPADD_PROFILE) names, its
// name as shown, and the config file; a non-zero code says why not,
// already printed.
func (e *Env) profileConfig(flag string) (name, shown string, file state.ConfigFile, code int) {
	name, err := ChosenProfile(flag)
	if err != nil {
		e.errorf("%v", err)
		return "", "", file, ExitInvalid
	}
	file, err = state.LoadConfig(e.Home)
	if err != nil {
		e.errorf("%v", err)
		return "", "", file, ExitOther
	}
	return name, cmp.Or(name, state.DefaultProfile), file, ExitOK
}
