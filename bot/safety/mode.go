package safety

import (
	"bufio"
	"fmt"
	"strings"
)

// Mode is what a message does with the red flag it names.
type Mode int

// The modes, from the least to the most urgent.
const (
	// Question asks about the red flag in general ("can lidocaine cause
	// seizures?", "what are the signs of a stroke?").
	Question Mode = iota + 1
	// History tells of it in the past, usually to ask whether a treatment
	// is safe ("I had a seizure last year, should I avoid lidocaine?").
	History
	// Report tells of it happening now or just now, to anyone; also
	// whatever the wording leaves open.
	Report
)

func (m Mode) String() string {
	switch m {
	case Question:
		return "question"
	case History:
		return "history"
	case Report:
		return "report"
	}
	return "none"
}

// cueKeys are the kinds of cue cues.txt lists.
var cueKeys = []string{"acute", "history", "habitual", "current", "resolved", "recurring", "worry", "worryself", "general", "interrogative", "subject", "verb", "modal", "conditional", "self", "assertive", "generic", "intent", "fiction", "negation", "jest", "just", "since", "lesson", "indirect", "back", "hearsay", "currentweak", "frequency", "possessive", "renewed", "controlled", "purpose", "manner", "possibility"}

// cues are the words that decide a message's mode (cues.txt).
type cues struct {
	m     *matcher
	index map[string]int // cue key -> concept index in m.lx
}

func parseCues(name, text string) (*cues, error) {
	lx := &lexicon{ids: map[word]int{}}
	c := &cues{index: map[string]int{}}
	for _, k := range cueKeys {
		c.index[k] = len(lx.concepts)
		lx.concepts = append(lx.concepts, &Concept{Name: k})
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"key: value\"", name, n)
		}
		i, ok := c.index[strings.TrimSpace(key)]
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown cue %q", name, n, key)
		}
		ts, err := lx.parseTerms(val)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		lx.concepts[i].alone = append(lx.concepts[i].alone, ts...)
	}
	c.m = newMatcher(lx, false)
	return c, sc.Err()
}

// cueSet is where each kind of cue is in one message.
type cueSet struct {
	at map[int][]occurrence
	c  *cues
}

// find locates the cues of a message. Where a cue of one kind lies inside
// a longer one of a decisive kind, the longer one holds: "now and then"
// is habitual, not "now".
func (c *cues) find(ws []string) cueSet {
	s := cueSet{at: map[int][]occurrence{}, c: c}
	all := c.m.find(ws)
	decisive := map[int]bool{}
	// "general" too: "just" is no "just now" in "just curious".
	for _, k := range []string{"acute", "history", "habitual", "current", "resolved", "recurring", "general", "just", "since"} {
		decisive[c.index[k]] = true
	}
next:
	for _, o := range all {
		if decisive[o.concept] {
			for _, p := range all {
				if p.concept != o.concept && decisive[p.concept] && p.start <= o.start && o.end <= p.end && p.end-p.start > o.end-o.start {
					continue next
				}
			}
		}
		s.at[o.concept] = append(s.at[o.concept], o)
	}
	return s
}

func (s cueSet) get(key string) []occurrence { return s.at[s.c.index[key]] }

// any reports whether a cue of the kind is in tokens [lo, hi).
func (s cueSet) any(key string, lo, hi int) bool {
	for _, o := range s.get(key) {
		if o.start >= lo && o.start < hi {
			return true
		}
	}
	return false
}

// startsAt reports whether a cue of the kind starts at token i.
func (s cueSet) startsAt(key string, i int) bool { return s.any(key, i, i+1) }

