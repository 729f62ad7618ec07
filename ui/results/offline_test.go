package results

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// offline is a transport for a Zoom that never answers.
type offline struct{}

func (offline) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("dial tcp: connect: network is unreachable")
}

// Offline, the submit screen says Zoom cannot be reached and that nothing
// was sent; the pre-flight line stops spinning.
func TestOfflineSubmitSaysWhyAndStopsTheSpinner(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	c, err := zoom.New(zoom.Config{AccountID: "a", ClientID: "b", ClientSecret: "c",
		APIURL: "http://zoom.invalid/v2", OAuthURL: "http://zoom.invalid/oauth/token",
		HTTPClient: &http.Client{Transport: offline{}}, RetryWaitScale: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	j, err := state.OpenJournal(w.home)
	if err != nil {
		t.Fatal(err)
	}
	w.ctx.Service = submit.New(c, w.home, j, submit.Options{})
	w.open(t, cartDraft(t))
	l := newLoop(t, New(w.ctx, common.Navigate{To: common.ResultsScreen}))
	m := l.screen.(*Model)
	l.until("the submit to finish", func() bool { return m.prog.finished })
	view := l.view()
	if !strings.Contains(view, "cannot reach Zoom") {
		t.Errorf("no reason on screen:\n%s", view)
	}
	if strings.Contains(view, "checking 3 users") || !strings.Contains(view, "✗ pre-flight") {
		t.Errorf("the pre-flight line still looks busy:\n%s", view)
	}
}
