package sandbox

import (
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"zpadd/assets"
)

// EnvBehaviours is the environment variable OptionsFromEnv reads.
const EnvBehaviours = "ZPADD_SANDBOX"

// OptionsFromEnv parses $ZPADD_SANDBOX with ParseBehaviours (empty: the
// default behaviours).
func OptionsFromEnv() (Options, error) {
	o, err := ParseBehaviours(os.Getenv(EnvBehaviours))
	if err != nil {
		return Options{}, fmt.Errorf("%s: %w", EnvBehaviours, err)
	}
	return o, nil
}

// ParseBehaviours reads a comma-separated list of behaviour names, as
// listed in the package documentation, into Options:
// "all-or-nothing,refuse-ten,latency=50ms,fail=429-date".
func ParseBehaviours(spec string) (Options, error) {
	var o Options
	for i, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if err := o.apply(item); err != nil {
			return Options{}, fmt.Errorf("sandbox behaviour %d %q: %w", i+1, item, err)
		}
	}
	return o, nil
}

// flagBehaviours are the behaviours that take no value.
var flagBehaviours = map[string]func(*Options){
	"per-user":             func(o *Options) { o.Outcome = PerUser },
	"all-or-nothing":       func(o *Options) { o.Outcome = AllOrNothing },
	"partial-refusal":      func(o *Options) { o.Outcome = PartialRefusal },
	"refuse-ten":           func(o *Options) { o.RefuseTen = true },
	"empty-plans-refused":  func(o *Options) { o.EmptyPlansRefused = true },
	"long-plan-names":      func(o *Options) { o.LongPlanNames = true },
	"auto-extension":       func(o *Options) { o.AutoExtension = true },
	"single-site":          func(o *Options) { o.SingleSite = true },
	"bare-profile-numbers": func(o *Options) { o.BareProfileNumbers = true },
	"full-extensions":      func(o *Options) { o.FullExtensions = true },
	"api-url":              func(o *Options) { o.APIURL = true },
	"phone-not-set-up":     func(o *Options) { o.PhoneNotSetUp = true },
	"zoom-limits":          func(o *Options) { o.RateLimits = "pro" },
	"hostile-names":        func(o *Options) { o.HostileNames = true },
	"followup-refused":     func(o *Options) { o.RefuseFollowUp = true },
	// The next PATCH of a phone user (the emergency-address follow-up)
	// is applied, then its answer lost.
	"followup-dropped": func(o *Options) {
		o.Fail = append(o.Fail, Fault{Kind: CommitThenDrop, Method: http.MethodPatch, Path: "/phone/users/"})
	},
	"classic-scopes":        func(o *Options) { o.ClassicScopes = true },
	"one-token":             func(o *Options) { o.OneTokenPerApp = true },
	"terse-errors":          func(o *Options) { o.TerseErrors = true },
	"overstated-200":        func(o *Options) { o.OverstatedSuccess = true },
	"old-numbers-gone":      func(o *Options) { o.OldNumbersGone = true },
	"new-numbers-refused":   func(o *Options) { o.NewNumbersRefused = true },
	"pending-numbers":       func(o *Options) { o.PendingNumbers = true },
	"pending-users":         func(o *Options) { o.PendingUsers = true },
	"billing-subscriptions": func(o *Options) { o.BillingSubscriptions = true },
	"poly-edge":             func(o *Options) { o.PolyEdgeDevices = true },
	"site-codes":            func(o *Options) { o.FullExtensions = true }, // reads give site code + short extension (§7.2)
}

