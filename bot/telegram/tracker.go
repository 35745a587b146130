package telegram

import (
	"sync"
)

// tracker counts the updates in hand, from when they are taken until their
// reply is sent or given up, so that shutdown can wait for them and the
// webhook can refuse work beyond a bound.
type tracker struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed and replaced when n drops to 0
}

func newTracker() *tracker { return &tracker{idle: make(chan struct{})} }

func (t *tracker) add() {
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

func (t *tracker) done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 {
		close(t.idle)
		t.idle = make(chan struct{})
	}
}

// len reports the updates in hand.
func (t *tracker) len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

// idleChan returns a channel closed when no update is in hand (at once if
// none is).
func (t *tracker) idleChan() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		c := make(chan struct{})
		close(c)
		return c
	}
	return t.idle
}
