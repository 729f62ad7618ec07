package zoom

import (
	"slices"
	"strings"
	"testing"
)

// Zoom's 400/104 names the missing scope; the older 4711 names none.
func TestMissingScopeInReadsZoomsMessage(t *testing.T) {
	err := &Error{Status: 400, Code: 104, Message: "Invalid access token, does not contain scopes:[phone:read:list_users:admin, phone:read:user:admin]."}
	got, ok := MissingScopeIn(err)
	if !ok || !slices.Equal(got, []string{"phone:read:list_users:admin", "phone:read:user:admin"}) {
		t.Errorf("MissingScopeIn = %v, %v", got, ok)
	}
	if _, ok := MissingScopeIn(&Error{Status: 401, Code: 4711, Message: "Invalid scope"}); !ok {
		t.Error("4711 not taken for a missing scope")
	}
	if _, ok := MissingScopeIn(&Error{Status: 400, Code: 300, Message: "Validation Failed."}); ok {
		t.Error("a validation error taken for a missing scope")
	}
	se := AsScopeError(err, "reading phone users")
	if se == nil || !strings.Contains(se.Error(), "phone:read:list_users:admin") || !strings.Contains(se.Error(), "Add Scopes") {
		t.Errorf("ScopeError = %v", se)
	}
}

// Classic scopes cover the granular calls of their kind; granular tokens
// need each scope by name.
func TestScopeNeedsGrantedByGranularOrClassic(t *testing.T) {
	classic := []string{"phone:read:admin", "phone:write:admin", "user:read:admin"}
	if m := MissingNeeds(classic); len(m) != 0 {
		t.Errorf("a classic app misses %v", m)
	}
	var all []string
	for _, n := range ScopeNeeds {
		all = append(all, n.Granular)
	}
	if m := MissingNeeds(all); len(m) != 0 {
		t.Errorf("a full granular app misses %v", m)
	}
	m := MissingNeeds(slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == BatchScope }))
	if len(m) != 1 || m[0].Granular != BatchScope {
		t.Errorf("without the batch scope: missing %v", m)
	}
}

// The numbers picker reads either list (zoom-api.md §11.3), so an app that
// holds only the new Number Management scope is not told it lacks one.
func TestNumbersNeedGrantedByEitherList(t *testing.T) {
	var all []string
	for _, n := range ScopeNeeds {
		if n.Granular != "phone:read:list_numbers:admin" {
			all = append(all, n.Granular)
		}
	}
	if m := MissingNeeds(all); len(m) != 1 || m[0].Feature != "numbers" {
		t.Fatalf("with no numbers scope at all: missing %v, want the numbers need", m)
	}
	for _, s := range []string{"number_management:read:list_numbers:admin", "number_management_numbers:read:admin"} {
		if m := MissingNeeds(append(slices.Clone(all), s)); len(m) != 0 {
			t.Errorf("with %s: missing %v", s, m)
		}
	}
}