// mode decides what the message does with the red flag h.
func (s cueSet) mode(ts []token, h hit) Mode {
	n := len(ts)
	// In a story, a film or a game it happens to nobody.
	acute := s.acute(ts, h) || s.justBefore(ts, h) || s.sinceUnderWay(ts, h)
	if s.any("fiction", 0, n) && !acute {
		return Question
	}
	// Read in a leaflet, heard of from someone: an emergency sign told
	// about, not happening ("I read about someone having anaphylaxis
	// during an infusion, how common is that?").
	if h.concept.Class == Emergency && s.any("hearsay", 0, n) && !acute {
		return Question
	}
	// Said laughing, an emergency sign is a figure of speech; a crisis is
	// still a crisis. A nervous laugh beside "right now" or "help me" is
	// not a joke: acute wording escalates whatever else is said.
	if h.concept.Class == Emergency && s.any("jest", 0, n) && !acute {
		return Question
	}
	// Taught in a first aid course, studied for a project: an emergency
	// sign happens to nobody.
	if h.concept.Class == Emergency && s.any("lesson", 0, n) && !acute {
		return Question
	}
	if h.concept.Class == Crisis {
		// A crisis told as past ("I tried years ago, I've been well since")
		// goes to the provider, unless something says it is back.
		// Words that say little on their own ("still", "think", "want":
		// "could ketamine still help?") do not make it current when the
		// writer says it is over ("in a good place now").
		if s.any("history", 0, n) && !s.any("current", 0, n) && !s.any("back", 0, n) &&
			(!s.any("currentweak", 0, n) || s.any("resolved", 0, n)) {
			return History
		}
		// Back again, or under way now ("self harming again, dont know
		// how to stop"): happening to someone, however it is put.
		if acute || s.any("back", 0, n) {
			return Report
		}
		// Whoever speaks of ending their own life is in a crisis, whatever
		// the grammar; only talk about it in general is a question.
		if !h.concept.General || s.any("self", 0, n) || s.statement(ts, 0, n, h) {
			return Report
		}
		if s.general(ts) || s.interrogative(ts, h) {
			return Question
		}
		return Report
	}
	if s.any("resolved", 0, n) && !s.any("recurring", 0, n) && !s.any("renewed", 0, n) {
		return History
	}
	if acute {
		return Report
	}
	if s.any("history", 0, n) || s.sinceEvent(ts, h) || s.any("habitual", 0, n) || s.frequent(ts, h) || s.inClauses("controlled", ts, h) {
		return History
	}
	// "should I call 911" worries about what is happening, unless the red
	// flag is put as a possibility: "if my lips swell should I call 911?"
	worried := (s.any("worry", 0, n) || (s.any("worryself", 0, n) && s.any("self", 0, n))) && !s.hypotheticalBefore(ts, h.start)
	if worried || s.statement(ts, 0, n, h) {
		return Report
	}
	if s.general(ts) || s.interrogative(ts, h) {
		return Question
	}
	return Report
}

// general reports whether a general cue asks about the red flag in general.
// One owned by someone ("after my treatment", "his risk") is that person's,
// not the general case: "face droopy after my treatment" asks nothing.
func (s cueSet) general(ts []token) bool {
	for _, o := range s.get("general") {
		if o.start > 0 && ts[o.start-1].clause == ts[o.start].clause && s.startsAt("possessive", o.start-1) {
			continue
		}
		return true
	}
	return false
}

// inClauses reports whether a cue of the kind is in a clause of the red
// flag h (for a finding of the whole message, anywhere).
func (s cueSet) inClauses(key string, ts []token, h hit) bool {
	for _, o := range s.get(key) {
		if inClause(ts, o, h) {
			return true
		}
	}
	return false
}

// inClause reports whether the cue o is in a clause of the red flag h (for
// a finding of the whole message, anywhere).
func inClause(ts []token, o occurrence, h hit) bool {
	c := ts[o.start].clause
	return h.start == 0 && h.end == len(ts) || c >= ts[h.start].clause && c <= ts[h.end-1].clause
}

// sinceUnderWay reports whether a "since" in a clause of the red flag h
// says it has gone on from then till now ("confused since he woke up").
// Not when the red flag is what "since" counts from, right after it ("pain
// since his stroke a few years ago", "ever since my seizure"): then the red
// flag is the past event; nor since a time long past.
func (s cueSet) sinceUnderWay(ts []token, h hit) bool {
	whole := h.start == 0 && h.end == len(ts)
	for _, o := range s.get("since") {
		if !whole {
			if s.countsFrom(ts, o, h) {
				continue
			}
			// since a time long past ("slurring since his stroke last
			// year"): of long standing, not under way
			if s.historyAfter(ts, o) {
				continue
			}
		}
		if inClause(ts, o, h) {
			return true
		}
	}
	return false
}

// countsFrom reports whether the red flag h is what the "since" o counts
// from, right after it ("since his stroke", "ever since my seizure").
func (s cueSet) countsFrom(ts []token, o occurrence, h hit) bool {
	after := o.end
	if after < len(ts) && (s.startsAt("possessive", after) || s.startsAt("generic", after) || ts[after].text == "the") {
		after++
	}
	return h.start == after
}

// sinceEvent reports whether the red flag h is the past event some "since"
// counts from: what has gone on since is something else ("my grandad has
// pain since his stroke, are infusions used for that?"), and the red flag
// is history, for a provider, unless acute wording says it is under way.
func (s cueSet) sinceEvent(ts []token, h hit) bool {
	if h.start == 0 && h.end == len(ts) {
		return false
	}
	for _, o := range s.get("since") {
		if s.countsFrom(ts, o, h) {
			return true
		}
	}
	return false
}

