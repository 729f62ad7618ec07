package sandbox

import "net/http"

// handleBatchAnswer is the batch POST with Options.AnswerDelay: the batch
// commits as usual, then its answer waits (outside the sandbox's lock, so
// reads go on meanwhile). A client that goes away during the wait never
// gets the answer, though the users exist: Zoom acted, the answer was lost.
func (s *Sandbox) handleBatchAnswer(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	delay := s.opts.AnswerDelay
	s.mu.Unlock()
	if delay <= 0 {
		s.handleBatch(w, r)
		return
	}
	held := &heldAnswer{header: http.Header{}, code: http.StatusOK}
	s.handleBatch(held, r)
	if !sleepCtx(r, delay) {
		return
	}
	for k, v := range held.header {
		w.Header()[k] = v
	}
	w.WriteHeader(held.code)
	_, _ = w.Write(held.body)
}

// heldAnswer keeps a handler's answer to send later.
type heldAnswer struct {
	header http.Header
	code   int
	body   []byte
}

func (h *heldAnswer) Header() http.Header         { return h.header }
func (h *heldAnswer) WriteHeader(code int)        { h.code = code }
func (h *heldAnswer) Write(b []byte) (int, error) { h.body = append(h.body, b...); return len(b), nil }
