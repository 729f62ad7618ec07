package sandbox

import (
	"net/http"
	"strings"
)

type countryJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type siteJSON struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	SiteCode             int              `json:"site_code"`
	Country              countryJSON      `json:"country"`
	MainAutoReceptionist autoReceptionist `json:"main_auto_receptionist"`
}

type siteDetailJSON struct {
	siteJSON
	ShortExtension struct {
		Length int `json:"length"`
	} `json:"short_extension"`
}

type idName struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func siteToJSON(s *site) siteJSON {
	return siteJSON{ID: s.ID, Name: s.Name, SiteCode: s.Code, Country: countryJSON{Code: s.Country, Name: s.CountryName},
		MainAutoReceptionist: s.AutoReceptionist}
}

// handleSites is GET /phone/sites (page_size max 300, site_name filter).
func (s *Sandbox) handleSites(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.SingleSite {
		writeError(w, http.StatusBadRequest, 300, msgMultiSiteOff)
		return
	}
	name := strings.ToLower(r.URL.Query().Get("site_name"))
	var items []siteJSON
	for _, st := range s.w.sites {
		if name == "" || strings.Contains(strings.ToLower(st.Name), name) {
			items = append(items, siteToJSON(st))
		}
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(items), 300, 300)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		Sites []siteJSON `json:"sites"`
	}{meta, nonNil(items[lo:hi])})
}

// handleSite is GET /phone/sites/{siteId}.
func (s *Sandbox) handleSite(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.w.siteByID[r.PathValue("siteId")]
	if st == nil {
		writeError(w, http.StatusBadRequest, 400, "The site does not exist.")
		return
	}
	d := siteDetailJSON{siteJSON: siteToJSON(st)}
	d.ShortExtension.Length = st.ExtLen
	writeJSON(w, http.StatusOK, d)
}

type templateJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Type        string `json:"type"`
}

// handleSettingTemplates is GET /phone/setting_templates: a site's
// templates with site_id, account-level ones without.
func (s *Sandbox) handleSettingTemplates(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	siteID := r.URL.Query().Get("site_id")
	if siteID != "" {
		if s.opts.SingleSite {
			writeError(w, http.StatusBadRequest, 300, msgMultiSiteOff)
			return
		}
		if s.w.siteByID[siteID] == nil {
			writeError(w, http.StatusBadRequest, 300, "The site does not exist.")
			return
		}
	}
	var items []templateJSON
	for _, t := range s.w.templates {
		if s.templateListed(t, siteID) {
			items = append(items, templateJSON{ID: t.ID, Name: t.Name, Description: t.Description, Type: t.Type})
		}
	}
	lo, hi, meta, ok := s.pageOfLocked(w, r, len(items), 300, 300)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		pageMeta
		Templates []templateJSON `json:"templates"`
	}{meta, nonNil(items[lo:hi])})
}

// templateListed says whether a template belongs in a list for siteID. A
// single-site account's only site shares the account-level list.
func (s *Sandbox) templateListed(t *settingTemplate, siteID string) bool {
	if siteID != "" {
		return t.SiteID == siteID
	}
	return t.SiteID == "" || (s.opts.SingleSite && t.SiteID == s.w.sites[0].ID)
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
