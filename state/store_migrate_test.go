package state

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestMigrateDraftUpgradesV0Files(t *testing.T) {
	v0 := `{"id":"old1","name":"Before schemas","updated":"2024-05-06T07:08:09Z",
		"users":[{"email":"a@example.com","extension_number":"101"}]}`
	d, err := MigrateDraft([]byte(v0))
	if err != nil {
		t.Fatal(err)
	}
	if d.Schema != SchemaVersion {
		t.Errorf("schema = %d, want %d", d.Schema, SchemaVersion)
	}
	want := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	if !d.Created.Equal(want) {
		t.Errorf("created = %v, want the v0 updated time %v", d.Created, want)
	}
	if len(d.Users) != 1 || d.Users[0].Email != "a@example.com" || d.Users[0].ExtensionNumber != "101" {
		t.Errorf("users = %+v", d.Users)
	}
}

func TestMigrateDraftV0WithNullUsersGivesEmptyList(t *testing.T) {
	d, err := MigrateDraft([]byte(`{"id":"x","name":"n","users":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Users == nil || len(d.Users) != 0 {
		t.Errorf("users = %#v, want empty non-nil", d.Users)
	}
}

func TestMigrateDraftKeepsCurrentVersion(t *testing.T) {
	d, err := MigrateDraft([]byte(`{"schema":2,"id":"x","name":"n","created":"2025-01-01T00:00:00Z","users":[{"email":"a@example.com","emergency_address":"EA1","first_name":"Ann","names_from":"a@example.com"}]}`))
	if err != nil || d.Schema != 2 || d.Name != "n" || d.Users[0].EmergencyAddress != "EA1" || d.Users[0].NamesFrom != "a@example.com" {
		t.Fatalf("got %+v, %v", d, err)
	}
}

// A version-1 draft (before emergency addresses) opens with every user on
// the site's default address, and is stamped version 2.
func TestMigrateDraftV1UsersGetTheSiteDefaultAddress(t *testing.T) {
	d, err := MigrateDraft([]byte(`{"schema":1,"id":"x","name":"n","created":"2025-01-01T00:00:00Z","users":[{"email":"a@example.com","site_name":"Main Site"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Schema != SchemaVersion || len(d.Users) != 1 || d.Users[0].EmergencyAddress != "" || d.Users[0].SiteName != "Main Site" {
		t.Fatalf("got %+v", d)
	}
}

// A schema-1 draft does not say where its names came from: they count as
// typed, so a lookup never replaces them.
func TestMigrateDraftV1NamesCountAsTyped(t *testing.T) {
	d, err := MigrateDraft([]byte(`{"schema":1,"id":"x","name":"n","users":[{"email":"a@example.com","first_name":"Ann","last_name":"Lee"}]}`))
	if err != nil || d.Schema != 2 {
		t.Fatalf("got %+v, %v", d, err)
	}
	u := d.Users[0]
	if u.ApplyLookedUpNames("a@example.com", "Anne", "Leigh") || u.FirstName != "Ann" {
		t.Errorf("a lookup replaced names of a schema-1 draft: %+v", u)
	}
}

func TestMigrateDraftRefusesWithClearMessages(t *testing.T) {
	cases := map[string]struct {
		raw, want string
		future    bool
	}{
		"newer zpadd":  {`{"schema":7,"id":"x"}`, "update zpadd", true},
		"schema text":  {`{"schema":"one","id":"x"}`, "whole number", false},
		"negative":     {`{"schema":-1}`, "negative", false},
		"null":         {`null`, "JSON null", false},
		"not json":     {`{"id":`, "invalid JSON", false},
		"array":        {`[]`, "invalid JSON", false},
		"users string": {`{"schema":1,"users":"abc"}`, "not a draft", false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := MigrateDraft([]byte(c.raw))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			if errors.Is(err, ErrFutureSchema) != c.future {
				t.Errorf("errors.Is(ErrFutureSchema) = %v, want %v", !c.future, c.future)
			}
		})
	}
}
