package bot

import (
	"bufio"
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed topics.txt
var defaultTopics string

// topicList recognises the topics a follow-up question inherits.
type topicList struct {
	// names maps each normalised word or phrase to its topic's name.
	names   map[string]string
	longest int
}

func parseTopics(text string) *topicList {
	tl := &topicList{names: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, ",")
		name := normalize(parts[0])
		for _, p := range parts {
			if k := normalize(p); k != "" {
				tl.names[k] = name
				tl.longest = max(tl.longest, strings.Count(k, " ")+1)
			}
		}
	}
	return tl
}

// find returns the topics named in normalised text, in order, and the
// words that named them.
func (tl *topicList) find(norm string) (topics, spans []string) {
	ws := strings.Fields(norm)
	for i := 0; i < len(ws); i++ {
		for n := min(tl.longest, len(ws)-i); n >= 1; n-- {
			phrase := strings.Join(ws[i:i+n], " ")
			if name, ok := tl.names[phrase]; ok {
				topics = append(topics, name)
				spans = append(spans, phrase)
				i += n - 1
				break
			}
		}
	}
	return topics, spans
}

// conversation is what the router remembers of one conversation.
type conversation struct {
	// question is the last question as searched (follow-ups resolved).
	question string
	// topics are the topics it was about.
	topics []string
	seen   time.Time
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

// followUpPronouns mark a question that leans on the previous one.
var followUpPronouns = map[string]bool{
	"it": true, "they": true, "them": true, "this": true, "that": true, "these": true,
	"those": true, "its": true, "their": true, "one": true, "ones": true, "he": true, "she": true,
}

// switchPrefixes introduce "the same question, about another topic".
var switchPrefixes = []string{"and what about ", "what about ", "how about ", "and for ", "and ", "same for ", "same question for ", "what of "}

// sentenceEnd splits a message into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?;:]+(\s+|$)`)

// questionInStory finds the question in a message of several sentences (the
// last one ending with "?", else the last one) and returns it with the
// topics the other sentences (or the conversation) name.
func (tl *topicList) questionInStory(text string, prev conversation) (string, bool) {
	var parts []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		if p := strings.TrimSpace(text[last:m[1]]); p != "" {
			parts = append(parts, p)
		}
		last = m[1]
	}
	if p := strings.TrimSpace(text[last:]); p != "" {
		parts = append(parts, p)
	}
	if len(parts) < 2 {
		return "", false
	}
	q := parts[len(parts)-1]
	for i := len(parts) - 1; i >= 0; i-- {
		if strings.HasSuffix(parts[i], "?") {
			q = parts[i]
			break
		}
	}
	own, _ := tl.find(normalize(q))
	var add []string
	for _, p := range parts {
		if p == q {
			continue
		}
		ts, _ := tl.find(normalize(p))
		for _, t := range ts {
			if !contains(own, t) && !contains(add, t) {
				add = append(add, t)
			}
		}
	}
	if len(add) == 0 {
		return tl.resolveFollowUp(q, prev), true
	}
	return q + " " + strings.Join(add, " "), true
}

// switchesTopic reports whether text only names a topic ("and ketamine?",
// "what about lidocaine"): the previous question, asked about it.
func (tl *topicList) switchesTopic(text string) bool {
	norm := normalize(text)
	topics, spans := tl.find(norm)
	if len(topics) == 0 {
		return false
	}
	rest := " " + norm + " "
	for _, s := range spans {
		rest = strings.Replace(rest, " "+s+" ", " ", 1)
	}
	for _, w := range strings.Fields(rest) {
		if !switchWords[w] {
			return false
		}
	}
	return true
}

// switchWords may stand around a topic in a message that switches to it.
var switchWords = map[string]bool{
	"and": true, "what": true, "about": true, "how": true, "for": true, "same": true, "question": true,
	"of": true, "the": true, "infusion": true, "infusions": true, "please": true, "then": true, "with": true,
}

// resolveFollowUp rewrites a question that leans on the previous one into a
// question that stands alone, using the conversation's topics.
func (tl *topicList) resolveFollowUp(text string, prev conversation) string {
	norm := normalize(text)
	topics, _ := tl.find(norm)
	if len(topics) > 0 {
		// "and ketamine?": the previous question, about the new topic.
		rest := norm
		for _, p := range switchPrefixes {
			if strings.HasPrefix(rest+" ", p) {
				rest = strings.TrimPrefix(rest, strings.TrimSpace(p))
				break
			}
		}
		rest = strings.TrimSpace(rest)
		_, spans := tl.find(rest)
		leftover := rest
		for _, s := range spans {
			leftover = strings.Replace(leftover, s, "", 1)
		}
		leftover = strings.TrimSpace(strings.NewReplacer(" infusions", "", "infusions", "", " infusion", "", "infusion", "", "please", "").Replace(" " + leftover))
		if leftover == "" && prev.question != "" {
			q := normalize(prev.question)
			_, oldSpans := tl.find(q)
			if len(oldSpans) > 0 {
				for _, s := range oldSpans {
					q = strings.Replace(q, s, "\x00", 1)
				}
				q = strings.Replace(q, "\x00", strings.Join(topics, " "), 1)
				return strings.TrimSpace(strings.ReplaceAll(q, "\x00", ""))
			}
			return q + " " + strings.Join(topics, " ")
		}
		// "can lidocaine help it?": a new topic, and a pronoun for the old one.
		if hasPronoun(norm) {
			var add []string
			for _, t := range prev.topics {
				if !contains(topics, t) {
					add = append(add, t)
				}
			}
			if len(add) > 0 {
				return text + " " + strings.Join(add, " ")
			}
		}
		return text
	}
	if len(prev.topics) == 0 {
		return text
	}
	ws := strings.Fields(norm)
	if len(ws) > 6 && !hasPronoun(norm) {
		return text
	}
	return text + " " + strings.Join(prev.topics, " ")
}

func hasPronoun(norm string) bool {
	for _, w := range strings.Fields(norm) {
		if followUpPronouns[w] {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
