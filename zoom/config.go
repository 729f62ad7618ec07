package zoom

import (
	"cmp"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
)

// Default endpoints of Zoom's commercial and government clouds.
const (
	DefaultAPIURL    = "https://api.zoom.us/v2"
	DefaultOAuthURL  = "https://zoom.us/oauth/token"
	GovAPIURL        = "https://api.zoomgov.com/v2"
	GovOAuthURL      = "https://zoomgov.com/oauth/token"
	PlanPro          = "pro"
	PlanBusiness     = "business"
	envAccountID     = "ZOOM_ACCOUNT_ID"
	envClientID      = "ZOOM_CLIENT_ID"
	envClientSecret  = "ZOOM_CLIENT_SECRET"
	envAPIURL        = "ZOOM_API_URL"
	envOAuthURL      = "ZOOM_OAUTH_URL"
	envPlan          = "ZOOM_PLAN"
	envTokenIndex    = "ZOOM_TOKEN_INDEX"
	redactedSecret   = "[redacted]"
	missingSecretTag = "[empty]"
)

// Config says which Zoom account to talk to and how.
type Config struct {
	AccountID, ClientID, ClientSecret string
	// APIURL defaults to https://api.zoom.us/v2 (gov: https://api.zoomgov.com/v2).
	APIURL string
	// OAuthURL defaults to https://zoom.us/oauth/token (gov: https://zoomgov.com/oauth/token).
	OAuthURL string
	// Plan is "pro" (default) or "business"; it sizes the client-side rate limits.
	Plan string
	// TokenIndex, when set, is sent as the token request's "index": where
	// Zoom raised the account's index tolerance, tokens of different
	// indexes coexist instead of each new one killing the last
	// (zoom-api.md §11.1), so each tool on one app can take its own.
	TokenIndex string
	// HTTPClient is an optional base client (tests, the in-process sandbox).
	HTTPClient *http.Client
	// Logger is optional; it must never write to the terminal the TUI owns.
	Logger *slog.Logger
	// RetryWaitScale multiplies every wait between retries of a read (0
	// means 1). Tests of code built on the client shrink it so they do not
	// sleep through real backoff; zpadd itself never sets it.
	RetryWaitScale float64
}

// ConfigFromEnv reads ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET,
// ZOOM_API_URL, ZOOM_OAUTH_URL and ZOOM_PLAN. gov switches the default
// endpoints to zoomgov.com; explicit URLs in the environment still win.
func ConfigFromEnv(gov bool) Config {
	apiURL, oauthURL := DefaultAPIURL, DefaultOAuthURL
	if gov {
		apiURL, oauthURL = GovAPIURL, GovOAuthURL
	}
	return Config{
		AccountID:    strings.TrimSpace(os.Getenv(envAccountID)),
		ClientID:     strings.TrimSpace(os.Getenv(envClientID)),
		ClientSecret: strings.TrimSpace(os.Getenv(envClientSecret)),
		APIURL:       cmp.Or(strings.TrimSpace(os.Getenv(envAPIURL)), apiURL),
		OAuthURL:     cmp.Or(strings.TrimSpace(os.Getenv(envOAuthURL)), oauthURL),
		Plan:         cmp.Or(strings.ToLower(strings.TrimSpace(os.Getenv(envPlan))), PlanPro),
		TokenIndex:   strings.TrimSpace(os.Getenv(envTokenIndex)),
	}
}

// Missing names the environment variables whose credential is still empty,
// so the caller can say exactly what to set.
func (c Config) Missing() []string {
	var out []string
	if strings.TrimSpace(c.AccountID) == "" {
		out = append(out, envAccountID)
	}
	if strings.TrimSpace(c.ClientID) == "" {
		out = append(out, envClientID)
	}
	if strings.TrimSpace(c.ClientSecret) == "" {
		out = append(out, envClientSecret)
	}
	return out
}

// String describes the config with the client secret redacted, so printing
// a Config by mistake leaks nothing.
func (c Config) String() string {
	secret := redactedSecret
	if c.ClientSecret == "" {
		secret = missingSecretTag
	}
	return fmt.Sprintf("zoom.Config{AccountID:%q ClientID:%q ClientSecret:%s APIURL:%q OAuthURL:%q Plan:%q}",
		c.AccountID, c.ClientID, secret, c.APIURL, c.OAuthURL, c.Plan)
}

// GoString redacts the secret under %#v too.
func (c Config) GoString() string { return c.String() }

// LogValue redacts the secret when a Config is logged with slog.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("account_id", c.AccountID),
		slog.String("client_id", c.ClientID),
		slog.String("client_secret", redactedSecret),
		slog.String("api_url", c.APIURL),
		slog.String("oauth_url", c.OAuthURL),
		slog.String("plan", c.Plan),
	)
}

// normalisePlan maps the plan names Zoom uses to the two rate tables.
// Business, Education, Enterprise and Partners share the Business+ table.
func normalisePlan(p string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(p)) {
	case "", PlanPro:
		return PlanPro, nil
	case PlanBusiness, "business+", "businessplus", "education", "enterprise", "partner", "partners":
		return PlanBusiness, nil
	}
	return "", fmt.Errorf("zoom: plan %q is not known: use %q or %q (env %s, flag --plan)", p, PlanPro, PlanBusiness, envPlan)
}
