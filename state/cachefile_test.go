package state

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCatalogCacheAbsentIsNilWithoutError(t *testing.T) {
	h := storeTestHome(t)
	c, err := LoadCatalog(h)
	if c != nil || err != nil {
		t.Fatalf("LoadCatalog with no cache = %v, %v; want nil, nil", c, err)
	}
}

func TestCatalogCacheRoundTrip(t *testing.T) {
	h := storeTestHome(t)
	want := &Catalog{
		FetchedAt: time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC),
		Account:   "Acme",
		Sites:     []Site{{ID: "s1", Name: "Main", Code: "MN", Country: "US", ExtensionLength: 4}},
		Numbers:   []Number{{ID: "n1", Number: "+12125550100", SiteID: "s1"}},
		Known:     map[string]bool{"sites": true, "numbers": true},
	}
	if err := SaveCatalog(h, want); err != nil {
		t.Fatal(err)
	}
	got, err := LoadCatalog(h)
	if err != nil {
		t.Fatal(err)
	}
	want.Schema = SchemaVersion
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestCatalogCacheDamagedOrFutureIsAClearError(t *testing.T) {
	h := storeTestHome(t)
	path := filepath.Join(h.Cache, "catalog.json")
	os.WriteFile(path, []byte(`{"sites":[`), 0o600)
	if _, err := LoadCatalog(h); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("damaged cache: %v, want an error naming %s", err, path)
	}
	os.WriteFile(path, []byte(`{"schema":42}`), 0o600)
	if _, err := LoadCatalog(h); !errors.Is(err, ErrFutureSchema) {
		t.Errorf("future cache: %v, want ErrFutureSchema", err)
	}
}
