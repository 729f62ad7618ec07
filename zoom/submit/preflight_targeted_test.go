package submit

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// largeDraft is two users at Main Site of a large=4000 account: the first
// takes what the account's first generated phone user already holds
// (extension 5000, its number, its desk phone), the second is clean.
func largeDraft(t *testing.T, e *env) *state.Draft {
	t.Helper()
	holder, err := e.c.GetPhoneUser(context.Background(), "user00001@large.example.com")
	if err != nil || len(holder.PhoneNumbers) == 0 {
		t.Fatalf("large account's first phone user: %v %+v", err, holder)
	}
	d := state.NewDraft("large", state.Defaults{})
	d.Users = []state.User{
		{Email: freeEmails[0], ExtensionNumber: "5000", SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"},
			PhoneNumbers: []string{e164(holder.PhoneNumbers[0].Number)},
			DeskPhones:   []state.DeskPhone{{MAC: "24:9a:d8:00:00:01", Brand: "Yealink", Model: "t46s"}}},
		{Email: freeEmails[1], ExtensionNumber: "2101", SiteName: "Main Site", CallingPlans: []string{"US/CA Unlimited"},
			PhoneNumbers: []string{"+16468201500"},
			DeskPhones:   []state.DeskPhone{{MAC: "80:5e:c0:70:00:01", Brand: "Yealink", Model: "t46s"}}},
	}
	return d
}

// On a large account with no catalog yet, pre-flight reads only what the
// batch touches: each extension by site and keyword, each number by
// number, each MAC by keyword; no list is paged. The desk phones' lists
// are each probed by their first page (the size is not known yet): the
// unassigned one fits there; the assigned one's count (800, 3 pages) is
// more than its 2 keyword reads, and its first page already holds the
// taken phone, so one keyword read follows, for the other MAC. And those reads find what
// is taken: the extension, the number and the desk phone of an existing
// phone user block the first user, while the second passes.
func TestPreflightOnLargeAccountReadsOnlyWhatTheBatchTouches(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{Size: sandbox.LargeSize(4000)}, Options{})
	d := largeDraft(t, e)
	before := len(e.sb.Requests())
	problems, err := e.svc.Preflight(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"extension_number", "phone_numbers[0]", "desk_phones[0].mac"} {
		if !hasErrorOn(problems, 0, field) {
			t.Errorf("user 1: no error on %s; problems: %v", field, problems)
		}
	}
	for _, p := range problems.ForUser(1) {
		if p.Severity == state.Error {
			t.Errorf("user 2 (clean) blocked: %v", p)
		}
	}
	count, devices := map[string]int{}, map[string]int{}
	for _, r := range e.sb.Requests()[before:] {
		q, _ := url.ParseQuery(r.Query)
		if q.Get("next_page_token") != "" {
			t.Errorf("%s %s?%s: a list was paged", r.Method, r.Path, r.Query)
		}
		key := r.Method + " " + r.Path
		switch r.Path {
		case "/v2/phone/users":
			if q.Get("keyword") == "" || q.Get("site_id") == "" {
				t.Errorf("phone users read without site and keyword: %s", r.Query)
			}
		case "/v2/number_management/numbers":
			if q.Get("keyword") == "" {
				t.Errorf("numbers read without keyword: %s", r.Query)
			}
		case "/v2/phone/devices":
			devices[q.Get("type")+" keyword="+fmt.Sprint(q.Get("keyword") != "")]++
		}
		count[key]++
	}
	want := map[string]int{"GET /v2/phone/users": 2, "GET /v2/number_management/numbers": 2, "GET /v2/phone/devices": 3}
	for k, v := range want {
		if count[k] != v {
			t.Errorf("%s: %d requests, want %d (all: %v)", k, count[k], v, count)
		}
	}
	wantDevices := map[string]int{"assigned keyword=false": 1, "assigned keyword=true": 1, "unassigned keyword=false": 1}
	if fmt.Sprint(devices) != fmt.Sprint(wantDevices) {
		t.Errorf("desk phone reads %v, want %v", devices, wantDevices)
	}
}

// Where the cached catalog says a list is small (one page), the whole list
// is read instead: fewer requests than one per key.
func TestPreflightReadsWholeListWhenCatalogSaysItIsSmall(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh() // the standard account: a page of phone users per site
	d := mainSiteDraft(t, cat, 3)
	before := len(e.sb.Requests())
	if _, err := e.svc.Preflight(context.Background(), d, nil); err != nil {
		t.Fatal(err)
	}
	lists, keyword := 0, 0
	for _, r := range e.sb.Requests()[before:] {
		if r.Path != "/v2/phone/users" {
			continue
		}
		if strings.Contains(r.Query, "keyword=") {
			keyword++
		} else {
			lists++
		}
	}
	if lists != 1 || keyword != 0 {
		t.Errorf("phone users: %d list read(s) and %d keyword reads, want 1 and 0", lists, keyword)
	}
}

func hasErrorOn(ps state.Problems, user int, field string) bool {
	for _, p := range ps.ForUser(user) {
		if p.Field == field && p.Severity == state.Error {
			return true
		}
	}
	return false
}

// largeFreeDraft is n clean users at Main Site of a large account, built
// without a catalog: extensions from 2101, free standard-seed numbers and
// new MACs.
func largeFreeDraft(t *testing.T, e *env, n int) *state.Draft {
	t.Helper()
	d := state.NewDraft("large free", state.Defaults{})
	for i := range n {
		d.Users = append(d.Users, state.User{Email: freeEmails[i], ExtensionNumber: fmt.Sprint(2101 + i), SiteName: "Main Site",
			CallingPlans: []string{"US/CA Unlimited"}, PhoneNumbers: []string{fmt.Sprintf("+1646820%04d", 1500+i)},
			DeskPhones: []state.DeskPhone{{MAC: fmt.Sprintf("805ec0%06x", 0x700000+i), Brand: "Yealink", Model: "t46s"}}})
	}
	return d
}
