package state

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CatalogListKey names one list of a catalog: the list ("numbers") or, for
// lists read per site, the list and the site ("numbers:<site id>").
func CatalogListKey(list, siteID string) string {
	if siteID == "" {
		return list
	}
	return list + ":" + siteID
}

// ListAge is how old the list with this key is; ok is false when it was
// never read whole (an old cache without per-list times counts FetchedAt).
func (c *Catalog) ListAge(key string, now time.Time) (time.Duration, bool) {
	if c == nil {
		return 0, false
	}
	if at, ok := c.ListFetchedAt[key]; ok {
		return now.Sub(at), true
	}
	if len(c.ListFetchedAt) == 0 && !c.FetchedAt.IsZero() {
		return now.Sub(c.FetchedAt), true
	}
	return 0, false
}

// IsStale reports whether the last refresh failed to read the list fully.
func (c *Catalog) IsStale(key string) bool { return c != nil && slices.Contains(c.Stale, key) }

// StaleLists names the stale lists for people: "numbers of London, devices".
func (c *Catalog) StaleLists() string {
	if c == nil || len(c.Stale) == 0 {
		return ""
	}
	names := map[string]string{}
	for _, s := range c.Sites {
		names[s.ID] = s.Name
	}
	out := make([]string, 0, len(c.Stale))
	for _, k := range c.Stale {
		list, site, ok := strings.Cut(k, ":")
		list = strings.ReplaceAll(list, "_", " ")
		if ok {
			list += " of " + cmp.Or(names[site], site)
		}
		out = append(out, list)
	}
	return strings.Join(out, ", ")
}
