package bench

import (
	"net/http"

	"zpadd/zoom/sandbox"
)

func httpClient(sb *sandbox.Sandbox) *http.Client { return &http.Client{Transport: sb.Transport()} }
