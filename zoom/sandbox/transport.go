package sandbox

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

// ErrDropped is what the in-process transport returns when the sandbox
// hangs up without answering (the CommitThenDrop fault), as a socket
// client sees an EOF.
var ErrDropped = fmt.Errorf("sandbox: connection closed without a response: %w", io.EOF)

// Transport returns an http.RoundTripper that hands every request, to any
// host, to the sandbox in process: no socket, for `zpadd --sandbox`. It
// honours request cancellation like a network transport.
func (s *Sandbox) Transport() http.RoundTripper { return inProcess{h: s} }

type inProcess struct{ h http.Handler }

func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	in := req.Clone(ctx)
	in.RequestURI = req.URL.RequestURI()
	in.RemoteAddr = "127.0.0.1:0"
	if in.Host == "" {
		in.Host = req.URL.Host
	}
	if in.Body == nil {
		in.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					done <- ErrDropped
					return
				}
				done <- fmt.Errorf("sandbox: handler panicked on %s %s: %v", req.Method, req.URL.Path, p)
			}
		}()
		t.h.ServeHTTP(rec, in)
		done <- nil
	}()
	select {
	case err := <-done:
		if req.Body != nil {
			_ = req.Body.Close()
		}
		if err != nil {
			return nil, err
		}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	resp := rec.Result()
	resp.Request = req
	return resp, nil
}
