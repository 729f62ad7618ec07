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
// reports zpadd's figure next to its floors, computed from the same run's
// requests, and the 429s the sandbox answered. Each runs twice: at zpadd's
// default share of Zoom's quotas (share=80%, a fifth left to the account's
// other apps) and at the whole quota (share=100%). Two floors: "floor" is
// what the whole quota needs for the requests made, "share-floor" what
// the share needs (the best any client held to that share could do).
//
//	go test -run '^$' -bench 'Check10|Submit10|Submit50|Warm' -benchtime 1x ./bench
//	go test -run '^$' -bench ColdCatalog50k -benchtime 10x ./bench   (about 15 s a run)

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

// cost sums a stretch of the sandbox's log: requests, 429s, and the rate
// floors of the requests answered: the time Zoom's whole quota (rateFloor)
// and share of it (shareFloor) need to let that many of each label through
// a sliding second (the first second's worth go at once).
type cost struct {
	requests, throttled   int
	rateFloor, shareFloor time.Duration
}

func costOf(log []sandbox.RequestLog, share float64) cost {
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
		c.rateFloor = max(c.rateFloor, secondsFor(n, float64(q)))
		c.shareFloor = max(c.shareFloor, secondsFor(n, math.Max(1, math.Floor(float64(q)*share+1e-9))))
	}
	return c
}

// secondsFor is how long n requests take through perSecond in a sliding
// second when the first second's worth go at once.
func secondsFor(n int, perSecond float64) time.Duration {
	return time.Duration(math.Max(0, float64(n)-perSecond) / perSecond * float64(time.Second))
}

// shares are the parts of Zoom's quotas the cost benchmarks run at:
// zpadd's default, and the whole quota.
var shares = []float64{zoom.DefaultRateShare, 1}

// eachShare runs f as one sub-benchmark per share ("share=80%").
func eachShare(b *testing.B, f func(b *testing.B, share float64)) {
	for _, sh := range shares {
		b.Run(fmt.Sprintf("share=%d%%", int(math.Round(sh*100))), func(b *testing.B) { f(b, sh) })
	}
}

// floors sums a benchmark's floors over its runs.
type floors struct{ whole, share time.Duration }

