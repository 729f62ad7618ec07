package submit

import (
	"slices"
	"strings"

	"zpadd/zoom"
)

// missingScopes returns a *zoom.ScopeError naming every scope zpadd needs
// that the client's token lacks (read from the token's scope field, never
// by trying a write), or nil. A missing scope is a configuration error, not
// a refusal of users (zoom-api.md §11.2): pre-flight stops on it before
// anything is sent, naming all of them so one visit to the Marketplace
// fixes the app. It looks only at a token the client already holds.
func (s *Service) missingScopes() *zoom.ScopeError {
	scopes, ok := s.c.GrantedScopes()
	if !ok {
		return nil
	}
	missing := zoom.MissingNeeds(scopes)
	if len(missing) == 0 {
		return nil
	}
	var names, features []string
	for _, n := range missing {
		if !slices.Contains(names, n.Granular) {
			names = append(names, n.Granular)
		}
		if !slices.Contains(features, n.Feature) {
			features = append(features, n.Feature)
		}
	}
	return &zoom.ScopeError{Scopes: names, Why: strings.Join(features, ", ")}
}
