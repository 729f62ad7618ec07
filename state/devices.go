package state

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"zpadd/assets"
)

// Brand is a desk-phone maker as the batch endpoint names it. Alt are other
// spellings Zoom uses for the same maker ("Poly" for "Polycom"); which one
// the endpoint takes is unverified, so both are accepted.
type Brand struct {
	Name string
	Alt  []string
	// Maker is the manufacturer behind the brand name (Polycom and Poly
	// are one maker: Zoom files VVX under Polycom and Edge/CCX under Poly,
	// zoom-api.md §11.5); it defaults to Name.
	Maker  string
	Models []Model
	// OUIs are the maker's MAC vendor prefixes (6 lowercase hex digits).
	OUIs []string
}

// Model is a model id in Zoom's form ("t46s", "vvx450"). Confirmed means
// Zoom publishes the id; otherwise the vendor sells the phone and the id
// follows Zoom's pattern but no live call has accepted it yet.
type Model struct {
	ID        string
	Confirmed bool
}

// DeviceCatalog is the embedded desk-phone catalog: brands, model ids and
// MAC vendor prefixes. It suggests and warns; it never blocks a submit,
// because Zoom's own list is stale.
type DeviceCatalog struct {
	brands  []Brand
	byBrand map[string]int     // brandKey(name or alt) -> index in brands
	models  []map[string]Model // per brand: modelKey -> model
	byOUI   map[string]string  // prefix -> brand name
}

var (
	deviceCatalogOnce sync.Once
	deviceCatalog     *DeviceCatalog
)

// Devices returns the embedded device catalog, parsed once.
func Devices() *DeviceCatalog {
	deviceCatalogOnce.Do(func() {
		c, err := parseDeviceCatalog(assets.DeviceBrandsJSON, assets.DeviceOUITSV)
		if err != nil {
			// The data is embedded at build time and covered by tests, so
			// this is a broken build, not bad input.
			panic("zpadd: embedded device catalog: " + err.Error())
		}
		deviceCatalog = c
	})
	return deviceCatalog
}

type brandsFile struct {
	Brands []struct {
		Name        string   `json:"name"`
		Alt         []string `json:"alt"`
		Maker       string   `json:"maker"`
		Confirmed   []string `json:"confirmed"`
		Unconfirmed []string `json:"unconfirmed"`
	} `json:"brands"`
}

func parseDeviceCatalog(brandsJSON, ouiTSV []byte) (*DeviceCatalog, error) {
	var f brandsFile
	if err := json.Unmarshal(brandsJSON, &f); err != nil {
		return nil, fmt.Errorf("brands: %w", err)
	}
	c := &DeviceCatalog{byBrand: map[string]int{}, byOUI: map[string]string{}}
	for i, b := range f.Brands {
		brand := Brand{Name: b.Name, Alt: b.Alt, Maker: cmp.Or(b.Maker, b.Name)}
		for _, id := range b.Confirmed {
			brand.Models = append(brand.Models, Model{ID: id, Confirmed: true})
		}
		for _, id := range b.Unconfirmed {
			brand.Models = append(brand.Models, Model{ID: id})
		}
		models := map[string]Model{}
		for _, m := range brand.Models {
			models[modelKey(m.ID)] = m
		}
		c.brands = append(c.brands, brand)
		c.models = append(c.models, models)
		for _, name := range append([]string{b.Name}, b.Alt...) {
			c.byBrand[brandKey(name)] = i
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(ouiTSV))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		prefix, brand, ok := strings.Cut(text, "\t")
		idx, known := c.byBrand[brandKey(brand)]
		if !ok || len(prefix) != 6 || !known {
			return nil, fmt.Errorf("oui line %d: want \"prefix<TAB>known brand\", got %q", line, text)
		}
		prefix = strings.ToLower(prefix)
		c.byOUI[prefix] = c.brands[idx].Name
		c.brands[idx].OUIs = append(c.brands[idx].OUIs, prefix)
	}
	return c, sc.Err()
}

