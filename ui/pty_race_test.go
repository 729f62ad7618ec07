//go:build unix && race

package ui_test

// raceBuild: the tests run with -race, so the binary under test is built
// with it too.
const raceBuild = true
