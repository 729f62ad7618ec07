package state

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrDraftFull is returned when a draft already holds MaxUsers users.
var ErrDraftFull = fmt.Errorf("the draft already has %d users, the most one batch takes: start another draft for the rest", MaxUsers)

// ErrDuplicateUser is returned when an email is already in the draft.
var ErrDuplicateUser = errors.New("this email is already in the draft")

// draftIDEncoding is lowercase base32 without padding: URL- and
// filename-safe, and safe on case-insensitive file systems.
var draftIDEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// NewDraftID returns a short random id (16 characters, 80 bits).
func NewDraftID() string {
	var b [10]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go ≥ 1.24)
	return draftIDEncoding.EncodeToString(b[:])
}

// NewDraft starts an empty draft with the given batch defaults.
func NewDraft(name string, defaults Defaults) *Draft {
	now := time.Now().UTC()
	return &Draft{
		Schema:   SchemaVersion,
		ID:       NewDraftID(),
		Name:     strings.TrimSpace(name),
		Created:  now,
		Updated:  now,
		Defaults: cloneDefaults(defaults),
	}
}

// AddUser appends a user with the draft's defaults (site, template, plans,
// SMS) and returns its index. An empty email adds a blank user to fill in;
// a non-empty one must be a valid address not already in the draft. Desk
// phone defaults are applied when a phone is added (NewDeskPhone).
func (d *Draft) AddUser(email string) (int, error) {
	if len(d.Users) >= MaxUsers {
		return -1, ErrDraftFull
	}
	if strings.TrimSpace(email) != "" {
		norm, err := NormalizeEmail(email)
		if err != nil {
			return -1, err
		}
		if i := d.IndexOfEmail(norm); i >= 0 {
			return -1, fmt.Errorf("%s: %w (user %d)", norm, ErrDuplicateUser, i+1)
		}
		email = norm
	} else {
		email = ""
	}
	def := d.Defaults
	u := User{
		Email:        email,
		SiteName:     def.SiteName,
		SiteCode:     def.SiteCode,
		TemplateName: def.TemplateName,
		CallingPlans: append([]string(nil), def.CallingPlans...),
		SMS:          cloneBool(def.SMS),
	}
	d.Users = append(d.Users, u)
	d.Updated = time.Now().UTC()
	return len(d.Users) - 1, nil
}

// NewDeskPhone makes a desk phone for mac (normalised when valid, kept as
// typed otherwise, so validation can name the problem) with the draft's
// default brand, model and provision template.
func (d *Draft) NewDeskPhone(mac string) DeskPhone {
	if norm, err := NormalizeMAC(mac); err == nil {
		mac = norm
	} else {
		mac = strings.TrimSpace(mac)
	}
	return DeskPhone{
		MAC:               mac,
		Brand:             d.Defaults.DeskPhoneBrand,
		Model:             d.Defaults.DeskPhoneModel,
		ProvisionTemplate: d.Defaults.ProvisionTemplate,
	}
}

// IndexOfEmail returns the index of the user with this email (compared
// case-insensitively), or -1.
func (d *Draft) IndexOfEmail(email string) int {
	key := EmailKey(email)
	for i, u := range d.Users {
		if key != "" && EmailKey(u.Email) == key {
			return i
		}
	}
	return -1
}

func cloneDefaults(d Defaults) Defaults {
	d.CallingPlans = append([]string(nil), d.CallingPlans...)
	d.SMS = cloneBool(d.SMS)
	return d
}

func cloneBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	v := *b
	return &v
}
