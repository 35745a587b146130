// Package keyedlimit is a token-bucket rate limiter keyed by an opaque string
// (a user, a client address), with bounded memory: idle keys are forgotten,
// and when more than Max keys are active the least recently seen is evicted.
package keyedlimit

import (
	"container/list"
	"math"
	"sync"
	"time"
)

// Limiter allows Rate events per second per key with bursts of up to Burst.
// It is safe for concurrent use.
type Limiter struct {
	rate  float64 // tokens per second
	burst float64
	max   int
	now   func() time.Time

	mu   sync.Mutex
	keys map[string]*list.Element // of *entry
	lru  *list.List               // front: most recently seen
}

type entry struct {
	key    string
	tokens float64
	last   time.Time
}

// New returns a limiter of rate events per second with the given burst,
// remembering at most max keys (max <= 0 means 10,000). now may be nil.
// A rate <= 0 returns nil, and a nil *Limiter allows everything.
func New(rate float64, burst int, max int, now func() time.Time) *Limiter {
	if rate <= 0 || math.IsNaN(rate) || math.IsInf(rate, 0) {
		return nil
	}
	if burst < 1 {
		burst = 1
	}
	if max <= 0 {
		max = 10000
	}
	if now == nil {
		now = time.Now
	}
	return &Limiter{rate: rate, burst: float64(burst), max: max, now: now,
		keys: make(map[string]*list.Element), lru: list.New()}
}

// Allow takes one token from key's bucket. When the bucket is empty it
// returns false and how long until a token is available.
func (l *Limiter) Allow(key string) (ok bool, retryAfter time.Duration) {
	if l == nil {
		return true, 0
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.forgetIdle(now)
	el, found := l.keys[key]
	var e *entry
	if found {
		e = el.Value.(*entry)
		e.tokens = l.refill(e, now)
		e.last = now
		l.lru.MoveToFront(el)
	} else {
		for l.lru.Len() >= l.max {
			old := l.lru.Back()
			delete(l.keys, old.Value.(*entry).key)
			l.lru.Remove(old)
		}
		e = &entry{key: key, tokens: l.burst, last: now}
		l.keys[key] = l.lru.PushFront(e)
	}
	if e.tokens >= 1 {
		e.tokens--
		return true, 0
	}
	wait := time.Duration((1 - e.tokens) / l.rate * float64(time.Second))
	if wait < time.Millisecond {
		wait = time.Millisecond
	}
	return false, wait
}

// Len is how many keys the limiter remembers now.
func (l *Limiter) Len() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

func (l *Limiter) refill(e *entry, now time.Time) float64 {
	el := now.Sub(e.last).Seconds()
	if el < 0 {
		el = 0
	}
	return math.Min(l.burst, e.tokens+el*l.rate)
}

// forgetIdle drops keys, least recently seen first, whose bucket has refilled
// completely: forgetting them loses nothing, since a new key starts full.
func (l *Limiter) forgetIdle(now time.Time) {
	for {
		old := l.lru.Back()
		if old == nil {
			return
		}
		e := old.Value.(*entry)
		if l.refill(e, now) < l.burst {
			return
		}
		delete(l.keys, e.key)
		l.lru.Remove(old)
	}
}
