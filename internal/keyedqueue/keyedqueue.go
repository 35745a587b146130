// Package keyedqueue runs jobs in order per key (a user, a chat) and keys in
// parallel, with a bound on how many jobs run at once and, optionally, on how
// many one key may hold.
//
// It is built for chat adapters, where a job decides a reply and then sends
// it. Deciding needs a worker (it runs the handler); sending may wait long
// on the platform (pacing, a 429), and must not hold a worker while it does,
// or one person's flood stuck in sending would keep another person's
// emergency from being decided. So a job is given a decided func: calling it
// releases the job's worker while the job goes on sending, and the key's
// next job still waits until this one returns, so replies keep their order.
// A job that never calls decided releases its worker when it returns.
//
// A key's worker is taken anew for each job, not held across the key's
// backlog: with workers W, a key that floods occupies at most one worker,
// and a job of another key waits for at most W jobs ahead of it rather than
// for whole backlogs.
//
// Beyond Depth jobs held by a key (waiting or running) a new job is refused
// and never run; the first refusal since the key's lane last emptied is
// reported as such, so that a flood earns one notice, not one per message.
package keyedqueue

import (
	"strconv"
	"sync"
)

// Queue is a set of per-key lanes sharing a worker limit. The zero value is
// not usable; make one with New. It is safe for concurrent use.
type Queue[K comparable] struct {
	sem   chan struct{}
	depth int

	mu    sync.Mutex
	lanes map[K]*lane // a key is here while its lane's goroutine runs
}

type lane struct {
	jobs    []func(decided func()) // the running one first
	refused bool                   // a job was refused since the lane last emptied
}

// New returns a Queue that runs at most workers jobs at once (at least one)
// and holds at most depth jobs per key, the running one included; depth 0
// or less means no bound per key (for an adapter bounding its work
// elsewhere).
func New[K comparable](workers, depth int) *Queue[K] {
	if workers < 1 {
		workers = 1
	}
	return &Queue[K]{sem: make(chan struct{}, workers), depth: depth, lanes: make(map[K]*lane)}
}

// Result says what Add did with a job.
type Result int

const (
	// Queued: the job will run after the key's earlier jobs.
	Queued Result = iota
	// Refused: the key holds Depth jobs; the job will not run, and this is
	// the first refusal since the key's lane last emptied.
	Refused
	// RefusedAgain: as Refused, but the key was refused before.
	RefusedAgain
)

func (r Result) String() string {
	switch r {
	case Queued:
		return "queued"
	case Refused:
		return "refused"
	case RefusedAgain:
		return "refused again"
	}
	return "Result(" + strconv.Itoa(int(r)) + ")"
}

// Add queues job on key's lane, after the key's earlier jobs. job must call
// decided (any number of times) once it no longer needs its worker, or
// return; it must not panic. When the key already holds Depth jobs, job is
// not run and Add reports Refused or RefusedAgain.
func (q *Queue[K]) Add(key K, job func(decided func())) Result {
	q.mu.Lock()
	defer q.mu.Unlock()
	l, running := q.lanes[key]
	if !running {
		l = &lane{}
		q.lanes[key] = l
		go q.run(key, l)
	}
	if q.depth > 0 && len(l.jobs) >= q.depth {
		if l.refused {
			return RefusedAgain
		}
		l.refused = true
		return Refused
	}
	l.jobs = append(l.jobs, job)
	return Queued
}

// run runs l's jobs in order until none is left, taking a worker for each.
func (q *Queue[K]) run(key K, l *lane) {
	for {
		q.mu.Lock()
		if len(l.jobs) == 0 {
			delete(q.lanes, key)
			q.mu.Unlock()
			return
		}
		job := l.jobs[0] // stays in jobs, counted against depth, until it returns
		q.mu.Unlock()

		q.sem <- struct{}{}
		var once sync.Once
		release := func() { once.Do(func() { <-q.sem }) }
		func() {
			defer release()
			job(release)
		}()

		q.mu.Lock()
		l.jobs[0] = nil
		l.jobs = l.jobs[1:]
		q.mu.Unlock()
	}
}
