package submit

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"zpadd/state"
	"zpadd/zoom"
)

// unreachable is a transport for a Zoom that never answers (offline, DNS,
// a firewall): every request fails before any HTTP response.
type unreachable struct{}

func (unreachable) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("dial tcp: connect: network is unreachable")
}

// Offline, pre-flight must not report "checked" and let a submit through:
// it stops with ErrUnreachable, and Submit sends nothing.
func TestPreflightAgainstAnUnreachableZoomBlocksAndSaysWhy(t *testing.T) {
	c, err := zoom.New(zoom.Config{
		AccountID: "a", ClientID: "b", ClientSecret: "c",
		APIURL: "http://zoom.invalid/v2", OAuthURL: "http://zoom.invalid/oauth/token",
		HTTPClient: &http.Client{Transport: unreachable{}}, RetryWaitScale: 0.001,
	})
	if err != nil {
		t.Fatal(err)
	}
	home := state.HomeUnder(t.TempDir())
	j, err := state.OpenJournal(home)
	if err != nil {
		t.Fatal(err)
	}
	svc := New(c, home, j, Options{})
	d := state.NewDraft("offline", state.Defaults{SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"}})
	i, _ := d.AddUser("grace.wilson@example.com")
	d.Users[i].ExtensionNumber = "1101"

	if _, err := svc.Preflight(context.Background(), d, nil); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("pre-flight error %v, want ErrUnreachable", err)
	}
	sub, err := svc.Submit(context.Background(), d, nil)
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("submit error %v, want ErrUnreachable", err)
	}
	if pending, _ := j.Unfinished(); len(pending) != 0 || (sub != nil && len(sub.Results) > 0 && sub.Results[0].Status == StatusCreated) {
		t.Errorf("something was journalled or sent: %v %+v", pending, sub)
	}
	if code := ExitCode(nil, err); code != ExitOther {
		t.Errorf("exit code %d, want %d (network before anything was sent)", code, ExitOther)
	}
}
