package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrFutureSchema means a file was written by a newer zpadd than this one.
var ErrFutureSchema = errors.New("written by a newer zpadd")

// draftMigrations[v] turns a version-v draft (as raw JSON fields) into a
// version v+1 one. Add one entry per schema bump; never edit an old one.
var draftMigrations = map[int]func(fields map[string]json.RawMessage) error{
	0: migrateDraftV0,
	1: migrateDraftV1,
}

// migrateDraftV1 adds nothing to the data (schema 2). Version 2 introduced
// users' emergency_address, and a version-1 draft has none (each user gets
// the site's default); and names_from, which a version-1 draft does not
// know, so its names count as typed: kept when the email changes, flagged
// when they differ from the Zoom user's. The bump exists so an older zpadd
// refuses a version-2 draft instead of saving it back without them.
func migrateDraftV1(map[string]json.RawMessage) error { return nil }

// migrateDraftV0 upgrades drafts from before the schema field existed: they
// may lack "created" (use "updated") and may hold "users": null.
func migrateDraftV0(fields map[string]json.RawMessage) error {
	if _, ok := fields["created"]; !ok {
		if updated, ok := fields["updated"]; ok {
			fields["created"] = updated
		}
	}
	if users, ok := fields["users"]; !ok || bytes.Equal(bytes.TrimSpace(users), []byte("null")) {
		fields["users"] = json.RawMessage("[]")
	}
	return nil
}

// MigrateDraft reads a draft file of any schema version this zpadd knows
// (files without "schema" are version 0) and returns it at SchemaVersion.
// A file from a newer zpadd is refused with ErrFutureSchema rather than
// read wrongly and saved back with data lost.
func MigrateDraft(raw []byte) (*Draft, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, fmt.Errorf("not a draft (invalid JSON: %v)", err)
	}
	if fields == nil {
		return nil, errors.New("not a draft (JSON null, expected an object)")
	}
	version := 0
	if rawVersion, ok := fields["schema"]; ok {
		if err := json.Unmarshal(rawVersion, &version); err != nil {
			return nil, fmt.Errorf("not a draft (\"schema\" is %s, expected a whole number)", rawVersion)
		}
	}
	switch {
	case version > SchemaVersion:
		return nil, fmt.Errorf("draft has schema version %d, %w (this one reads up to %d); update zpadd to open it",
			version, ErrFutureSchema, SchemaVersion)
	case version < 0:
		return nil, fmt.Errorf("not a draft (schema version %d is negative)", version)
	}
	for v := version; v < SchemaVersion; v++ {
		migrate, ok := draftMigrations[v]
		if !ok {
			return nil, fmt.Errorf("no migration from draft schema %d to %d", v, v+1)
		}
		if err := migrate(fields); err != nil {
			return nil, fmt.Errorf("migrating draft from schema %d: %w", v, err)
		}
	}
	fields["schema"] = json.RawMessage(fmt.Sprint(SchemaVersion))
	upgraded, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("migrating draft: %w", err)
	}
	var d Draft
	if err := json.Unmarshal(upgraded, &d); err != nil {
		return nil, fmt.Errorf("not a draft (%v)", err)
	}
	return &d, nil
}
