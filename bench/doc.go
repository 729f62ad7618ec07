// Package bench holds the benchmarks that need the whole stack:
//
//   - cost_bench_test.go: against the in-process sandbox with 50 ms of
//     latency and Zoom's per-second limits, on large accounts, at zpadd's
//     default share of the quotas and at the whole quota, each figure next
//     to its floors and with its 429s: BenchmarkCheck10, BenchmarkSubmit10
//     (the binary's whole path, token to verify, next to a naive client
//     that POSTs each user on its own), BenchmarkSubmit50Drafts,
//     BenchmarkColdCatalog50k and BenchmarkWarmStartRequests.
//   - localdata_test.go: Home's data and first view with 1,000 drafts and
//     a 1,000-batch journal.
//   - BenchmarkFirstFrame: the built binary's time from exec to its first
//     frame under a pty with a warm catalog cache, with and without 500 ms
//     of sandbox latency (the first frame must not wait for the network).
//
// Run: go test -run '^$' -bench . -benchtime 3x ./bench
//
// screenshots.sh makes the README's screenshots from the real program.
package bench
