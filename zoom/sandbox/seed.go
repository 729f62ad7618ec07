package sandbox

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"zpadd/assets"
)

// seedFile is the shape of assets/sandbox/<name>.json.
// seedAccount is the seed's account: who the token endpoint accepts, and
// the name headers show.
type seedAccount struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

type seedFile struct {
	Account seedAccount `json:"account"`
	Sites   []struct {
		ID                   string           `json:"id"`
		Name                 string           `json:"name"`
		SiteCode             int              `json:"site_code"`
		Country              string           `json:"country"`
		CountryName          string           `json:"country_name"`
		ShortExtensionLength int              `json:"short_extension_length"`
		MainAutoReceptionist autoReceptionist `json:"main_auto_receptionist"`
		NumberRanges         []numberRange    `json:"number_ranges"`
	} `json:"sites"`
	SettingTemplates []struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Type        string `json:"type"`
		Description string `json:"description"`
		SiteID      string `json:"site_id"`
	} `json:"setting_templates"`
	CallingPlans []struct {
		Name       string `json:"name"`
		Type       int    `json:"type"`
		Subscribed int    `json:"subscribed"`
		Assigned   int    `json:"assigned"`
	} `json:"calling_plans"`
	ProvisionTemplates []struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description"`
	} `json:"provision_templates"`
	Users []struct {
		ID        string    `json:"id"`
		Email     string    `json:"email"`
		FirstName string    `json:"first_name"`
		LastName  string    `json:"last_name"`
		Status    string    `json:"status"`
		Type      int       `json:"type"`
		Dept      string    `json:"dept"`
		Timezone  string    `json:"timezone"`
		CreatedAt time.Time `json:"created_at"`
	} `json:"users"`
	PhoneUsers []struct {
		Email           string   `json:"email"`
		SiteID          string   `json:"site_id"`
		ExtensionNumber string   `json:"extension_number"`
		CallingPlans    []int    `json:"calling_plans"`
		PhoneNumbers    []string `json:"phone_numbers"`
	} `json:"phone_users"`
	Devices []struct {
		ID                  string `json:"id"`
		MAC                 string `json:"mac_address"`
		Brand               string `json:"brand"`
		Model               string `json:"model"`
		SiteID              string `json:"site_id"`
		AssigneeEmail       string `json:"assignee_email"`
		ProvisionTemplateID string `json:"provision_template_id"`
		Status              string `json:"status"`
	} `json:"devices"`
}

// loadSeed builds the account state from an embedded seed. Seeds ship with
// the binary, so an inconsistent one is reported with what and where.
func loadSeed(name string) (*world, error) {
	raw, err := assets.SandboxSeed(name)
	if err != nil {
		return nil, err
	}
	var sf seedFile
	if err := json.Unmarshal(raw, &sf); err != nil {
		return nil, fmt.Errorf("sandbox seed %q: %w", name, err)
	}
	if name == "" {
		name = assets.DefaultSandboxSeed
	}
	w := newWorld(name)
	w.acct = account{ID: sf.Account.ID, Name: sf.Account.Name, ClientID: sf.Account.ClientID, ClientSecret: sf.Account.ClientSecret}

	for _, s := range sf.Sites {
		st := &site{ID: s.ID, Name: s.Name, Code: s.SiteCode, Country: s.Country, CountryName: s.CountryName,
			ExtLen: s.ShortExtensionLength, AutoReceptionist: s.MainAutoReceptionist}
		w.addSite(st)
		for i, r := range s.NumberRanges {
			nums, err := r.generate(s.Country)
			if err != nil {
				return nil, fmt.Errorf("sandbox seed %q: site %q number_ranges[%d]: %w", name, s.Name, i, err)
			}
			for _, n := range nums {
				w.addNumber(&phoneNumber{ID: w.ids.next("number"), Number: n, SiteID: st.ID, Location: r.Location})
			}
		}
	}
	for _, t := range sf.SettingTemplates {
		if t.SiteID != "" && w.siteByID[t.SiteID] == nil {
			return nil, fmt.Errorf("sandbox seed %q: setting template %q: unknown site_id %q", name, t.Name, t.SiteID)
		}
		w.templates = append(w.templates, &settingTemplate{ID: t.ID, Name: t.Name, Type: t.Type, Description: t.Description, SiteID: t.SiteID})
	}
	for _, p := range sf.CallingPlans {
		w.plans = append(w.plans, &callingPlan{Name: p.Name, Type: p.Type, Subscribed: p.Subscribed, Assigned: p.Assigned})
	}
	for _, p := range sf.ProvisionTemplates {
		w.provisionTemplates = append(w.provisionTemplates, &provisionTemplate{ID: p.ID, Name: p.Name, Description: p.Description})
	}
	for _, u := range sf.Users {
		w.addUser(&accountUser{ID: u.ID, Email: u.Email, FirstName: u.FirstName, LastName: u.LastName, Status: u.Status,
			Type: u.Type, Dept: u.Dept, Timezone: u.Timezone, CreatedAt: u.CreatedAt})
	}
	for i, p := range sf.PhoneUsers {
		where := fmt.Sprintf("sandbox seed %q: phone_users[%d] (%s)", name, i, p.Email)
		u := w.userByEmail[strings.ToLower(p.Email)]
		if u == nil {
			return nil, fmt.Errorf("%s: no account user with that email", where)
		}
		st := w.siteByID[p.SiteID]
		if st == nil {
			return nil, fmt.Errorf("%s: unknown site_id %q", where, p.SiteID)
		}
		pu := &phoneUser{UserID: u.ID, PhoneUserID: w.ids.next("phoneuser"), ExtensionID: w.ids.next("extension"),
			Extension: p.ExtensionNumber, SiteID: st.ID, PlanTypes: p.CallingPlans, Status: "activate"}
		for _, n := range p.PhoneNumbers {
			num := w.numberByE164[n]
			if num == nil {
				// Numbers given outright (outside the generated ranges) join the site.
				num = &phoneNumber{ID: w.ids.next("number"), Number: n, SiteID: st.ID}
				w.addNumber(num)
			}
			num.AssigneeID = u.ID
			pu.Numbers = append(pu.Numbers, n)
		}
		w.addPhoneUser(pu)
	}
	markPorting(w)
	for i, d := range sf.Devices {
		mac, ok := normaliseMAC(d.MAC)
		if !ok {
			return nil, fmt.Errorf("sandbox seed %q: devices[%d]: bad MAC %q", name, i, d.MAC)
		}
		dev := &device{ID: d.ID, MAC: mac, Brand: d.Brand, Model: d.Model, SiteID: d.SiteID,
			ProvisionTemplateID: d.ProvisionTemplateID, SeedStatus: d.Status}
		if d.AssigneeEmail != "" {
			u := w.userByEmail[strings.ToLower(d.AssigneeEmail)]
			if u == nil || w.phoneByUserID[u.ID] == nil {
				return nil, fmt.Errorf("sandbox seed %q: devices[%d]: assignee %q is not a phone user", name, i, d.AssigneeEmail)
			}
			dev.AssigneeID = u.ID
		}
		w.addDevice(dev)
	}
	if err := w.loadEmergencyAddresses(name, raw); err != nil {
		return nil, err
	}
	return w, nil
}