// historyAfter reports whether a history cue follows the cue o in its
// clause.
func (s cueSet) historyAfter(ts []token, o occurrence) bool {
	for _, q := range s.get("history") {
		if q.start >= o.end && ts[q.start].clause == ts[o.start].clause {
			return true
		}
	}
	return false
}

// frequent reports whether a word of how often ("usually", "normally",
// "tend to") says the red flag h comes and goes: in its clause, at most
// three words from it, and not denied before it ("she isn't usually like
// this", "he's not breathing normally") nor asked ("how often"), nor the
// manner of a verb ("breathing normally"). "I get tinnitus normally" is
// history; "he always answers but he's not responding now" is not.
func (s cueSet) frequent(ts []token, h hit) bool {
	whole := h.start == 0 && h.end == len(ts)
	for _, o := range s.get("frequency") {
		c := ts[o.start].clause
		if !whole && (c < ts[h.start].clause || c > ts[h.end-1].clause || !nearby(o, h)) {
			continue
		}
		// "usually never get this": what is usual is its absence
		if o.end < len(ts) && ts[o.end].clause == c && s.startsAt("negation", o.end) {
			continue
		}
		if o.start > 0 && ts[o.start-1].clause == c {
			prev := ts[o.start-1].text
			if prev == "how" || prev == "so" || strings.HasSuffix(prev, "ing") || s.startsAt("manner", o.start-1) {
				continue
			}
		}
		denied := false
		for _, q := range s.get("negation") {
			if q.end <= o.start && ts[q.start].clause == c {
				denied = true
				break
			}
		}
		if !denied {
			return true
		}
	}
	return false
}

// nearWords is how many words from a red flag a cue read beside it (a
// frequency word, a bare "now") may be.
const nearWords = 3

// nearby reports whether the cue o lies at most nearWords words from the red
// flag h.
func nearby(o occurrence, h hit) bool {
	return o.end >= h.start-nearWords && o.start <= h.end+nearWords
}

// acute reports whether a cue says it is happening now. A bare "now"
// outside the red flag's clauses says so only when nothing places the red
// flag in the past, a story or hearsay: in "I had sepsis 5 years ago, how
// do you prevent infection now?" it is the question that is now.
func (s cueSet) acute(ts []token, h hit) bool {
	n := len(ts)
	placed := s.any("history", 0, n) || s.any("fiction", 0, n) || s.any("hearsay", 0, n) || s.any("habitual", 0, n)
	for _, o := range s.get("acute") {
		if placed && o.end-o.start == 1 && ts[o.start].text == "now" && !(h.start == 0 && h.end == n) {
			if c := ts[o.start].clause; c < ts[h.start].clause || c > ts[h.end-1].clause {
				continue
			}
			// In the red flag's clause but far from it, "now" is the
			// state now, not the red flag: "I had a heart attack back in
			// 2015 and I'm stable now"; unless it is back ("had chest
			// pain back in 2015 and its happening again now").
			if !nearby(o, h) && !s.any("back", 0, n) {
				continue
			}
		}
		return true
	}
	return false
}

// interrogative reports whether the clause of h opens with a question
// word ("can", "does", "what"): in "how long is the session, can't breathe"
// the red flag's clause asks nothing.
// An opening "can" followed by "hardly", "barely" ("can hardly breathe")
// asks nothing.
func (s cueSet) interrogative(ts []token, h hit) bool {
	opens := func(i int) bool {
		return s.startsAt("interrogative", i) && !(i+1 < len(ts) && s.startsAt("assertive", i+1))
	}
	c := ts[h.start].clause
	for i := h.start; i >= 0 && ts[i].clause == c; i-- {
		if i == 0 || ts[i-1].clause != c {
			return opens(i)
		}
	}
	return false
}

