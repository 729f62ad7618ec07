package bench

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"zpadd/state"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// The cost benchmarks run against the sandbox as Zoom answers a real
// account: Zoom's Pro per-second limits counted over a sliding second
// (zoom-limits), 50 ms per request, and an account of realistic size. Each
// reports zpadd's figure next to its floor, measured or computed in the
// same run, and the 429s the sandbox answered.
//
//	go test -run '^$' -bench 'Check10|Submit10|Submit50|Warm' -benchtime 1x ./bench
//	go test -run '^$' -bench ColdCatalog50k -benchtime 1x ./bench   (about a minute a run)

// zoomQuota is Zoom's Pro per-second quota per label (zoom-api.md §8.1),
// for the floors: what any client could do with the whole quota.
var zoomQuota = map[string]int{"phone-light": 20, "phone-medium": 10, "main-light": 30}

// labelOf mirrors the sandbox's labels for the requests of its log.
func labelOf(r sandbox.RequestLog) string {
	p := strings.TrimPrefix(r.Path, "/v2/")
	parts := strings.Split(p, "/")
	switch {
	case r.Path == "/oauth/token":
		return "token"
	case parts[0] == "users":
		return "main-light"
	case parts[0] == "number_management", len(parts) == 2 && parts[1] == "setting_templates":
		return "phone-light"
	case len(parts) == 2, len(parts) == 3 && parts[2] == "batch":
		return "phone-medium"
	}
	return "phone-light"
}

// costOf sums a stretch of the sandbox's log: requests, 429s, and the rate
// floor of the requests answered: the time Zoom's full quota needs to let
// that many of each label through a sliding second (the first second's
// worth go at once).
type cost struct {
	requests, throttled int
	rateFloor           time.Duration
}

func costOf(log []sandbox.RequestLog) cost {
	var c cost
	perLabel := map[string]int{}
	for _, r := range log {
		c.requests++
		if r.Status == 429 {
			c.throttled++
			continue
		}
		perLabel[labelOf(r)]++
	}
	for l, n := range perLabel {
		q := zoomQuota[l]
		if q == 0 {
			continue
		}
		if d := time.Duration(math.Max(0, float64(n-q)) / float64(q) * float64(time.Second)); d > c.rateFloor {
			c.rateFloor = d
		}
	}
	return c
}

// largeAccount is a sandbox of a realistic account with Zoom's limits.
func largeAccount(spec string) *sandbox.Sandbox {
	o, err := sandbox.ParseBehaviours("zoom-limits,latency=50ms," + spec)
	if err != nil {
		panic(err)
	}
	return sandbox.New(o)
}

var (
	freeNumbersOnce sync.Once
	freeNumbers     []string
)

// mainSiteFreeNumbers are unassigned numbers of Main Site in the standard
// seed, which every large account keeps (large=N only adds): read once,
// from an unthrottled sandbox without latency, outside any timing.
func mainSiteFreeNumbers(b *testing.B) []string {
	freeNumbersOnce.Do(func() {
		sb := sandbox.New(sandbox.Options{})
		c, err := zoom.New(submit.SandboxConfig(zoom.Config{RateShare: 1}, sb))
		if err != nil {
			panic(err)
		}
		sites, err := c.ListSites(context.Background())
		if err != nil {
			panic(err)
		}
		for _, s := range sites {
			if s.Name == "Main Site" {
				ns, err := c.ListUnassignedNumbers(context.Background(), s.ID)
				if err != nil {
					panic(err)
				}
				for _, n := range ns {
					freeNumbers = append(freeNumbers, n.Number)
				}
			}
		}
	})
	if len(freeNumbers) < 500 {
		b.Fatalf("only %d free numbers at Main Site", len(freeNumbers))
	}
	return freeNumbers
}