func (f *floors) add(chain time.Duration, c cost) {
	f.whole += max(chain, c.rateFloor)
	f.share += max(chain, c.shareFloor)
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
func mainSiteFreeNumbers(b testing.TB) []string {
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
func usersFrom(b testing.TB, emails []string, k, n int, withMAC bool) []state.User {
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
// and a home with no catalog, at share of Zoom's quotas.
func coldService(b *testing.B, sb *sandbox.Sandbox, share float64) *submit.Service {
	svc, _, err := sandboxService(b, sb, share)
	if err != nil {
		b.Fatal(err)
	}
	return svc
}

// report gives a run's mean time next to its mean floors and the ratios.
func report(b *testing.B, name string, got time.Duration, f floors) {
	n := time.Duration(b.N)
	got /= n
	b.ReportMetric(float64(got.Milliseconds()), name+"-ms")
	for _, fl := range []struct {
		label string
		d     time.Duration
	}{{"floor", f.whole / n}, {"share-floor", f.share / n}} {
		b.ReportMetric(float64(fl.d.Milliseconds()), name+"-"+fl.label+"-ms")
		if fl.d > 0 {
			b.ReportMetric(float64(got)/float64(fl.d), name+"/"+fl.label)
		}
	}
}

// BenchmarkCheck10 is `zpadd check` of 10 users (extension, number,
// template, plan, desk phone each) on a 10,000-number account: cold, the
// token included. Floor: the round trips of targeted reads (token, sites,
// reads: 3 RTT) or the rate floor of the reads made, whichever is longer.
func BenchmarkCheck10(b *testing.B) {
	eachShare(b, func(b *testing.B, share float64) {
		emails := accountEmails(b, 10)
		var wall time.Duration
		var f floors
		var c cost
		for range b.N {
			sb, svc, d := coldTen(b, share, emails)
			start := time.Now()
			ps, err := svc.Preflight(context.Background(), d, nil)
			if err != nil {
				b.Fatal(err)
			}
			wall += time.Since(start)
			if ps.Blocking() {
				b.Fatalf("blocked: %v", ps)
			}
			run := costOf(sb.Requests(), share)
			c.requests += run.requests
			c.throttled += run.throttled
			f.add(3*latency, run)
		}
		report(b, "check", wall, f)
		b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
		b.ReportMetric(float64(c.throttled)/float64(b.N), "429s")
	})
}

// coldTen is a 10,000-number account, a cold service on it at share, and
// a draft of 10 clean users with a desk phone each (Check10, Submit10).
func coldTen(b *testing.B, share float64, emails []string) (*sandbox.Sandbox, *submit.Service, *state.Draft) {
	sb := largeAccount("large=10000,users=10")
	d := state.NewDraft("ten", state.Defaults{})
	d.Users = usersFrom(b, emails, 0, 10, true)
	return sb, coldService(b, sb, share), d
}

// accountEmails are emails of active account users that are not phone
// users: the sandbox's users=N behaviour adds them (large.example.com).
func accountEmails(b testing.TB, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("new%05d@large.example.com", i+1)
	}
	return out
}

// BenchmarkSubmit10 is `zpadd submit` of the same 10 users as the binary
// runs it: token, sites, site, targeted reads, one POST, verify, with
// nothing read before the clock starts. Next to it, on an identical
// account at the same share, the naive one-POST-per-user loop (its token
// included), and the floor of targeted reads (5 RTT: token, sites, reads,
// POST, verify; or the rate floor of the requests made).
func BenchmarkSubmit10(b *testing.B) {
	eachShare(b, func(b *testing.B, share float64) {
		emails := accountEmails(b, 10)
		var wall, naiveWall time.Duration
		var f floors
		var c cost
		for range b.N {
			sb, svc, d := coldTen(b, share, emails)
			start := time.Now()
			sub, err := svc.Submit(context.Background(), d, nil)
			if err != nil {
				b.Fatal(err)
			}
			wall += time.Since(start)
			if cr, _, _, _ := sub.Counts(); cr != 10 {
				b.Fatalf("created %d of 10", cr)
			}
			run := costOf(sb.Requests(), share)
			c.requests += run.requests
			c.throttled += run.throttled
			f.add(5*latency, run)

			nsb := largeAccount("large=10000,users=10")
			nc, err := zoom.New(submit.SandboxConfig(zoom.Config{RateShare: share}, nsb))
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
		report(b, "submit", wall, f)
		b.ReportMetric(float64((naiveWall / time.Duration(b.N)).Milliseconds()), "naive-ms")
		b.ReportMetric(float64(naiveWall)/float64(wall), "speedup-vs-naive")
		b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
		b.ReportMetric(float64(c.throttled)/float64(b.N), "429s")
	})
}

// BenchmarkSubmit50Drafts is `zpadd submit` of 50 drafts of 10 users (500
// users, no desk phones) in one run on a 10,000-number account. Its floor
// is the POST floor, 50 POSTs through the batch endpoint's quota
// (10/s; 8/s at the default share); "reads-floor" is the rate floor of
// all the requests made, which the read-back of each created user sets.
// The 429s are those of a run with no other traffic (goal 0).
func BenchmarkSubmit50Drafts(b *testing.B) {
	eachShare(b, func(b *testing.B, share float64) {
		emails := accountEmails(b, 500)
		var wall time.Duration
		var f floors
		var c cost
		var readsFloor time.Duration
		for range b.N {
			sb := largeAccount("large=10000,users=500")
			svc := coldService(b, sb, share)
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
			rc := costOf(sb.Requests(), share)
			c.requests += rc.requests
			c.throttled += rc.throttled
			readsFloor += rc.rateFloor
			f.whole += secondsFor(50, 10) + time.Second // 50 POSTs at 10/s, the first second's 10 included
			f.share += secondsFor(50, math.Floor(10*share+1e-9)) + time.Second
		}
		report(b, "submit50", wall, f)
		b.ReportMetric(float64((readsFloor / time.Duration(b.N)).Milliseconds()), "reads-floor-ms")
		b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
		b.ReportMetric(float64(c.throttled)/float64(b.N), "429s-per-500-users")
	})
}

// BenchmarkColdCatalog50k is the first catalog of a 50,000-number account
// (5,000 phone users, 2,000 desk phones) from nothing, next to its page
// floors: the pages of the longest label at Zoom's whole quota and at the
// share. Every run must end complete (no list stale or unknown).
func BenchmarkColdCatalog50k(b *testing.B) {
	eachShare(b, func(b *testing.B, share float64) {
		var wall time.Duration
		var f floors
		var c cost
		complete := 0
		for range b.N {
			sb := largeAccount("numbers=50000,phone-users=5000,devices=2000")
			svc := coldService(b, sb, share)
			start := time.Now()
			cat, err := svc.RefreshCatalog(context.Background())
			wall += time.Since(start)
			if err == nil && cat != nil && len(cat.Stale) == 0 && cat.Known["numbers"] && cat.Known["phone_users"] && cat.Known["devices"] {
				complete++
			} else {
				b.Logf("incomplete: %v", err)
			}
			rc := costOf(sb.Requests(), share)
			c.requests += rc.requests
			c.throttled += rc.throttled
			f.add(0, rc)
		}
		report(b, "catalog", wall, f)
		b.ReportMetric(float64(complete)/float64(b.N)*100, "%complete")
		b.ReportMetric(float64(c.requests)/float64(b.N), "reqs")
		b.ReportMetric(float64(c.throttled)/float64(b.N), "429s")
	})
}

// BenchmarkWarmStartRequests counts what a start on a warm cache sends to
// refresh the catalog (goal 0): a refresh, then a new service on the same
// home asking for lists older than an hour.
func BenchmarkWarmStartRequests(b *testing.B) {
	var sent int
	for range b.N {
		sb := largeAccount("large=2000")
		home := state.HomeUnder(b.TempDir())
		first, _, err := serviceAt(sb, home, 0)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := first.RefreshCatalog(context.Background()); err != nil {
			b.Fatal(err)
		}
		next, _, err := serviceAt(sb, home, 0)
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
