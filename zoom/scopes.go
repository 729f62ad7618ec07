package zoom

import (
	"errors"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// ScopeNeed is one Zoom call zpadd makes and the scope it needs: new
// Server-to-Server apps hold granular scopes only; older apps hold classic
// ones, each covering many calls (zoom-api.md §2.4, §11.2).
type ScopeNeed struct {
	Feature string // what zpadd uses it for: "sites", "batch add"
	Route   string // "GET /phone/sites"
	// Granular is the scope Zoom names for the call.
	Granular string
	// Instead are scopes of another call that serves the same feature: a
	// token holding one of them (or its classic scope) needs no Granular.
	Instead []string
}

// Classic is the classic scope that covers the call.
func (n ScopeNeed) Classic() string { return classicScope(n.Granular) }

// Features are what zpadd does, in the order doctor reports them.
var Features = []string{"sites", "templates", "plans", "numbers", "provision templates", "devices", "phone users", "users", "batch add"}

// ScopeNeeds lists every call zpadd makes and its scope.
var ScopeNeeds = []ScopeNeed{
	{Feature: "sites", Route: "GET /phone/sites", Granular: "phone:read:list_sites:admin"},
	{Feature: "sites", Route: "GET /phone/sites/{siteId}", Granular: "phone:read:site:admin"},
	{Feature: "templates", Route: "GET /phone/setting_templates", Granular: "phone:read:list_setting_templates:admin"},
	{Feature: "plans", Route: "GET /phone/calling_plans", Granular: "phone:read:list_calling_plans:admin"},
	// The client reads GET /number_management/numbers first (§5.5, §11.3)
	// and falls back to this one, both ways: either list's scope will do.
	{Feature: "numbers", Route: "GET /phone/numbers", Granular: "phone:read:list_numbers:admin",
		Instead: []string{"number_management:read:list_numbers:admin"}},
	{Feature: "provision templates", Route: "GET /phone/provision_templates", Granular: "phone:read:list_provision_templates:admin"},
	{Feature: "devices", Route: "GET /phone/devices", Granular: "phone:read:list_devices:admin"},
	{Feature: "phone users", Route: "GET /phone/users", Granular: "phone:read:list_users:admin"},
	{Feature: "phone users", Route: "GET /phone/users/{userId}", Granular: "phone:read:user:admin"},
	{Feature: "users", Route: "GET /users/{userId}", Granular: "user:read:user:admin"},
	{Feature: "batch add", Route: "POST /phone/users/batch", Granular: BatchScope},
}

// BatchScope is the granular scope of POST /phone/users/batch.
const BatchScope = "phone:write:batch_users:admin"

// classicScope maps a granular scope to the classic scope covering it.
func classicScope(granular string) string {
	if strings.HasPrefix(granular, "number_management:") {
		return "number_management_numbers:read:admin"
	}
	parts := strings.SplitN(granular, ":", 3)
	if len(parts) < 3 {
		return granular
	}
	verb := parts[1]
	if verb == "update" {
		verb = "write"
	}
	return parts[0] + ":" + verb + ":admin"
}

// Granted reports whether a token holding these scopes may make the call.
func (n ScopeNeed) Granted(scopes []string) bool {
	for _, want := range append([]string{n.Granular}, n.Instead...) {
		if slices.Contains(scopes, want) || slices.Contains(scopes, classicScope(want)) {
			return true
		}
	}
	return false
}

// MissingNeeds returns the calls a token holding these scopes cannot make.
func MissingNeeds(scopes []string) []ScopeNeed {
	var out []ScopeNeed
	for _, n := range ScopeNeeds {
		if !n.Granted(scopes) {
			out = append(out, n)
		}
	}
	return out
}

// ClassicApp reports whether the scopes look like a classic-scope app's.
func ClassicApp(scopes []string) bool {
	return slices.ContainsFunc(scopes, func(s string) bool { return strings.Count(s, ":") == 2 && strings.HasSuffix(s, ":admin") })
}

// MarketplaceStep says where the scopes are added, for messages.
const MarketplaceStep = "on marketplace.zoom.us: Manage → Created Apps → your Server-to-Server OAuth app → Scopes → + Add Scopes, tick it, Done, then Continue (zpadd's next token carries it)"

// ScopeError says the app lacks scopes zpadd needs: a configuration error,
// never a refusal of users.
type ScopeError struct {
	Scopes []string // the scope names, when known
	Why    string   // what zpadd needs them for: "reading phone users", "sites, batch add"
	Err    error    // Zoom's answer, when there was one
}

func (e *ScopeError) Error() string {
	var b strings.Builder
	b.WriteString("the Zoom app lacks ")
	switch len(e.Scopes) {
	case 0:
		b.WriteString("scopes zpadd needs (Zoom: ")
		if e.Err != nil {
			b.WriteString(e.Err.Error())
		}
		b.WriteString("); run zpadd doctor to see which")
	case 1:
		b.WriteString("the scope " + e.Scopes[0])
	default:
		b.WriteString("the scopes " + strings.Join(e.Scopes, ", "))
	}
	if e.Why != "" {
		b.WriteString(" (needed for " + e.Why + ")")
	}
	b.WriteString(": add ")
	if len(e.Scopes) == 1 {
		b.WriteString("it ")
	} else {
		b.WriteString("them ")
	}
	b.WriteString(MarketplaceStep)
	return b.String()
}

func (e *ScopeError) Unwrap() error { return e.Err }

// scopesRe finds the list in "does not contain scopes:[a, b]".
var scopesRe = regexp.MustCompile(`(?i)does not contain scopes?\s*:?\s*\[([^\]]*)\]`)

// MissingScopeIn returns the scopes a Zoom error says the token lacks, and
// whether err is such an error at all: 400 with code 104 ("Invalid access
// token, does not contain scopes:[...]"), any answer quoting that text
// (Zoom's error table lists it under 4700 too), or the older 4711.
func MissingScopeIn(err error) ([]string, bool) {
	var ze *Error
	if !errors.As(err, &ze) {
		return nil, false
	}
	m := scopesRe.FindStringSubmatch(ze.Message)
	switch {
	case m != nil:
		var out []string
		for _, s := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' }) {
			out = append(out, strings.TrimSpace(s))
		}
		return out, true
	case ze.Code == 104 && ze.Status == http.StatusBadRequest, ze.Code == 4711:
		return nil, true
	}
	return nil, false
}

// AsScopeError makes a *ScopeError of an error that says a scope is
// missing (nil otherwise); why says what zpadd was doing.
func AsScopeError(err error, why string) *ScopeError {
	var se *ScopeError
	if errors.As(err, &se) {
		return se
	}
	scopes, ok := MissingScopeIn(err)
	if !ok {
		return nil
	}
	return &ScopeError{Scopes: scopes, Why: why, Err: err}
}
