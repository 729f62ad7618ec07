package submit

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"zpadd/state"
	"zpadd/zoom/sandbox"
)

// A number that is the account's but held by someone is not in the
// unassigned list pre-flight judges by; pre-flight reads that number's own
// record and says who holds it, while a number the account lacks keeps
// "not a phone number of this account". Numbers that are listed cost no
// extra read.
func TestPreflightSaysWhoHoldsAnAssignedNumber(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}, Options{})
	cat := e.refresh() // the cache lists unassigned numbers only
	ctx := context.Background()
	const held, foreign = "+16468200101", "+16469990199"
	hit, err := e.c.FindNumber(ctx, held)
	if err != nil || hit == nil || hit.Assignee == nil || hit.Assignee.Name == "" || hit.Assignee.ExtensionNumber == 0 {
		t.Fatalf("sandbox: %s should be held by a named user with an extension: %+v %v", held, hit, err)
	}
	for _, n := range cat.Numbers {
		if n.Number == held {
			t.Fatalf("%s is in the cached (unassigned) list: the test needs it missing", held)
		}
	}
	// 12 numbers at Main Site (1,100 numbers, 11 pages): the list is the
	// cheaper read, and the catalog just refreshed is that list.
	d := mainSiteDraft(t, cat, 12)
	d.Users[0].PhoneNumbers = []string{held}
	d.Users[1].PhoneNumbers = []string{foreign}

	before := len(e.sb.Requests())
	problems, err := e.svc.Preflight(ctx, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s is assigned to %s (ext %d): choose an unassigned number", held, hit.Assignee.Name, hit.Assignee.ExtensionNumber)
	if got := messageOn(problems, 0, "phone_numbers[0]"); got != want {
		t.Errorf("held number: %q, want %q", got, want)
	}
	if got := messageOn(problems, 1, "phone_numbers[0]"); !strings.Contains(got, "is not a phone number of this account") {
		t.Errorf("foreign number: %q", got)
	}
	if got := messageOn(problems, 2, "phone_numbers[0]"); got != "" {
		t.Errorf("free number refused: %q", got)
	}
	// Numbers read one by one: only the two the list lacks, once each.
	byNumber := map[string]int{}
	for _, r := range e.sb.Requests()[before:] {
		if strings.Contains(r.Path, "number") && (strings.Contains(r.Query, "keyword=") || strings.Contains(r.Query, "phone_number=")) {
			byNumber[r.Query]++
		}
	}
	if len(byNumber) != 2 {
		t.Errorf("numbers read one by one: %v, want the held and the foreign number only", byNumber)
	}
	for q, n := range byNumber {
		if n != 1 || !strings.Contains(q, held[1:]) && !strings.Contains(q, foreign[1:]) {
			t.Errorf("read %d× %s", n, q)
		}
	}
}

func messageOn(ps state.Problems, user int, field string) string {
	for _, p := range ps.ForUser(user) {
		if p.Field == field && p.Severity == state.Error {
			return p.Message
		}
	}
	return ""
}