// statement reports whether someone is said to be in the state h names:
// a subject ("my chest", "she", "i") followed by a finite verb or by the red
// flag itself, not put as a possibility ("if my chest hurts", "can i get").
func (s cueSet) statement(ts []token, lo, hi int, h hit) bool {
	for _, o := range s.get("subject") {
		p := o.start
		if p < lo || p >= hi || p > h.end {
			continue
		}
		// The subject must be in a clause of the red flag: in "my mom has
		// epilepsy. would ketamine trigger a seizure?" nobody is said to
		// have the seizure.
		if ts[p].clause < ts[h.start].clause || ts[p].clause > ts[h.end-1].clause {
			continue
		}
		if p > 0 && ts[p-1].clause == ts[p].clause && (s.any("modal", p-1, p) || s.any("generic", p-1, p)) {
			continue
		}
		if hyp := s.hypotheticalBefore(ts, p); hyp {
			continue
		}
		// The verb may follow the subject or come later in the red flag
		// itself: "the lady in the next chair isn't responding".
		for q := o.end; q < min(max(o.end+3, h.end), len(ts)); q++ {
			if ts[q].clause != ts[p].clause {
				break
			}
			// "my doctor said if I ever feel my lips go numb": what
			// follows a conditional is put as a possibility, not said
			if s.startsAt("conditional", q) && !s.insideAt("indirect", q) {
				break
			}
			if s.startsAt("verb", q) || q == h.start {
				return true
			}
		}
	}
	return false
}

// justBefore reports whether "just" comes at most two words before the red
// flag h, in its clause ("he just collapsed", "she just went limp"); for a
// finding of the whole message (the classifier's), anywhere.
func (s cueSet) justBefore(ts []token, h hit) bool {
	for _, o := range s.get("just") {
		if h.start == 0 && h.end == len(ts) {
			return true
		}
		if o.end <= h.start && o.end >= h.start-2 && ts[o.start].clause == ts[h.start].clause {
			return true
		}
	}
	return false
}

// hypotheticalBefore reports whether the clause of token p puts what
// follows as a possibility: "if", "when", "in case" before p.
func (s cueSet) hypotheticalBefore(ts []token, p int) bool {
	lo := p
	for lo > 0 && ts[lo-1].clause == ts[p].clause {
		lo--
	}
	for _, o := range s.get("conditional") {
		if o.start >= lo && o.start < p && !s.inside("indirect", o) {
			return true
		}
	}
	return false
}

// insideAt reports whether token i lies within a cue of the kind.
func (s cueSet) insideAt(key string, i int) bool {
	for _, q := range s.get(key) {
		if q.start <= i && i < q.end {
			return true
		}
	}
	return false
}

// inside reports whether the occurrence o lies within a cue of the kind.
func (s cueSet) inside(key string, o occurrence) bool {
	for _, q := range s.get(key) {
		if q.start <= o.start && o.end <= q.end {
			return true
		}
	}
	return false
}

// intended reports whether the red flag h is put as an intention, not as
// something done: an intent cue ("thinking of", "going to") ends at most
// three words before it, in its clause. "thinking of overdosing" is a crisis;
// "I overdosed" an emergency. For a concept of taking a whole supply, a
// possibility cue ("if I took everything") is an intention too.
func (s cueSet) intended(h hit) bool {
	before := func(key string) bool {
		for _, o := range s.get(key) {
			if o.end <= h.start && o.end >= h.start-3 {
				return true
			}
		}
		return false
	}
	return before("intent") || h.concept.Considered && before("possibility")
}

// negated reports whether the red flag h is denied: a negation cue ends
// right before it ("no chest pain", "not suicidal") or one word before it
// ("not really suicidal", "not going to hurt myself"), in its clause. A bare
// "no" counts only right before: in "no he isnt waking up" it answers
// something else.
func (s cueSet) negated(ts []token, h hit) bool {
	for _, o := range s.get("negation") {
		if o.end > h.start || o.end < h.start-1 || ts[o.start].clause != ts[h.start].clause {
			continue
		}
		if o.end < h.start && o.end-o.start == 1 && ts[o.start].text == "no" {
			continue
		}
		return true
	}
	return false
}

// deniedPurpose returns the tokens without the words of a purpose the
// message denies ("I didn't take my pills on purpose", "it wasn't on
// purpose", "I didn't mean to"): a negation at most three words before the
// purpose word, in its clause. A purpose denied is no purpose, and the
// message is read as if it named none; nil when no purpose is denied.
func (s cueSet) deniedPurpose(ts []token) []token {
	var out []token
	last := 0 // ts[:last] is in out
	for _, o := range s.get("purpose") {
		denied := false
		for _, q := range s.get("negation") {
			if q.end <= o.start && q.end >= o.start-3 && ts[q.start].clause == ts[o.start].clause {
				denied = true
				break
			}
		}
		if !denied || o.start < last {
			continue
		}
		if out == nil {
			out = make([]token, 0, len(ts))
		}
		out = append(out, ts[last:o.start]...)
		last = o.end
	}
	if out == nil {
		return nil
	}
	return append(out, ts[last:]...)
}
