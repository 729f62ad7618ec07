package sandbox

import (
	"slices"
	"strings"
	"time"
)

// Outcome says how the batch endpoint treats a batch holding bad users. Zoom
// does not document it, so the sandbox plays each plausible answer.
type Outcome int

const (
	// PerUser creates the good users and leaves the bad ones out: 201 with
	// only the created users when at least one succeeded, 400/300 with
	// errors[] when none did.
	PerUser Outcome = iota
	// AllOrNothing refuses the whole batch (400/300 with errors[] for every
	// bad user) when any user is bad, and creates nobody.
	AllOrNothing
	// PartialRefusal creates the good users but answers 400/300 with
	// errors[] naming only the bad ones, so a client that takes a 400 to
	// mean "nothing was created" is caught out.
	PartialRefusal
)

func (o Outcome) String() string {
	switch o {
	case AllOrNothing:
		return "all-or-nothing"
	case PartialRefusal:
		return "partial-refusal"
	}
	return "per-user"
}

// Defaults applied when an Options field is zero.
const (
	DefaultTokenTTL          = 3599 * time.Second
	DefaultDeviceOnlineAfter = 20 * time.Second
)

// Options are the sandbox's switchable behaviours. The zero value plays the
// documented Zoom behaviour with per-user outcomes.
type Options struct {
	Outcome Outcome
	// RefuseTen answers a batch of exactly 10 users with 400/400
	// "User size must be less than 10." (Zoom's message; its schema allows 10).
	RefuseTen bool
	// Latency is added to every request.
	Latency time.Duration
	// PostDelay is added to the batch POST before it commits. A client that
	// goes away during the delay creates nothing.
	PostDelay time.Duration
	// AnswerDelay holds back the batch POST's answer after it committed:
	// Zoom created the users, its answer is slow (or lost when the client
	// goes away meanwhile, as after a kill -9).
	AnswerDelay time.Duration
	// Fail are scripted faults, consumed in order (see Fault).
	Fail []Fault
	// TokenTTL is the lifetime of issued tokens (zero: 3599s). A short TTL
	// makes tokens expire before the client expects.
	TokenTTL time.Duration
	// DeviceOnlineAfter is how long a desk phone added by a batch stays
	// "offline" before reporting "online" (zero: 20s; negative: never).
	DeviceOnlineAfter time.Duration
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Seed names the embedded seed account (empty: "standard").
	Seed string
	// Size grows the seeded account (large=N, numbers=, phone-users=,
	// devices=); it is read when the sandbox opens, not by SetOptions.
	Size Size

	// The switches below play the answers Zoom leaves UNCERTAIN.

	// EmptyPlansRefused refuses "calling_plans": [] (Zoom marks the field
	// required yet says to leave it empty when no package is assigned).
	EmptyPlansRefused bool
	// LongPlanNames also accepts the long names of GET /phone/calling_plans
	// ("US/CA Unlimited Calling Plan") in a batch, besides the short ones.
	LongPlanNames bool
	// AutoExtension accepts extension_number "0" and assigns the site's next
	// free extension, as Zoom's SCIM integration does.
	AutoExtension bool
	// SingleSite plays an account without Multiple Sites: site lists answer
	// 400/300, and a batch user needs neither site_name nor site_code.
	SingleSite bool
	// BareProfileNumbers returns GET /phone/users/{id} phone numbers without
	// the leading "+", as Zoom's own example does.
	BareProfileNumbers bool
	// FullExtensions returns extension_number in responses as the site code
	// followed by the short extension (11001) instead of the short one (1001).
	FullExtensions bool
	// APIURL adds "api_url" (this server's origin) to token responses.
	APIURL bool
	// RateLimits plays Zoom's per-second quotas of this plan ("pro" or
	// "business"), counted per label over a sliding second; a request over
	// its quota gets Zoom's 429 with Retry-After: 1. Empty: no limits.
	RateLimits string
	// PhoneNotSetUp answers every /v2/phone call with 403, as Zoom does when
	// Zoom Phone is not set up on the account.
	PhoneNotSetUp bool
	// HostileNames adds hostile.go's users, site and template (escape
	// sequences, bidi overrides, line breaks) to the seed at start, and
	// refuses HostileRefusedEmail with a message carrying escapes.
	HostileNames bool

	// RefuseFollowUp answers every PATCH /phone/users/{userId} that sets an
	// emergency address with 400/300 naming emergency_address_id, so the
	// follow-up after a batch fails while the users stay created.
	RefuseFollowUp bool
	// Tokens and scopes (zoom-api.md §11.1, §11.2).

	// ExpiredInvitations are account users (emails) whose invitation has
	// expired: GET /users/{userId} and a batch holding one answer 400/1120
	// (zoom-api.md §11.4), the batch with no errors[] naming the user.
	ExpiredInvitations []string
	// MissingScopes are granular (or, with ClassicScopes, classic) scopes
	// the app lacks: its tokens do not carry them and a call needing one
	// answers 400/104 "Invalid access token, does not contain scopes:[...]".
	MissingScopes []string
	// ClassicScopes plays an app made before granular scopes: tokens carry
	// phone:read:admin, phone:write:admin, user:read:admin.
	ClassicScopes bool
	// OneTokenPerApp plays Zoom's rule that a newly issued token
	// invalidates the app's earlier ones (of the same token index).
	OneTokenPerApp bool
	// TokenThief, when above 0, plays another program on the same app that
	// fetches a token after every TokenThief authorised requests, killing
	// the token in use (implies OneTokenPerApp).
	TokenThief int
	// ClockSkew puts the Date header of every response this far ahead of
	// the sandbox's clock (zpadd doctor reports the skew).
	ClockSkew time.Duration

	// The switches below play how real Zoom answers (zoom-api.md §11).

	// TerseErrors names plain fields in the batch's validation errors
	// ("extension_number"), without the user index (§11.4).
	TerseErrors bool
	// OverstatedSuccess answers a batch with 200 (not 201) naming every user
	// as created, including those it refused.
	OverstatedSuccess bool
	// OldNumbersGone answers GET /phone/numbers with 404 (deprecated, §11.3).
	OldNumbersGone bool
	// NewNumbersRefused answers GET /number_management/numbers with 400/104,
	// as for an app without its scope (§5.5, §11.2).
	NewNumbersRefused bool
	// PendingNumbers shows the first free numbers of each site as pending
	// (being ported in): listed, but a batch may not assign them (§11.3).
	PendingNumbers bool
	// PendingUsers plays mei.chen and priya.patel as pending phone users
	// (licence without the Phone feature): GET /phone/users/{email} finds
	// them with status "pending", the batch add refuses them, and PUT
	// /phone/users/batch assign_pending_user makes them phone users.
	PendingUsers bool
	// BillingSubscriptions holds US/CA Unlimited under two billing
	// subscriptions: the plan list shows it once per subscription and a
	// batch must name one ("US/CA Unlimited:FT-SUBREF-21168178", §4.2).
	BillingSubscriptions bool
	// PolyEdgeDevices registers Poly Edge phones (brand Poly, models
	// edge-e220 and edge-b20, device_type "Poly edge-e220") on the account.
	PolyEdgeDevices bool
}

func (o Options) oneTokenPerApp() bool { return o.OneTokenPerApp || o.TokenThief > 0 }

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func (o Options) tokenTTL() time.Duration {
	if o.TokenTTL > 0 {
		return o.TokenTTL
	}
	return DefaultTokenTTL
}

// deviceOnlineAfter returns the delay and whether devices ever come online.
func (o Options) deviceOnlineAfter() (time.Duration, bool) {
	switch {
	case o.DeviceOnlineAfter < 0:
		return 0, false
	case o.DeviceOnlineAfter == 0:
		return DefaultDeviceOnlineAfter, true
	}
	return o.DeviceOnlineAfter, true
}

// Zoom's expired-invitation answer (zoom-api.md §11.4: 400/1120).
const (
	codeInvitationExpired = 1120
	msgInvitationExpired  = "The user's invitation has expired."
)

// invitationExpired reports whether the account user email plays an
// expired invitation.
func (o Options) invitationExpired(email string) bool {
	return slices.ContainsFunc(o.ExpiredInvitations, func(e string) bool { return strings.EqualFold(strings.TrimSpace(e), email) })
}
