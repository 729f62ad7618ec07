package numberpicker

import "github.com/nyaruka/phonenumbers"

// labelCache formats numbers for display on first sight ("+16465550130" →
// "+1 646-555-0130"). Formatting all of a site's numbers up front would cost
// more than every screen the operator will ever look at, so only the rows
// actually drawn are formatted, once. The cache is shared by copies of the
// Model, which bubbletea only touches from one goroutine.
type labelCache struct{ labels []string }

func newLabelCache(n int) *labelCache { return &labelCache{labels: make([]string, n)} }

func (c *labelCache) label(i int, e164 string) string {
	if l := c.labels[i]; l != "" {
		return l
	}
	l := e164
	if num, err := phonenumbers.Parse(e164, "US"); err == nil {
		l = phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	}
	c.labels[i] = l
	return l
}