func (o *Options) apply(item string) error {
	name, value, hasValue := strings.Cut(item, "=")
	name = strings.ToLower(strings.TrimSpace(name))
	value = strings.TrimSpace(value)
	if set, ok := flagBehaviours[name]; ok {
		if hasValue {
			return fmt.Errorf("%s takes no value", name)
		}
		set(o)
		return nil
	}
	if !hasValue {
		return fmt.Errorf("unknown behaviour (known: %s, latency=, post-delay=, answer-delay=, token-ttl=, device-online-after=, seed=, fail=, expired-invitation=, missing-scope=, token-thief=, clock-skew=, limits=, large=, numbers=, phone-users=, devices=, users=)", strings.Join(flagNames(), ", "))
	}
	switch name {
	case "clock-skew":
		d, err := time.ParseDuration(value)
		if err != nil {
			return fmt.Errorf("%q is not a duration such as 90s or -2m", value)
		}
		o.ClockSkew = d
	case "latency", "post-delay", "answer-delay", "token-ttl", "device-online-after":
		d, err := parseDelay(value, name == "device-online-after")
		if err != nil {
			return err
		}
		switch name {
		case "latency":
			o.Latency = d
		case "post-delay":
			o.PostDelay = d
		case "answer-delay":
			o.AnswerDelay = d
		case "token-ttl":
			o.TokenTTL = d
		default:
			o.DeviceOnlineAfter = d
		}
	case "large", "numbers", "phone-users", "devices", "users":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > 1_000_000 {
			return fmt.Errorf("%s=%q: want a count from 0 to 1000000", name, value)
		}
		switch name {
		case "large":
			o.Size = LargeSize(n)
		case "numbers":
			o.Size.Numbers = n
		case "phone-users":
			o.Size.PhoneUsers = n
		case "users":
			o.Size.Users = n
		default:
			o.Size.Devices = n
		}
	case "limits":
		if zoomQuotas[value] == nil {
			return fmt.Errorf("limits=%q: want pro or business", value)
		}
		o.RateLimits = value
	case "expired-invitation":
		o.ExpiredInvitations = append(o.ExpiredInvitations, value)
	case "missing-scope":
		if value == "" || strings.ContainsAny(value, " \t") {
			return fmt.Errorf("%q is not a scope name such as phone:read:list_users:admin", value)
		}
		o.MissingScopes = append(o.MissingScopes, value)
	case "token-thief":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("%q is not a request count such as 5", value)
		}
		o.TokenThief = n
	case "seed":
		if !slices.Contains(assets.SandboxSeedNames(), value) {
			return fmt.Errorf("no seed named %q (known: %s)", value, strings.Join(assets.SandboxSeedNames(), ", "))
		}
		o.Seed = value
	case "fail":
		f, err := ParseFault(value)
		if err != nil {
			return err
		}
		o.Fail = append(o.Fail, f)
	default:
		return fmt.Errorf("unknown behaviour %q", name)
	}
	return nil
}

// parseDelay reads a Go duration ("50ms", "2s"). For device-online-after,
// "0" and "never" mean devices never come online.
func parseDelay(v string, zeroIsNever bool) (time.Duration, error) {
	if zeroIsNever && (v == "never" || v == "0") {
		return -1, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration such as 50ms or 2s", v)
	}
	return d, nil
}

// ParseFault reads one fault: KIND[@METHOD:PATH]. Without a target the
// fault hits the next POST /phone/users/batch. KIND is 429 (Retry-After in
// seconds), 429-date, 429-iso, 429-none, 429-validation, drop, or a 5xx
// status with an optional body form: 500, 502-html, 503-empty, 500-json.
func ParseFault(s string) (Fault, error) {
	kind, target, hasTarget := strings.Cut(s, "@")
	f := Fault{Method: "POST", Path: "/phone/users/batch", RetryAfterDelay: time.Second}
	if hasTarget {
		method, path, ok := strings.Cut(target, ":")
		if !ok || !strings.HasPrefix(path, "/") {
			return Fault{}, fmt.Errorf("target %q: want METHOD:/path, such as GET:/phone/users", target)
		}
		f.Method, f.Path = strings.ToUpper(method), path
		if f.Method == "ANY" || f.Method == "*" {
			f.Method = ""
		}
	}
	switch kind {
	case "429":
		f.Kind, f.RetryAfter = RateLimited, RetryAfterSeconds
	case "429-date":
		f.Kind, f.RetryAfter = RateLimited, RetryAfterHTTPDate
	case "429-iso":
		f.Kind, f.RetryAfter = RateLimited, RetryAfterISO8601
	case "429-none":
		f.Kind, f.RetryAfter = RateLimited, RetryAfterAbsent
	case "429-validation":
		f.Kind = ValidationAs429
	case "drop":
		f.Kind = CommitThenDrop
	default:
		code, form, _ := strings.Cut(kind, "-")
		status, err := strconv.Atoi(code)
		if err != nil || status < 500 || status > 599 {
			return Fault{}, fmt.Errorf("unknown fault %q (known: 429, 429-date, 429-iso, 429-none, 429-validation, drop, 5xx[-json|-html|-empty])", kind)
		}
		f.Kind, f.Status = ServerError, status
		switch form {
		case "", "json":
			f.Body = BodyJSON
		case "html":
			f.Body = BodyHTML
		case "empty":
			f.Body = BodyEmpty
		default:
			return Fault{}, fmt.Errorf("body form %q: want json, html or empty", form)
		}
	}
	return f, nil
}

func flagNames() []string {
	var names []string
	for n := range flagBehaviours {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
