package results

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"zpadd/zoom/submit"
)

// source tells apart the workflows whose events reach the screen.
type source int

const (
	fromSubmit source = iota + 1
	fromWatch
)

// eventsMsg carries every event queued since the screen last looked; one
// message per wake-up keeps a burst of events to one render.
type eventsMsg struct {
	src    source
	events []submit.Event
}

// pump turns a workflow's callback into messages. The workflow calls push
// from its own goroutines and must never wait on the UI, so the queue is
// unbounded; the screen asks for the next batch with wait() after each one,
// the pattern of bubbletea's realtime example.
type pump struct {
	src source

	mu     sync.Mutex
	queue  []submit.Event
	closed bool
	final  tea.Msg
	wake   chan struct{}
}

func newPump(src source) *pump { return &pump{src: src, wake: make(chan struct{}, 1)} }

// push queues an event; it never blocks.
func (p *pump) push(ev submit.Event) {
	p.mu.Lock()
	p.queue = append(p.queue, ev)
	p.mu.Unlock()
	p.signal()
}

// finish delivers final after the queued events, then nothing more.
func (p *pump) finish(final tea.Msg) {
	p.mu.Lock()
	p.closed, p.final = true, final
	p.mu.Unlock()
	p.signal()
}

func (p *pump) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// wait is the command that blocks until events (or the end) arrive.
func (p *pump) wait() tea.Cmd {
	return func() tea.Msg {
		for {
			p.mu.Lock()
			if len(p.queue) > 0 {
				evs := p.queue
				p.queue = nil
				p.mu.Unlock()
				return eventsMsg{src: p.src, events: evs}
			}
			if p.closed {
				final := p.final
				p.mu.Unlock()
				return final
			}
			p.mu.Unlock()
			<-p.wake
		}
	}
}
