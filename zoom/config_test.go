package zoom

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestConfigFromEnvDefaultsAndGov(t *testing.T) {
	for _, k := range []string{envAccountID, envClientID, envClientSecret, envAPIURL, envOAuthURL, envPlan} {
		t.Setenv(k, "")
	}
	c := ConfigFromEnv(false)
	if c.APIURL != DefaultAPIURL || c.OAuthURL != DefaultOAuthURL || c.Plan != PlanPro {
		t.Errorf("defaults = %+v", c)
	}
	g := ConfigFromEnv(true)
	if g.APIURL != "https://api.zoomgov.com/v2" || g.OAuthURL != "https://zoomgov.com/oauth/token" {
		t.Errorf("gov defaults = %s / %s", g.APIURL, g.OAuthURL)
	}
	if got, want := c.Missing(), []string{envAccountID, envClientID, envClientSecret}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing = %v, want %v", got, want)
	}
}

func TestConfigFromEnvReadsEveryVariable(t *testing.T) {
	t.Setenv(envAccountID, " acct ")
	t.Setenv(envClientID, "cid")
	t.Setenv(envClientSecret, "sec")
	t.Setenv(envAPIURL, "http://127.0.0.1:9/v2")
	t.Setenv(envOAuthURL, "http://127.0.0.1:9/oauth/token")
	t.Setenv(envPlan, "Business")
	c := ConfigFromEnv(true) // explicit URLs beat the gov defaults
	want := Config{AccountID: "acct", ClientID: "cid", ClientSecret: "sec", APIURL: "http://127.0.0.1:9/v2", OAuthURL: "http://127.0.0.1:9/oauth/token", Plan: "business"}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v, want %+v", c, want)
	}
	if m := c.Missing(); len(m) != 0 {
		t.Errorf("Missing = %v, want none", m)
	}
}

func TestNewRejectsBadConfigWithClearMessage(t *testing.T) {
	good := Config{AccountID: "a", ClientID: "b", ClientSecret: "c"}
	cases := []struct {
		name string
		mod  func(*Config)
		want string
	}{
		{"missing secret", func(c *Config) { c.ClientSecret = "" }, "ZOOM_CLIENT_SECRET"},
		{"bad api url", func(c *Config) { c.APIURL = "api.zoom.us/v2" }, "ZOOM_API_URL"},
		{"bad oauth url", func(c *Config) { c.OAuthURL = "ftp://x/oauth" }, "ZOOM_OAUTH_URL"},
		{"unknown plan", func(c *Config) { c.Plan = "free" }, `plan "free"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := good
			tc.mod(&cfg)
			_, err := New(cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want mention of %q", err, tc.want)
			}
		})
	}
	if _, err := New(good); err != nil {
		t.Errorf("good config: %v", err)
	}
}

// Printing a Config in any verb never shows the secret.
func TestConfigPrintingRedactsSecret(t *testing.T) {
	c := Config{AccountID: "a", ClientID: "b", ClientSecret: fakeSecret}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := fmt.Sprintf(verb, c); strings.Contains(s, fakeSecret) {
			t.Errorf("%s shows the secret: %s", verb, s)
		}
	}
}

// Printing a Client never shows the secret it holds.
func TestClientPrintingRedactsSecret(t *testing.T) {
	c, err := New(Config{AccountID: "a", ClientID: "b", ClientSecret: fakeSecret})
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := fmt.Sprintf(verb, c); strings.Contains(s, fakeSecret) {
			t.Errorf("%s shows the secret: %s", verb, s)
		}
	}
}
