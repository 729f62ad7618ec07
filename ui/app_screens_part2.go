package ui

import (
	"zpadd/ui/common"
	"zpadd/ui/results"
	"zpadd/ui/review"
	"zpadd/ui/scan"
)

// addPart2Screens registers the screens of ui/scan, ui/review and
// ui/results (written alongside the shell).
func addPart2Screens(f map[common.ScreenID]common.Factory) {
	f[common.ScanScreen] = scan.New
	f[common.ReviewScreen] = review.New
	f[common.ResultsScreen] = results.New
}
