package discord

import (
	"sync"
)

// lanes runs each user's events in order and users in parallel, at most
// workers of them deciding at a time, and holds at most max events per
// user (waiting or running). A worker is held only while a reply is being
// decided (the handler runs, an interaction is acknowledged): a job calls
// decided once it knows its reply and sends it without the worker, so a
// slow or rate-limited send holds back only its own user, and another
// person's emergency never waits for someone else's flood to be sent.
type lanes struct {
	sem chan struct{}
	max int

	mu    sync.Mutex
	users map[string]*lane
}

type lane struct {
	jobs    []func(decided func())
	refused bool // a job was refused since the lane last emptied
}

func newLanes(workers, max int) *lanes {
	return &lanes{sem: make(chan struct{}, workers), max: max, users: make(map[string]*lane)}
}

// enqueue adds job to user's lane, after the user's earlier jobs. When
// the user already holds max, job is not run: ok is false, and first
// reports whether this is the first refusal since the user's lane last
// emptied (so that a flood earns one notice, not one per message).
func (l *lanes) enqueue(user string, job func(decided func())) (ok, first bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	q, running := l.users[user]
	if running {
		// The running job counts: it is no longer in jobs.
		if len(q.jobs)+1 >= l.max {
			first = !q.refused
			q.refused = true
			return false, first
		}
		q.jobs = append(q.jobs, job)
		return true, false
	}
	q = &lane{jobs: []func(decided func()){job}}
	l.users[user] = q
	go l.run(user, q)
	return true, false
}

func (l *lanes) run(user string, q *lane) {
	for {
		l.mu.Lock()
		if len(q.jobs) == 0 {
			delete(l.users, user)
			l.mu.Unlock()
			return
		}
		job := q.jobs[0]
		q.jobs[0] = nil
		q.jobs = q.jobs[1:]
		l.mu.Unlock()

		l.sem <- struct{}{}
		var once sync.Once
		release := func() { once.Do(func() { <-l.sem }) }
		func() {
			defer release()
			job(release)
		}()
	}
}
