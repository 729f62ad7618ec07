//go:build unix && !race

package ui_test

// raceBuild: the tests run without -race, and so does the binary under test.
const raceBuild = false
