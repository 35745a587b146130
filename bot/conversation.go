package bot

import (
	"context"
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
	// answeredFrom is the section the last answer quoted first (its
	// citation id): a follow-up that reads two ways equally well takes the
	// reading that goes on where the conversation is.
	answeredFrom string
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
	// maxBytes bounds the store's size as well as its count (sizeOf
	// estimates each conversation's): a count alone lets long messages
	// grow it without bound.
	maxBytes int
	bytes    int
	m        map[string]*conversation
	now      func() time.Time
}

// maxConversationBytes is the largest conversation remembered: one bigger
// holds a message no follow-up could lean on.
const maxConversationBytes = 16 << 10

func newConversations(ttl time.Duration, limit int, now func() time.Time) *conversations {
	if now == nil {
		now = time.Now
	}
	return &conversations{ttl: ttl, limit: limit, maxBytes: defaultConversationBytes, m: map[string]*conversation{}, now: now}
}

// defaultConversationBytes bounds the conversation store (about 64 MiB).
const defaultConversationBytes = 64 << 20

// sizeOf estimates the memory c holds, strings and fixed overheads.
func sizeOf(key string, c *conversation) int {
	n := 128 + len(key) + len(c.question) + len(c.answeredFrom)
	for _, t := range c.topics {
		n += 64 + len(t.Name) + len(t.Words)
	}
	for _, k := range c.keywords {
		n += 16 + len(k)
	}
	for _, h := range c.choices {
		n += 256 + len(h.ID) + len(h.Cite) + len(h.DocPath) + len(h.Title) + len(h.Source) + len(h.Section) + len(h.Text) + len(h.Snippet)
		for _, hd := range h.Headings {
			n += 16 + len(hd)
		}
	}
	return n
}

// remove drops key, keeping the byte count.
func (cs *conversations) remove(key string) {
	if c, ok := cs.m[key]; ok {
		cs.bytes -= sizeOf(key, c)
		delete(cs.m, key)
	}
}

func (cs *conversations) get(key string) (conversation, bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, ok := cs.m[key]
	if !ok || cs.now().Sub(c.seen) > cs.ttl {
		cs.remove(key)
		return conversation{}, false
	}
	return *c, true
}

func (cs *conversations) put(key string, c conversation) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c.seen = cs.now()
	cs.remove(key)
	size := sizeOf(key, &c)
	if size > maxConversationBytes {
		return // nothing a follow-up could lean on
	}
	if len(cs.m) >= cs.limit || cs.bytes+size > cs.maxBytes {
		cs.evict(size)
	}
	cs.m[key] = &c
	cs.bytes += size
}

// evict drops expired conversations and, when that frees too little, the
// least recently seen tenth: one scan pays for many insertions, so a full
// store does not scan under the lock for every new conversation.
// The same holds for bytes: room is made for incoming and a tenth more.
func (cs *conversations) evict(incoming int) {
	now := cs.now()
	type entry struct {
		key  string
		seen time.Time
	}
	live := make([]entry, 0, len(cs.m))
	for k, c := range cs.m {
		if now.Sub(c.seen) > cs.ttl {
			cs.remove(k)
			continue
		}
		live = append(live, entry{k, c.seen})
	}
	if len(cs.m) < cs.limit && cs.bytes+incoming <= cs.maxBytes {
		return
	}
	sort.Slice(live, func(i, j int) bool { return live[i].seen.Before(live[j].seen) })
	count := 0
	if len(cs.m) >= cs.limit {
		count = max(1, cs.limit/10)
	}
	target := min(cs.maxBytes-incoming, cs.maxBytes-cs.maxBytes/10)
	for i, e := range live {
		if i >= count && cs.bytes <= target {
			break
		}
		cs.remove(e.key)
	}
}

// rememberTopics keeps the topics a message that is no question names ("my
// wife is thinking about ketamine"): the question after it may lean on
// them ("how does it work?").
func (rt *Router) rememberTopics(ctx context.Context, key, text string) {
	if !remembers(ctx) {
		return
	}
	tf, ok := rt.searcher().(TopicFinder)
	if !ok {
		return
	}
	if ts := tf.Topics(text); len(ts) > 0 {
		rt.convs.put(key, conversation{question: names(ts), topics: ts})
	}
}
