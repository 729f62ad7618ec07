package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// sandboxSeeds holds the Zoom simulator's seed accounts, one JSON file per
// seed, named after the file without its extension ("standard").
//
//go:embed sandbox/*.json
var sandboxSeeds embed.FS

// DefaultSandboxSeed is the seed the simulator loads when none is named.
const DefaultSandboxSeed = "standard"

// SandboxSeed returns the bytes of the named sandbox seed ("" means the
// default one).
func SandboxSeed(name string) ([]byte, error) {
	if name == "" {
		name = DefaultSandboxSeed
	}
	if strings.ContainsAny(name, `/\.`) {
		return nil, fmt.Errorf("sandbox seed %q: a seed name is a plain word such as %q", name, DefaultSandboxSeed)
	}
	b, err := sandboxSeeds.ReadFile("sandbox/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("sandbox seed %q does not exist (known: %s)", name, strings.Join(SandboxSeedNames(), ", "))
	}
	return b, nil
}

// SandboxSeedNames lists the embedded sandbox seeds, sorted.
func SandboxSeedNames() []string {
	entries, _ := fs.ReadDir(sandboxSeeds, "sandbox")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}
