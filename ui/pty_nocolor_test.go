//go:build unix

package ui_test

import (
	"regexp"
	"testing"
)

// colourSGR matches an SGR sequence that sets a foreground or background
// colour (30–37, 38;…, 40–47, 48;…, 90–97, 100–107), not bold or reset.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-7]|38|4[0-7]|48|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// With NO_COLOR set, the real binary draws its screens without a single
// colour: the convention (no-color.org) is honoured end to end.
func TestPtyNoColorDrawsNoColours(t *testing.T) {
	bin := buildZpadd(t)
	p := startPty(t, bin, 100, 30, []string{"ZPADD_HOME=" + t.TempDir(), "NO_COLOR=1"}, "--sandbox")
	p.waitText(0, "Drafts")
	p.write("n") // a second screen, with pickers and badges
	p.waitText(0, "Applied to each new user")
	p.mu.Lock()
	raw := p.out.String()
	p.mu.Unlock()
	if m := colourSGR.FindString(raw); m != "" {
		t.Errorf("NO_COLOR output holds the colour sequence %q", m)
	}
	p.write("\x03")
	p.waitExit()
}
