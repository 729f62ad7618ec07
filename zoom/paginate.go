package zoom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// maxPages stops a server that never ends its cursor (or repeats it).
const maxPages = 10000

// listAll follows next_page_token to the end, keeping every other query
// parameter the same between pages as Zoom requires, and gathers the items
// under key. Pages are read straight through: Zoom's cursors expire after
// 15 minutes.
func listAll[T any](ctx context.Context, c *Client, cl call, key string, pageSize int) ([]T, error) {
	q := url.Values{}
	for k, v := range cl.query {
		q[k] = append([]string(nil), v...)
	}
	q.Set("page_size", strconv.Itoa(pageSize))
	q.Del("next_page_token")
	var all []T
	seen := map[string]bool{}
	for page := 0; ; page++ {
		if page >= maxPages {
			return all, fmt.Errorf("zoom: %s: more than %d pages; stopped", cl.key(), maxPages)
		}
		var raw map[string]json.RawMessage
		pc := cl
		pc.query = q
		if err := c.do(ctx, pc, &raw); err != nil {
			return all, err
		}
		if items, ok := raw[key]; ok && string(items) != "null" {
			var got []T
			if err := json.Unmarshal(items, &got); err != nil {
				return all, fmt.Errorf("zoom: %s: unreadable %q: %w", cl.key(), key, err)
			}
			all = append(all, got...)
		}
		var next string
		if t, ok := raw["next_page_token"]; ok {
			_ = json.Unmarshal(t, &next) // a non-string token ends the listing
		}
		if next == "" {
			return all, nil
		}
		if seen[next] {
			return all, fmt.Errorf("zoom: %s: Zoom repeated page token %q; stopped", cl.key(), next)
		}
		seen[next] = true
		q.Set("next_page_token", next)
	}
}
