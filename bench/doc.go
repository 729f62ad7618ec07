// Package bench measures zpadd's submit path against the in-process Zoom
// sandbox with network latency: the full pre-flight → POST → verify path of
// a 10-user draft next to a naive client that POSTs each user on its own
// without checking anything. Run: go test -bench . -benchtime 3x ./bench
package bench
