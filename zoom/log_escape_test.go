package zoom

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
)

// Zoom's message with terminal escapes reaches the log file quoted
// (slog's text handler escapes control characters), never raw, so paging
// the log with cat or less cannot run it; the error keeps the exact text
// for the places that print it through the sanitiser.
func TestLogQuotesZoomsMessageWithEscapes(t *testing.T) {
	f := newFakeZoom(t)
	msg := "bad \x1b]52;c;aGk=\x07site\x1b[2J\u202e"
	f.handle("GET /v2/phone/sites/bad", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, map[string]any{"code": 300, "message": msg})
	})
	var buf bytes.Buffer
	c := newTestClient(t, f.config(), &buf)
	_, err := c.GetSite(context.Background(), "bad")
	if err == nil || !strings.Contains(err.Error(), msg) {
		t.Fatalf("the error should carry Zoom's exact message: %v", err)
	}
	log := buf.String()
	if !strings.Contains(log, "status=400") || !strings.Contains(log, `bad \x1b]52;c;aGk=\asite`) {
		t.Fatalf("the exchange was not logged:\n%s", log)
	}
	for _, raw := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(log, raw) {
			t.Errorf("the log holds %q raw:\n%q", raw, log)
		}
	}
}
