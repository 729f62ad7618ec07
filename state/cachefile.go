package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// catalogPath is the cached account catalog: offline drafting and a first
// frame that does not wait for the network.
func catalogPath(h Home) string { return filepath.Join(h.Cache, "catalog.json") }

// SaveCatalog caches c atomically (its Schema is set on the copy written).
func SaveCatalog(h Home, c *Catalog) error {
	if c == nil {
		return errors.New("save catalog: no catalog given")
	}
	if err := ensureDir(h.Cache); err != nil {
		return fmt.Errorf("save catalog: %w", err)
	}
	cp := *c
	cp.Schema = SchemaVersion
	raw, err := json.Marshal(&cp)
	if err != nil {
		return fmt.Errorf("save catalog: %w", err)
	}
	return WriteFileAtomic(catalogPath(h), raw)
}

// CatalogFileInfo describes the cached catalog file (nil, nil when there
// is none), so a reader can keep the catalog it parsed until the file is
// replaced: every save renames a new file into place.
func CatalogFileInfo(h Home) (fs.FileInfo, error) {
	info, err := os.Stat(catalogPath(h))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return info, err
}

// LoadCatalog reads the cached catalog: (nil, nil) when there is none; an
// error naming the file when it is damaged or from a newer zpadd (the
// caller can refresh from Zoom and overwrite it).
func LoadCatalog(h Home) (*Catalog, error) {
	path := catalogPath(h)
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read cached catalog %s: %w", path, err)
	}
	var c Catalog
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("cached catalog %s is damaged (%v); it will be replaced on the next refresh", path, err)
	}
	if c.Schema > SchemaVersion {
		return nil, fmt.Errorf("cached catalog %s has schema version %d, %w (this one reads up to %d)",
			path, c.Schema, ErrFutureSchema, SchemaVersion)
	}
	return &c, nil
}
