package cli

import (
	"errors"
	"os"
	"strings"

	"charm.land/huh/v2"
	"golang.org/x/term"
)

// LoginCredentials are what the login form asks for.
type LoginCredentials struct {
	AccountID, ClientID, ClientSecret string
}

// Prompter asks the operator; the login form is one, tests script another.
type Prompter interface {
	Credentials(prefill LoginCredentials) (LoginCredentials, error)
	Confirm(question, affirmative, negative string) (bool, error)
}

// NewFormPrompter asks with huh forms (line by line when accessible).
func NewFormPrompter(accessible bool) Prompter { return formPrompter{accessible: accessible} }

type formPrompter struct{ accessible bool }

// errNoTerminal says login cannot ask: scripts set the environment instead.
var errNoTerminal = errors.New("zpadd login asks for the credentials and needs a terminal; in scripts set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET instead")

func (p formPrompter) Credentials(prefill LoginCredentials) (LoginCredentials, error) {
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return LoginCredentials{}, errNoTerminal
	}
	c := prefill
	if err := credentialsForm(&c).WithAccessible(p.accessible).Run(); err != nil {
		return LoginCredentials{}, err
	}
	return c, nil
}

// credentialsForm is the three fields, the secret masked. Pasted text
// arrives as one tea.PasteMsg, which huh's inputs take whole.
func credentialsForm(c *LoginCredentials) *huh.Form {
	required := func(what string) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(what + " is required")
			}
			return nil
		}
	}
	return huh.NewForm(huh.NewGroup(
		huh.NewNote().Title("Connect a Zoom account").
			Description("From your Server-to-Server OAuth app on marketplace.zoom.us (App Credentials).\nThe secret goes to the OS keyring; nothing is saved until Zoom accepts it."),
		huh.NewInput().Title("Account ID").Value(&c.AccountID).Validate(required("the account ID")),
		huh.NewInput().Title("Client ID").Value(&c.ClientID).Validate(required("the client ID")),
		huh.NewInput().Title("Client secret").EchoMode(huh.EchoModePassword).Value(&c.ClientSecret).Validate(required("the client secret")),
	))
}

func (p formPrompter) Confirm(question, affirmative, negative string) (bool, error) {
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return false, nil
	}
	var yes bool
	err := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(question).Affirmative(affirmative).Negative(negative).Value(&yes))).
		WithAccessible(p.accessible).Run()
	return yes, err
}
