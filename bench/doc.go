// Package bench holds the benchmarks that need the whole stack:
//
//   - BenchmarkSubmit10: the full pre-flight → POST → verify path of a
//     10-user draft against the in-process Zoom sandbox with 50 ms of
//     latency, next to a naive client that POSTs each user on its own
//     without checking anything; it reports both wall times, request counts
//     and their ratios in one run.
//   - BenchmarkFirstFrame: the built binary's time from exec to its first
//     frame under a pty with a warm catalog cache, with and without 500 ms
//     of sandbox latency (the first frame must not wait for the network).
//
// Run: go test -run '^$' -bench . -benchtime 3x ./bench
//
// screenshots.sh makes the README's screenshots from the real program.
package bench
