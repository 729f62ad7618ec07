//go:build tools

// Package main pins the modules the packages are being built on while they
// are written in parallel, so `go mod tidy` in one package does not drop a
// dependency another package is about to import. Removed once every module
// is imported for real.
package main

import (
	_ "charm.land/bubbles/v2/textinput"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/huh/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/adrg/xdg"
	_ "github.com/cenkalti/backoff/v5"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "github.com/creack/pty"
	_ "github.com/gofrs/flock"
	_ "github.com/nyaruka/phonenumbers"
	_ "github.com/sahilm/fuzzy"
	_ "github.com/spf13/cobra"
	_ "golang.org/x/oauth2/clientcredentials"
	_ "golang.org/x/term"
	_ "golang.org/x/time/rate"
)
