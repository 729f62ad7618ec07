package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is where Serve listens when no address is given: loopback,
// any free port.
const DefaultAddr = "127.0.0.1:0"

// Serve runs a sandbox over HTTP for other programs (`zpadd sandbox`). It
// first prints, one per line, `export NAME=value` for ZOOM_API_URL,
// ZOOM_OAUTH_URL, ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET,
// then serves until ctx ends.
func Serve(ctx context.Context, addr string, o Options, stdout io.Writer) error {
	s, err := Open(o)
	if err != nil {
		return err
	}
	return s.Serve(ctx, addr, stdout)
}

// Serve serves this sandbox over HTTP as the package-level Serve does.
func (s *Sandbox) Serve(ctx context.Context, addr string, stdout io.Writer) error {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	base := "http://" + ln.Addr().String()
	accountID, clientID, secret := s.Credentials()
	_, err = fmt.Fprintf(stdout, "export ZOOM_API_URL=%s/v2\nexport ZOOM_OAUTH_URL=%s/oauth/token\nexport ZOOM_ACCOUNT_ID=%s\nexport ZOOM_CLIENT_ID=%s\nexport ZOOM_CLIENT_SECRET=%s\n",
		base, base, accountID, clientID, secret)
	if err != nil {
		_ = ln.Close()
		return fmt.Errorf("sandbox: write the export lines: %w", err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-stopped
		return nil
	}
	return fmt.Errorf("sandbox: serve on %s: %w", ln.Addr(), err)
}
