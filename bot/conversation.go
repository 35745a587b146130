package bot

import (
	"sort"
	"sync"
	"time"
)

// conversation is what the router remembers of one conversation.
type conversation struct {
	// question is the last question as searched (follow-ups resolved).
	question string
	// topics are the topics it names; keywords its words that say most
	// (the rare words the articles know), for a follow-up when it names no
	// topic.
	topics   []Topic
	keywords []string
	// choices are the passages a "did you mean" reply offered, in order.
	choices []SearchHit
	seen    time.Time
}

// conversations holds follow-up context per conversation, forgetting it
// after a time to live and bounding how many it keeps.
type conversations struct {
	mu    sync.Mutex
	ttl   time.Duration
	limit int
	m     map[string]*conversation
	now   func() time.Time
}

func newConversations(ttl time.Duration, limit int, now func() time.Time) *conversations {
	if now == nil {
		now = time.Now
	}
	return &conversations{ttl: ttl, limit: limit, m: map[string]*conversation{}, now: now}
}

func (cs *conversations) get(key string) (conversation, bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, ok := cs.m[key]
	if !ok || cs.now().Sub(c.seen) > cs.ttl {
		delete(cs.m, key)
		return conversation{}, false
	}
	return *c, true
}

func (cs *conversations) put(key string, c conversation) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c.seen = cs.now()
	if _, ok := cs.m[key]; !ok && len(cs.m) >= cs.limit {
		cs.evict()
	}
	cs.m[key] = &c
}

// evict drops expired conversations and, when that frees too little, the
// least recently seen tenth: one scan pays for many insertions, so a full
// store does not scan under the lock for every new conversation.
func (cs *conversations) evict() {
	now := cs.now()
	type entry struct {
		key  string
		seen time.Time
	}
	live := make([]entry, 0, len(cs.m))
	for k, c := range cs.m {
		if now.Sub(c.seen) > cs.ttl {
			delete(cs.m, k)
			continue
		}
		live = append(live, entry{k, c.seen})
	}
	if len(cs.m) < cs.limit {
		return
	}
	sort.Slice(live, func(i, j int) bool { return live[i].seen.Before(live[j].seen) })
	for _, e := range live[:max(1, cs.limit/10)] {
		delete(cs.m, e.key)
	}
}
