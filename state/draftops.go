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
	d.Users = append(d.Users, User{Email: email})
	d.fillUserFromDefaults(len(d.Users) - 1)
	d.Updated = time.Now().UTC()
	return len(d.Users) - 1, nil
}

// FillFromDefaults gives every user's empty fields the batch defaults (site,
// template, calling plans, SMS, and each desk phone's brand, model and
// provision template), so defaults chosen after users were added still
// reach them. Nothing an operator set is overwritten. It returns how many
// users changed.
func (d *Draft) FillFromDefaults() int {
	changed := 0
	for i := range d.Users {
		if d.fillUserFromDefaults(i) {
			changed++
		}
	}
	if changed > 0 {
		d.Updated = time.Now().UTC()
	}
	return changed
}

func (d *Draft) fillUserFromDefaults(i int) bool {
	def, u := d.Defaults, &d.Users[i]
	changed := false
	fill := func(dst *string, v string) {
		if *dst == "" && v != "" {
			*dst, changed = v, true
		}
	}
	// A site is given by name or code: fill only when the user has neither,
	// so a user at another site keeps its site and template.
	if u.SiteName == "" && u.SiteCode == "" {
		fill(&u.SiteName, def.SiteName)
		fill(&u.SiteCode, def.SiteCode)
		fill(&u.TemplateName, def.TemplateName)
	}
	// An emergency address belongs to a place: only users at the defaults'
	// site take the default address.
	if atDefaultSite(*u, def) {
		fill(&u.EmergencyAddress, def.EmergencyAddress)
	}
	if len(u.CallingPlans) == 0 && len(def.CallingPlans) > 0 {
		u.CallingPlans, changed = append([]string(nil), def.CallingPlans...), true
	}
	if u.SMS == nil && def.SMS != nil {
		u.SMS, changed = cloneBool(def.SMS), true
	}
	for j := range u.DeskPhones {
		p := &u.DeskPhones[j]
		if p.Brand == "" && p.Model == "" {
			fill(&p.Brand, def.DeskPhoneBrand)
			fill(&p.Model, def.DeskPhoneModel)
		}
		fill(&p.ProvisionTemplate, def.ProvisionTemplate)
	}
	return changed
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

// atDefaultSite reports whether the user is at the defaults' site (by name or
// code, as given).
func atDefaultSite(u User, def Defaults) bool {
	switch {
	case def.SiteName != "" && strings.EqualFold(strings.TrimSpace(u.SiteName), strings.TrimSpace(def.SiteName)):
		return true
	case def.SiteCode != "" && strings.TrimSpace(u.SiteCode) == strings.TrimSpace(def.SiteCode):
		return true
	}
	return def.SiteName == "" && def.SiteCode == "" && u.SiteName == "" && u.SiteCode == ""
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
