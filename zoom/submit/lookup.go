package submit

import (
	"context"
	"fmt"
	"strconv"

	"golang.org/x/sync/errgroup"

	"zpadd/state"
	"zpadd/zoom"
)

// UserLookup is what Zoom says about an email typed into the wizard.
// Status is the account status ("active", "inactive", "pending") or
// "not found" when no account user has the email.
type UserLookup struct {
	Email     string
	First     string
	Last      string
	Status    string
	Active    bool
	PhoneUser bool
	Extension string
}

// StatusNotFound is UserLookup.Status when Zoom has no user with the email.
const StatusNotFound = "not found"

// LookupUser reads the account user and the phone user for email in
// parallel. An unknown email is not an error: Status says "not found".
func (s *Service) LookupUser(ctx context.Context, email string) (UserLookup, error) {
	out := UserLookup{Email: email}
	var (
		u  *zoom.User
		pu *zoom.PhoneUser
	)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		var err error
		u, err = s.c.GetUser(gctx, email)
		if zoom.IsNotFound(err) {
			return nil
		}
		return err
	})
	g.Go(func() error {
		var err error
		pu, err = s.c.GetPhoneUser(gctx, email)
		if zoom.IsNotFound(err) {
			return nil
		}
		return err
	})
	if err := g.Wait(); err != nil {
		return out, fmt.Errorf("look up %s: %w", email, err)
	}
	if u == nil {
		out.Status = StatusNotFound
	} else {
		out.First, out.Last, out.Active = u.FirstName, u.LastName, u.Active()
		out.Status = u.Status
		if out.Status == "" {
			// Zoom answers a pending user with only id and created_at.
			out.Status = "pending"
		}
		if u.Email != "" {
			out.Email = u.Email
		}
	}
	if pu != nil {
		out.PhoneUser = true
		if pu.ExtensionNumber != 0 {
			out.Extension = strconv.FormatInt(pu.ExtensionNumber, 10)
		}
	}
	return out, nil
}

// CheckMAC reports whether a desk phone with this MAC is already registered
// on the account, assigned or not (two keyword reads in parallel). mac may
// be in any form NormalizeMAC accepts.
func (s *Service) CheckMAC(ctx context.Context, mac string) (bool, error) {
	norm, err := state.NormalizeMAC(mac)
	if err != nil {
		return false, err
	}
	var found [2]bool
	g, gctx := errgroup.WithContext(ctx)
	for k, typ := range []string{"assigned", "unassigned"} {
		g.Go(func() (err error) {
			found[k], err = s.deviceWithMAC(gctx, typ, norm)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return false, fmt.Errorf("check MAC %s: %w", state.FormatMAC(norm, ":"), err)
	}
	return found[0] || found[1], nil
}
