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
	all, _, err := listPages[T](ctx, c, cl, key, pageSize, 0)
	return all, err
}

// listIfFew is listAll for a list wanted whole only while it is small: it
// reads the first page and goes on only when Zoom's count (total_records)
// fits in maxPages pages in all; otherwise it stops there and reports
// complete false with the first page's items, so the caller can switch
// to targeted reads having spent one request to learn the list's size.
func listIfFew[T any](ctx context.Context, c *Client, cl call, key string, pageSize, maxPages int) ([]T, bool, error) {
	return listPages[T](ctx, c, cl, key, pageSize, max(1, maxPages))
}

// listPages follows the list's pages; with pageLimit > 0 it stops after the
// first page when the list needs more pages than that (or Zoom gives no
// count), reporting complete false.
func listPages[T any](ctx context.Context, c *Client, cl call, key string, pageSize, pageLimit int) (all []T, complete bool, err error) {
	q := url.Values{}
	for k, v := range cl.query {
		q[k] = append([]string(nil), v...)
	}
	q.Set("page_size", strconv.Itoa(pageSize))
	q.Del("next_page_token")
	total := -1
	seen := map[string]bool{}
	for page := 0; ; page++ {
		if page >= maxPages {
			return all, false, fmt.Errorf("zoom: %s: more than %d pages; stopped", cl.key(), maxPages)
		}
		var raw map[string]json.RawMessage
		pc := cl
		pc.query = q
		pageCtx := ctx
		if page > 0 {
			pageCtx = withUrgency(ctx) // the list's reader waits on each page in turn
		}
		if err := c.do(pageCtx, pc, &raw); err != nil {
			if page > 0 {
				return all, false, &PartialListError{Route: cl.key(), Got: len(all), Total: total, Pages: page, Err: err}
			}
			return all, false, err
		}
		if t, ok := raw["total_records"]; ok && total < 0 {
			_ = json.Unmarshal(t, &total) // a missing or odd count leaves it unknown
		}
		if items, ok := raw[key]; ok && string(items) != "null" {
			var got []T
			if err := json.Unmarshal(items, &got); err != nil {
				return all, false, fmt.Errorf("zoom: %s: unreadable %q: %w", cl.key(), key, err)
			}
			all = append(all, got...)
		}
		var next string
		if t, ok := raw["next_page_token"]; ok {
			_ = json.Unmarshal(t, &next) // a non-string token ends the listing
		}
		if next == "" {
			return all, true, nil
		}
		if page == 0 && pageLimit > 0 && (total < 0 || (total+pageSize-1)/pageSize > pageLimit) {
			return all, false, nil
		}
		if seen[next] {
			return all, false, fmt.Errorf("zoom: %s: Zoom repeated page token %q; stopped", cl.key(), next)
		}
		seen[next] = true
		q.Set("next_page_token", next)
	}
}

// PartialListError is a list read that failed after some pages: the items
// already read are returned with it (they are good, only incomplete), and
// it says how much is missing so the caller can show what it has and mark
// the rest stale instead of losing everything.
type PartialListError struct {
	Route string // "GET /phone/numbers"
	Got   int    // items read
	Total int    // total_records of the first page; -1 if Zoom gave none
	Pages int    // pages read
	Err   error  // why the next page failed
}

func (e *PartialListError) Error() string {
	of := ""
	if e.Total >= 0 {
		of = fmt.Sprintf(" of %d", e.Total)
	}
	return fmt.Sprintf("zoom: %s: read %d%s item(s) in %d page(s), the rest is missing: %v", e.Route, e.Got, of, e.Pages, e.Err)
}

func (e *PartialListError) Unwrap() error { return e.Err }

// Missing is how many items were not read (-1 when Zoom gave no total).
func (e *PartialListError) Missing() int {
	if e.Total < 0 {
		return -1
	}
	return max(0, e.Total-e.Got)
}
