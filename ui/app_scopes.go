package ui

import (
	"slices"
	"strings"

	"zpadd/zoom"
)

// noteScopes compares the scope field of the token the client holds (it
// never fetches one to look: each fetch kills another program's token) with
// what zpadd's features need, and keeps one banner naming what is missing
// (zoom-api.md §11.2). It runs on every update, so a token fetched for any
// request is judged as soon as its answer arrives.
func (a *App) noteScopes() {
	if a.ctx.Service == nil || a.ctx.Service.Client() == nil {
		return
	}
	scopes, ok := a.ctx.Service.Client().GrantedScopes()
	if !ok {
		return
	}
	a.scopeBanner = scopeBanner(scopes)
}

// scopeBanner is "" when the scopes cover every feature, else one line.
func scopeBanner(scopes []string) string {
	var names, features []string
	for _, n := range zoom.MissingNeeds(scopes) {
		if !slices.Contains(names, n.Granular) {
			names = append(names, n.Granular)
		}
		if !slices.Contains(features, n.Feature) {
			features = append(features, n.Feature)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "! The Zoom app lacks " + strings.Join(names, ", ") + " (" + strings.Join(features, ", ") +
		"): add on the Marketplace, app → Scopes; zpadd doctor lists them"
}