// Brands lists the makers, Zoom's published (confirmed) ones first, each
// with its confirmed models before the unconfirmed ones. The slice is a
// copy; callers may sort it.
func (c *DeviceCatalog) Brands() []Brand {
	out := make([]Brand, len(c.brands))
	copy(out, c.brands)
	return out
}

// Brand finds a maker by any of its spellings, case- and space-insensitive.
func (c *DeviceCatalog) Brand(name string) (Brand, bool) {
	i, ok := c.byBrand[brandKey(name)]
	if !ok {
		return Brand{}, false
	}
	return c.brands[i], true
}

// BrandForMAC names the maker that holds the MAC's vendor prefix. It is a
// hint for pre-selecting a brand, never a reason to refuse one: makers'
// blocks are not tied to products. Works on any form NormalizeMAC takes,
// and on a partial scan once six hex digits are in.
func (c *DeviceCatalog) BrandForMAC(mac string) (string, bool) {
	norm, err := NormalizeMAC(mac)
	if err != nil {
		norm = hexPrefix(mac, 6)
	}
	return c.brandForHex(norm)
}

// brandForHex is BrandForMAC for hex digits already normalised (lowercase,
// no separators), as Validate holds them.
func (c *DeviceCatalog) brandForHex(hex string) (string, bool) {
	if len(hex) < 6 {
		return "", false
	}
	b, ok := c.byOUI[hex[:6]]
	return b, ok
}

// Known reports whether brand and model are in the catalog (case- and
// space-insensitive, Polycom and Poly alike) and whether Zoom confirms the
// model id.
func (c *DeviceCatalog) Known(brand, model string) (known, confirmed bool) {
	m, known := c.model(brand, model)
	return known, m.Confirmed
}

// CanonicalModel returns the catalog's spelling of a model id ("T46S" →
// "t46s"), or false when the brand or model is unknown.
func (c *DeviceCatalog) CanonicalModel(brand, model string) (string, bool) {
	m, ok := c.model(brand, model)
	return m.ID, ok
}

// model finds a brand's model by modelKey.
func (c *DeviceCatalog) model(brand, model string) (Model, bool) {
	i, ok := c.byBrand[brandKey(brand)]
	if !ok {
		return Model{}, false
	}
	m, ok := c.models[i][modelKey(model)]
	return m, ok
}

// brandKey compares brand strings the way Zoom's own outputs vary:
// case-insensitive, spaces ignored.
func brandKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// modelKey drops case, spaces, hyphens and underscores ("VVX 450",
// "vvx-450" and "vvx450" are one model).
func modelKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

// hexPrefix returns the first n hex digits of s (lowercased) in order,
// skipping separators and prefixes; fewer when s has fewer.
func hexPrefix(s string, n int) string {
	body, _ := stripScannerPrefixes(strings.TrimSpace(s), 0)
	out := make([]byte, 0, n)
	for i := 0; i < len(body) && len(out) < n; i++ {
		if isHexDigit(body[i]) {
			out = append(out, lowerHex(body[i]))
		}
	}
	return string(out)
}

// SameMaker reports whether two brand names are one manufacturer's
// (Polycom and Poly): a MAC prefix of one is no reason to doubt the other.
func (c *DeviceCatalog) SameMaker(a, b string) bool {
	ba, okA := c.Brand(a)
	bb, okB := c.Brand(b)
	return okA && okB && strings.EqualFold(ba.Maker, bb.Maker)
}

// SiblingBrand names another brand of the same maker that lists model
// (VVX is filed under Polycom, Edge under Poly), if any.
func (c *DeviceCatalog) SiblingBrand(brand, model string) (string, bool) {
	b, ok := c.Brand(brand)
	if !ok {
		return "", false
	}
	for i, o := range c.brands {
		if o.Name != b.Name && strings.EqualFold(o.Maker, b.Maker) {
			if _, has := c.models[i][modelKey(model)]; has {
				return o.Name, true
			}
		}
	}
	return "", false
}
