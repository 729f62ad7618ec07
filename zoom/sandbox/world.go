package sandbox

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
)

// world is the simulated account with its lookup indexes.
type world struct {
	acct               account
	sites              []*site
	siteByID           map[string]*site
	templates          []*settingTemplate
	plans              []*callingPlan
	numbers            []*phoneNumber
	numberByE164       map[string]*phoneNumber
	provisionTemplates []*provisionTemplate
	users              []*accountUser
	userByEmail        map[string]*accountUser // lower-case email
	userByID           map[string]*accountUser
	phoneUsers         []*phoneUser
	phoneByUserID      map[string]*phoneUser
	devices            []*device
	deviceByMAC        map[string]*device
	followups          followupState
	ids                *idSource
}

func newWorld(seed string) *world {
	return &world{
		siteByID:      map[string]*site{},
		numberByE164:  map[string]*phoneNumber{},
		userByEmail:   map[string]*accountUser{},
		userByID:      map[string]*accountUser{},
		phoneByUserID: map[string]*phoneUser{},
		deviceByMAC:   map[string]*device{},
		ids:           &idSource{seed: seed},
	}
}

func (w *world) addSite(s *site) { w.sites = append(w.sites, s); w.siteByID[s.ID] = s }

func (w *world) addNumber(n *phoneNumber) {
	w.numbers = append(w.numbers, n)
	w.numberByE164[n.Number] = n
}

func (w *world) addUser(u *accountUser) {
	w.users = append(w.users, u)
	w.userByEmail[strings.ToLower(u.Email)] = u
	w.userByID[u.ID] = u
}

func (w *world) addPhoneUser(p *phoneUser) {
	w.phoneUsers = append(w.phoneUsers, p)
	w.phoneByUserID[p.UserID] = p
}

func (w *world) addDevice(d *device) {
	w.devices = append(w.devices, d)
	w.deviceByMAC[d.MAC] = d
}

// userByIDOrEmail finds an account user the way Zoom's {userId} path
// parameters do: by id or by email.
func (w *world) userByIDOrEmail(key string) *accountUser {
	if u := w.userByID[key]; u != nil {
		return u
	}
	return w.userByEmail[strings.ToLower(key)]
}

// siteByName finds a site by name, ignoring case.
func (w *world) siteByName(name string) *site {
	for _, s := range w.sites {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
}

func (w *world) siteByCode(code int) *site {
	for _, s := range w.sites {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// extensionTaken reports whether ext is used at the site by a phone user or
// the site's main auto receptionist.
func (w *world) extensionTaken(siteID, ext string) bool {
	s := w.siteByID[siteID]
	if s != nil && fmt.Sprint(s.AutoReceptionist.ExtensionNumber) == ext {
		return true
	}
	for _, p := range w.phoneUsers {
		if p.SiteID == siteID && p.Extension == ext {
			return true
		}
	}
	return false
}

func (w *world) planByType(t int) *callingPlan {
	for _, p := range w.plans {
		if p.Type == t {
			return p
		}
	}
	return nil
}

func (w *world) provisionTemplateByName(name string) *provisionTemplate {
	for _, p := range w.provisionTemplates {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// idSource makes Zoom-looking 22-character ids that are the same on every
// run of the same seed, so tests and screenshots are reproducible.
type idSource struct {
	seed string
	n    int
}

func (s *idSource) next(kind string) string {
	s.n++
	h := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%d", s.seed, kind, s.n))
	return idLetters.Replace(base64.RawURLEncoding.EncodeToString(h[:])[:22])
}

// idLetters keeps ids to letters and digits, as Zoom's are.
var idLetters = strings.NewReplacer("-", "x", "_", "Q")
