package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"

	"zpadd/assets"
)

// Background is a sandbox still being built: `zpadd --sandbox` starts it
// with OpenInBackground so the first frame does not wait for the seed's
// numbers to be generated and checked (tens of milliseconds, seconds with
// large=N). Its account is known at once; requests wait for the build.
type Background struct {
	id, name, clientID, clientSecret string

	ready chan struct{} // closed when sb or err is set
	sb    *Sandbox
	err   error
}

// OpenInBackground reads the seed's account now and builds the rest of the
// sandbox o describes in a goroutine. A large account (large=, numbers=,
// ...) is built before it returns: its counts can be refused ("the sites
// have room for only ..."), and that must be said at start, not found in
// the log after the first request.
func OpenInBackground(o Options) (*Background, error) {
	if !o.Size.zero() {
		sb, err := Open(o)
		if err != nil {
			return nil, err
		}
		b := &Background{ready: make(chan struct{}), sb: sb}
		b.id, b.clientID, b.clientSecret = sb.Credentials()
		b.name = sb.AccountName()
		close(b.ready)
		return b, nil
	}
	raw, err := assets.SandboxSeed(o.Seed)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	var head struct {
		Account seedAccount `json:"account"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fmt.Errorf("sandbox: seed %q: %w", o.Seed, err)
	}
	a := head.Account
	b := &Background{id: a.ID, name: a.Name, clientID: a.ClientID, clientSecret: a.ClientSecret, ready: make(chan struct{})}
	go func() {
		defer close(b.ready)
		b.sb, b.err = Open(o)
	}()
	return b, nil
}

// Credentials are the seeded account's, as Sandbox.Credentials.
func (b *Background) Credentials() (accountID, clientID, clientSecret string) {
	return b.id, b.clientID, b.clientSecret
}

// AccountName is the seeded account's display name.
func (b *Background) AccountName() string { return b.name }

// Wait blocks until the sandbox is built and returns it (or why it could
// not be).
func (b *Background) Wait() (*Sandbox, error) {
	<-b.ready
	return b.sb, b.err
}

// Transport is Sandbox.Transport once the build is done; a request sent
// before waits for it (or for its own cancellation).
func (b *Background) Transport() http.RoundTripper { return backgroundTransport{b} }

type backgroundTransport struct{ b *Background }

func (t backgroundTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err // cancelled before it was sent: it never reaches the sandbox
	}
	select {
	case <-t.b.ready:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	if t.b.err != nil {
		return nil, t.b.err
	}
	return t.b.sb.Transport().RoundTrip(req)
}
