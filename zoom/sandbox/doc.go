// Package sandbox simulates the Zoom endpoints zpadd uses, over one seeded
// account, so zpadd can run and be tested without a Zoom account. It is an
// independent implementation of the HTTP API (it does not import
// zpadd/zoom), so tests of the client against it mean something.
//
// It serves POST /oauth/token (Server-to-Server OAuth, account_credentials)
// and, under /v2 with a bearer token: GET /phone/sites, /phone/sites/{id},
// /phone/setting_templates, /phone/calling_plans, /phone/numbers,
// /phone/provision_templates, /phone/devices, /phone/users,
// /phone/users/{idOrEmail}, /users/{idOrEmail}, and POST /phone/users/batch;
// and the calls made after a batch: GET /phone/emergency_addresses, PATCH
// /phone/users/{idOrEmail} (emergency_address_id), GET
// /phone/devices/{id} (provisioning type and URL), POST
// /phone/devices/{id}/reboot and POST /phone/devices/sync (one per 15 min).
// Field names, types and error bodies follow Zoom's schema; every response
// carries an x-zm-trackingid header.
//
// Use it in process (New(...).Transport() sends requests to any host to the
// handler), in tests (httptest.NewServer(New(...))), or over HTTP (Serve,
// behind `zpadd sandbox`).
//
// # Behaviours
//
// Where Zoom's behaviour is undocumented the sandbox can play each answer.
// ParseBehaviours (and $ZPADD_SANDBOX, and `zpadd sandbox --behave`) take a
// comma-separated list of:
//
//	per-user               (default) good users created, bad ones left out of the 201;
//	                       400/300 with errors[] when none succeeded
//	all-or-nothing         any bad user: 400/300 with errors[] for each, nothing created
//	partial-refusal        good users created, yet 400/300 with errors[] for the bad ones
//	refuse-ten             a batch of exactly 10: 400/400 "User size must be less than 10."
//	latency=DUR            added to every request (50ms, 1s)
//	post-delay=DUR         the batch POST waits before it commits; a client that
//	                       gives up first creates nothing
//	token-ttl=DUR          token lifetime (default 3599s); shorter = early expiry (401/124)
//	device-online-after=DUR  new desk phones turn "online" after DUR (default 20s; 0 or never)
//	seed=NAME              the embedded seed account (default standard)
//	empty-plans-refused    "calling_plans": [] is refused (accepted by default)
//	long-plan-names        the batch also accepts "US/CA Unlimited Calling Plan"
//	auto-extension         extension_number "0" takes the site's next free extension
//	single-site            no Multiple Sites: site lists 400/300, users need no site
//	bare-profile-numbers   GET /phone/users/{id} numbers without "+"
//	full-extensions        responses give site code + short extension (11001)
//	api-url                token responses carry api_url
//	phone-not-set-up       every /v2/phone call answers 403
//	zoom-limits            Zoom's Pro per-second quotas per label, counted over a
//	                       sliding second as requests arrive; over quota: 429,
//	                       Retry-After: 1 (limits=business for Business+)
//	large=N                a large account: N more numbers over the sites, N/2
//	                       phone users (one number each), N/5 desk phones;
//	                       numbers=, phone-users=, devices= set each count;
//	                       users=N adds N active users without Zoom Phone
//	hostile-names          adds users, a site and a template whose names carry
//	                       escape sequences, bidi overrides and line breaks,
//	                       and a refusal message with escapes (hostile.go)
//	followup-refused       PATCH of a user's emergency address: 400/300 naming
//	                       emergency_address_id (the user stays created)
//	followup-dropped       the next PATCH of a phone user is applied, then its
//	                       connection closed unanswered
//	expired-invitation=EMAIL  this account user's invitation expired (repeatable):
//	                       GET /users/{userId} and a batch holding it answer 400/1120
//	missing-scope=SCOPE    the app lacks this granular scope (repeatable): tokens do not
//	                       carry it and calls needing it answer 400/104
//	classic-scopes         an app from before granular scopes (phone:read:admin ...)
//	one-token              a new token invalidates the app's earlier ones (Zoom's rule)
//	token-thief=N          another program on the app takes a new token after every N
//	                       authorised requests, killing ours (implies one-token)
//	clock-skew=DUR         the Date header runs DUR ahead of the clock (negative: behind)
//	fail=KIND[@METHOD:PATH]  a scripted fault, consumed once, in order; default
//	                       target POST:/phone/users/batch. KIND: 429 (Retry-After
//	                       seconds), 429-date, 429-iso, 429-none, 429-validation,
//	                       drop (commit, then close the connection unanswered),
//	                       5xx with -json (default), -html or -empty: 503-html
//
// and, for how real Zoom answers (zoom-api.md §11):
//
//	terse-errors           batch errors[] name plain fields ("extension_number"), no users[i]
//	overstated-200         a batch answers 200 naming every user, created or not
//	site-codes             same as full-extensions: reads give site code + short extension
//	old-numbers-gone       GET /phone/numbers answers 404
//	new-numbers-refused    GET /number_management/numbers answers 400/104 (missing scope)
//	pending-numbers        each site's first 3 free numbers are pending (being ported)
//	pending-users          mei.chen and priya.patel are pending phone users; the batch
//	                       refuses them, PUT /phone/users/batch assign_pending_user adds them
//	billing-subscriptions  US/CA Unlimited held under two billing subscriptions
//	poly-edge              the account holds Poly Edge phones ("Poly edge-e220")
//
// # The standard seed
//
// "Example Corp": sites Main Site (US, site code 1, 4-digit extensions),
// London (GB, 2, 3 digits), Tokyo (JP, 3, 5 digits) and Toronto (CA, 4, 4
// digits); user and group templates per site ("Main Site Standard User",
// "London Standard User", "Tokyo Standard User", "Toronto Standard User");
// calling plans with some exhausted ("UK/Ireland Metered", "AU/NZ
// Unlimited", "Power Pack" have 0 available); over 2,000 unassigned valid
// numbers (Main Site from +16468201000, London from +442038120000, Tokyo
// from +81345671000, Toronto from +14163631000); provision templates "HQ
// Yealink", "London Polycom", "Tokyo Yealink", "Cisco MPP Default",
// "AudioCodes Standard"; 60 account users (active, inactive, pending; names
// such as José Núñez, Zoë Clarke, Łukasz Kowalski, 山田太郎); 14 phone users
// and 11 desk phones; 10 emergency addresses, one default per site (Main
// Site: 350 Fifth Avenue Floor 1 is the default, Floor 8, 85 Jay Street
// Brooklyn and 30 Montgomery Street Jersey City the others). Desk phones
// provision by ZTP (Yealink, Poly, AudioCodes), assisted (Cisco) or by hand
// (the rest), with a sandbox provisioning URL.
//
// Active users free to add (none is a phone user yet), all @example.com:
//
//	grace.wilson  henry.moore  isabel.taylor  jack.anderson  jose.nunez
//	zoe.clarke  lukasz.kowalski  taro.yamada  hanako.sato  siobhan.obrien
//	francois.dupont  mei.chen  priya.patel  sophie.turner  haruto.suzuki
//	noah.roy  olivia.cote  ethan.clark  mia.lewis  lucas.walker
//
// Not addable: paul.inactive (inactive), nina.pending (pending),
// alice.johnson (already a phone user, Main Site extension 1001).
// Extensions already taken at Main Site: 1000 (auto receptionist), 1001-1005, 1010.
package sandbox
