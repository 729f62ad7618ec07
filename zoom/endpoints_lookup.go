package zoom

import (
	"cmp"
	"context"
	"net/url"
	"strconv"
	"strings"
)

// FindNumber reads one of the account's phone numbers by its E.164 form,
// assigned or not: one request however large the account is. It asks the
// number list in use (see ListUnassignedNumbers): GET
// /number_management/numbers?keyword= (LIGHT, a prefix match, zoom-api.md
// §5.5) or GET /phone/numbers?type=all&phone_number= (§5.4), falling back
// the same way. It returns nil, nil when the account has no such number.
func (c *Client) FindNumber(ctx context.Context, e164 string) (*PhoneNumber, error) {
	if err := needID("phone number", "FindNumber", e164); err != nil {
		return nil, err
	}
	want := strings.TrimPrefix(strings.TrimSpace(e164), "+")
	order := c.numbersOrder()
	got, err := c.findNumberIn(ctx, order[0], want)
	if err == nil || !numbersRefused(err) {
		if err == nil {
			c.numbersAnswered(order[0], "")
		}
		return got, err
	}
	got, err = c.findNumberIn(ctx, order[1], want)
	if err == nil {
		c.numbersAnswered(order[1], "")
	}
	return got, err
}

func (c *Client) findNumberIn(ctx context.Context, e NumbersEndpoint, want string) (*PhoneNumber, error) {
	var found []PhoneNumber
	if e == NumbersPhone {
		q := url.Values{"type": {"all"}, "phone_number": {"+" + want}}
		list, err := listAll[PhoneNumber](ctx, c, call{route: routeNumbers, segments: seg("phone/numbers"), query: q}, "phone_numbers", pageNumbers)
		if err != nil {
			return nil, err
		}
		found = list
	} else {
		q := url.Values{"keyword": {want}}
		list, err := listAll[ManagedNumber](ctx, c, call{route: routeNumberManagement, segments: seg("number_management/numbers"), query: q}, "numbers", pageNumberManagement)
		if err != nil {
			return nil, err
		}
		for _, n := range list {
			p := n.PhoneNumber()
			if len(n.AssignedList) > 0 { // who holds it: validation says "already assigned"
				a := n.AssignedList[0]
				ext, _ := strconv.ParseInt(a.ExtensionNumber, 10, 64) // a string here (§5.5)
				p.Assignee = &NumberAssignee{ID: cmp.Or(a.AssignedToID, a.AssignedToName), Name: a.AssignedToName, ExtensionNumber: ext, Type: a.AssignedToType}
			}
			found = append(found, p)
		}
	}
	for i := range found {
		if strings.TrimPrefix(found[i].Number, "+") == want {
			return &found[i], nil
		}
	}
	return nil, nil
}