// usersFrom makes n clean users at Main Site, from offset k: active account
// users without Zoom Phone (the sandbox's users=N), free 4-digit
// extensions, free numbers, and new MACs when asked.
func usersFrom(b *testing.B, emails []string, k, n int, withMAC bool) []state.User {
	nums := mainSiteFreeNumbers(b)
	var out []state.User
	for i := k; i < k+n; i++ {
		u := state.User{Email: emails[i], ExtensionNumber: fmt.Sprint(2101 + i), SiteName: "Main Site",
			TemplateName: "Main Site Standard User", CallingPlans: []string{"US/CA Unlimited"}, PhoneNumbers: []string{nums[i]}}
		if withMAC {
			u.DeskPhones = []state.DeskPhone{{MAC: fmt.Sprintf("805ec0%06x", 0x700000+i), Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"}}
		}
		out = append(out, u)
	}
	return out
}

// coldService is what the binary has at start: a new client (no token yet)
// and a home with no catalog.
func coldService(b *testing.B, sb *sandbox.Sandbox) *submit.Service {
	svc, _, err := sandboxService(b, sb)
	if err != nil {
		b.Fatal(err)
	}
	return svc
}

func report(b *testing.B, name string, got, floor time.Duration) {
	b.ReportMetric(float64(got.Milliseconds()), name+"-ms")
	b.ReportMetric(float64(floor.Milliseconds()), name+"-floor-ms")
	if floor > 0 {
		b.ReportMetric(float64(got)/float64(floor), name+"/floor")
	}
}

// BenchmarkCheck10Large is `zpadd check` of 10 users (extension, number,
// template, plan, desk phone each) on a 10,000-number account: cold, the
// token included. Floor: the round trips of targeted reads (token, sites,
// reads: 3 RTT) or the time Zoom's full quota needs for the reads made,
// whichever is longer.
func BenchmarkCheck10Large(b *testing.B) {
	emails := accountEmails(b, 10)
	var wall, floor time.Duration
	var c cost
	for range b.N {
		sb := largeAccount("large=10000,users=10")
		svc := coldService(b, sb)
		d := state.NewDraft("check10", state.Defaults{})
		d.Users = usersFrom(b, emails, 0, 10, true)
		start := time.Now()
		ps, err := svc.Preflight(context.Background(), d, nil)
		if err != nil {
			b.Fatal(err)
		}
		wall += time.Since(start)
		if ps.Blocking() {
			b.Fatalf("blocked: %v", ps)
		}
		run := costOf(sb.Requests())
		c.requests += run.requests
		c.throttled += run.throttled
		floor += max(3*latency, run.rateFloor)
	}
	n := time.Duration(b.N)
	report(b, "check", wall/n, floor/n)
	b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
	b.ReportMetric(float64(c.throttled)/float64(b.N), "429s")
}

// accountEmails are emails of active account users that are not phone
// users: the sandbox's users=N behaviour adds them (large.example.com).
func accountEmails(b *testing.B, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("new%05d@large.example.com", i+1)
	}
	return out
}

// BenchmarkSubmit10Large is `zpadd submit` of the same 10 users as the
// binary runs it: token, sites, site, targeted reads, one POST, verify,
// next to the naive one-POST-per-user loop (token included) on an
// identical account, and to the floor of targeted reads (5 RTT: token,
// sites, reads, POST, verify; or the rate floor of the reads made).
func BenchmarkSubmit10Large(b *testing.B) {
	emails := accountEmails(b, 10)
	var wall, naiveWall, floor time.Duration
	var c cost
	for range b.N {
		sb := largeAccount("large=10000,users=10")
		svc := coldService(b, sb)
		d := state.NewDraft("submit10", state.Defaults{})
		d.Users = usersFrom(b, emails, 0, 10, true)
		start := time.Now()
		sub, err := svc.Submit(context.Background(), d, nil)
		if err != nil {
			b.Fatal(err)
		}
		wall += time.Since(start)
		if cr, _, _, _ := sub.Counts(); cr != 10 {
			b.Fatalf("created %d of 10", cr)
		}
		run := costOf(sb.Requests())
		c.requests += run.requests
		c.throttled += run.throttled
		floor += max(5*latency, run.rateFloor)

		nsb := largeAccount("large=10000,users=10")
		nc, err := zoom.New(submit.SandboxConfig(zoom.Config{}, nsb))
		if err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		for _, u := range d.Users {
			if _, err := nc.BatchAddUsers(context.Background(), zoom.BatchUsers([]state.User{u})); err != nil {
				b.Fatal(err)
			}
		}
		naiveWall += time.Since(start)
	}
	n := time.Duration(b.N)
	report(b, "submit", wall/n, floor/n)
	b.ReportMetric(float64((naiveWall / n).Milliseconds()), "naive-ms")
	b.ReportMetric(float64(naiveWall)/float64(wall), "speedup-vs-naive")
	b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
	b.ReportMetric(float64(c.throttled)/float64(b.N), "429s")
}

// BenchmarkSubmit50Drafts is `zpadd submit` of 50 drafts of 10 users (500
// users, no desk phones) in one run on a 10,000-number account, next to
// the POST floor: 50 POSTs through the batch endpoint's 10/s. The 429s
// are those of a run with no other traffic (goal 0).
func BenchmarkSubmit50Drafts(b *testing.B) {
	emails := accountEmails(b, 500)
	var wall time.Duration
	var c cost
	postFloor := 50 * time.Second / 10
	for range b.N {
		sb := largeAccount("large=10000,users=500")
		svc := coldService(b, sb)
		drafts := make([]*state.Draft, 50)
		for i := range drafts {
			drafts[i] = state.NewDraft(fmt.Sprintf("d%02d", i), state.Defaults{})
			drafts[i].Users = usersFrom(b, emails, 10*i, 10, false)
		}
		run := svc.NewRun(drafts)
		start := time.Now()
		for i := range drafts {
			sub, err := run.Submit(context.Background(), i, nil)
			if err != nil {
				b.Fatalf("draft %d: %v", i+1, err)
			}
			if cr, _, _, _ := sub.Counts(); cr != 10 {
				b.Fatalf("draft %d: created %d of 10", i+1, cr)
			}
		}
		wall += time.Since(start)
		rc := costOf(sb.Requests())
		c.requests += rc.requests
		c.throttled += rc.throttled
	}
	n := time.Duration(b.N)
	report(b, "submit50", wall/n, postFloor)
	b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
	b.ReportMetric(float64(c.throttled)/float64(b.N), "429s-per-500-users")
}

// BenchmarkColdCatalog50k is the first catalog of a 50,000-number account
// (5,000 phone users, 2,000 desk phones) from nothing, next to its page
// floor: the pages of the longest label at Zoom's full quota. Every run
// must end complete (no list stale or unknown).
func BenchmarkColdCatalog50k(b *testing.B) {
	var wall, floor time.Duration
	var c cost
	complete := 0
	for range b.N {
		sb := largeAccount("numbers=50000,phone-users=5000,devices=2000")
		svc := coldService(b, sb)
		start := time.Now()
		cat, err := svc.RefreshCatalog(context.Background())
		wall += time.Since(start)
		if err == nil && cat != nil && len(cat.Stale) == 0 && cat.Known["numbers"] && cat.Known["phone_users"] && cat.Known["devices"] {
			complete++
		} else {
			b.Logf("incomplete: %v", err)
		}
		rc := costOf(sb.Requests())
		c.requests += rc.requests
		c.throttled += rc.throttled
		floor += rc.rateFloor
	}
	n := time.Duration(b.N)
	report(b, "catalog", wall/n, floor/n)
	b.ReportMetric(float64(complete)/float64(b.N)*100, "%complete")
	b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
	b.ReportMetric(float64(c.throttled)/float64(b.N), "429s")
}

// BenchmarkWarmStartRequests counts what a start on a warm cache sends to
// refresh the catalog (goal 0): a refresh, then a new service on the same
// home asking for lists older than an hour.
func BenchmarkWarmStartRequests(b *testing.B) {
	var sent int
	for range b.N {
		sb := largeAccount("large=2000")
		home := state.HomeUnder(b.TempDir())
		first, _, err := serviceAt(sb, home)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := first.RefreshCatalog(context.Background()); err != nil {
			b.Fatal(err)
		}
		next, _, err := serviceAt(sb, home)
		if err != nil {
			b.Fatal(err)
		}
		before := len(sb.Requests())
		if _, err := next.RefreshCatalogOlderThan(context.Background(), time.Hour); err != nil {
			b.Fatal(err)
		}
		sent += len(sb.Requests()) - before
	}
	b.ReportMetric(float64(sent)/float64(b.N), "warm-start-reqs")
}

// serviceAt is a service on sb over home's store and journal (a start of
// the binary on that home).
func serviceAt(sb *sandbox.Sandbox, home state.Home) (*submit.Service, *zoom.Client, error) {
	if err := home.Ensure(); err != nil {
		return nil, nil, err
	}
	st, err := state.OpenStore(home)
	if err != nil {
		return nil, nil, err
	}
	j, err := state.OpenJournal(home)
	if err != nil {
		return nil, nil, err
	}
	return submit.NewForSandbox(sb, home, st, j)
}
