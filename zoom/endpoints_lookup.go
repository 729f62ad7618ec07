package zoom

import (
	"context"
	"net/url"
	"strings"
)

// FindNumber reads one of the account's phone numbers by its E.164 form,
// assigned or not (GET /phone/numbers?type=all&phone_number=, zoom-api.md
// §5.4): one request however large the account is. It returns nil, nil
// when the account has no such number.
func (c *Client) FindNumber(ctx context.Context, e164 string) (*PhoneNumber, error) {
	if err := needID("phone number", "FindNumber", e164); err != nil {
		return nil, err
	}
	want := strings.TrimSpace(e164)
	q := url.Values{"type": {"all"}, "phone_number": {want}}
	got, err := listAll[PhoneNumber](ctx, c, call{route: routeNumbers, segments: seg("phone/numbers"), query: q}, "phone_numbers", pageNumbers)
	if err != nil {
		return nil, err
	}
	for i := range got {
		if strings.TrimPrefix(got[i].Number, "+") == strings.TrimPrefix(want, "+") {
			return &got[i], nil
		}
	}
	return nil, nil
}
