package ui

import (
	"zpadd/ui/batch"
	"zpadd/ui/common"
	"zpadd/ui/defaults"
	"zpadd/ui/home"
	"zpadd/ui/results"
	"zpadd/ui/review"
	"zpadd/ui/scan"
	"zpadd/ui/user"
)

// screenFactories maps each ScreenID to its package's New. Screens not in
// the map are reported as unavailable when navigated to.
func screenFactories() map[common.ScreenID]common.Factory {
	f := map[common.ScreenID]common.Factory{
		common.HomeScreen:     home.New,
		common.DefaultsScreen: defaults.New,
		common.BatchScreen:    batch.New,
		common.UserScreen:     user.New,
		common.ScanScreen:     scan.New,
		common.ReviewScreen:   review.New,
		common.ResultsScreen:  results.New,
	}
	return f
}
