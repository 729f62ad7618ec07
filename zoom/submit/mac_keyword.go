package submit

import (
	"context"

	"zpadd/state"
	"zpadd/zoom"
)

// deviceWithMAC searches GET /phone/devices (type typ) for the MAC norm (12
// lowercase hex digits). The keyword goes first in the hyphenated form of
// Zoom's own examples (80-5e-c0-3d-eb-c4, zoom-api.md §7.1), then, if that
// finds nothing, bare: which form the search matches is not documented,
// and a MAC missed here would only be refused by the POST.
func (s *Service) deviceWithMAC(ctx context.Context, typ, norm string) (bool, error) {
	for _, keyword := range []string{state.FormatMAC(norm, "-"), norm} {
		devs, err := s.c.ListDevices(ctx, zoom.DeviceQuery{Type: typ, Keyword: keyword})
		if err != nil {
			return false, err
		}
		for _, d := range devs {
			if bareMAC(d.MACAddress) == norm {
				return true, nil
			}
		}
	}
	return false, nil
}
