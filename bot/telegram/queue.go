package telegram

import (
	"sync"
)

// dispatcher runs jobs in order per chat and chats in parallel, at most
// workers chats at a time. A job only decides a reply (it hands sending to
// the outbox), so a worker is never held by a chat's pacing. Jobs must not
// panic.
type dispatcher struct {
	sem chan struct{}

	mu    sync.Mutex
	chats map[int64]*chatQueue
}

type chatQueue struct {
	jobs []func()
}

func newDispatcher(workers int) *dispatcher {
	return &dispatcher{
		sem:   make(chan struct{}, workers),
		chats: make(map[int64]*chatQueue),
	}
}

// enqueue adds job to chat's queue; it runs after the chat's earlier jobs.
func (d *dispatcher) enqueue(chat int64, job func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if q, ok := d.chats[chat]; ok {
		q.jobs = append(q.jobs, job)
		return
	}
	q := &chatQueue{jobs: []func(){job}}
	d.chats[chat] = q
	go d.run(chat, q)
}

func (d *dispatcher) run(chat int64, q *chatQueue) {
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	for {
		d.mu.Lock()
		if len(q.jobs) == 0 {
			delete(d.chats, chat)
			d.mu.Unlock()
			return
		}
		job := q.jobs[0]
		q.jobs[0] = nil
		q.jobs = q.jobs[1:]
		d.mu.Unlock()

		job()
	}
}

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
