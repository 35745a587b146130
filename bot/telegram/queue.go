package telegram

import (
	"sync"
)

// dispatcher runs jobs in order per chat and chats in parallel, at most
// workers chats at a time. Every job is counted so that the poller can wait
// for a batch and shutdown for the jobs in flight. Jobs must not panic.
type dispatcher struct {
	sem chan struct{}

	mu      sync.Mutex
	chats   map[int64]*chatQueue
	pending int           // jobs queued or running
	idle    chan struct{} // closed and replaced when pending drops to 0
}

type chatQueue struct {
	jobs []func()
}

func newDispatcher(workers int) *dispatcher {
	return &dispatcher{
		sem:   make(chan struct{}, workers),
		chats: make(map[int64]*chatQueue),
		idle:  make(chan struct{}),
	}
}

// enqueue adds job to chat's queue; it runs after the chat's earlier jobs.
func (d *dispatcher) enqueue(chat int64, job func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending++
	if q, ok := d.chats[chat]; ok {
		q.jobs = append(q.jobs, job)
		return
	}
	q := &chatQueue{jobs: []func(){job}}
	d.chats[chat] = q
	go d.run(chat, q)
}

// len reports the jobs queued or running.
func (d *dispatcher) len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.pending
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

		d.mu.Lock()
		d.pending--
		if d.pending == 0 {
			close(d.idle)
			d.idle = make(chan struct{})
		}
		d.mu.Unlock()
	}
}

// idleChan returns a channel closed when no job is queued or running (at
// once if none is).
func (d *dispatcher) idleChan() <-chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pending == 0 {
		c := make(chan struct{})
		close(c)
		return c
	}
	return d.idle
}
