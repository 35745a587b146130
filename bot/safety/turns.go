package safety

import (
	"container/list"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// A report or a crisis is not always said in one message: "everything
// hurts and nothing helps", then "i just want it to end"; "my dad is next
// to me", then "his face is drooping and he's slurring". Turns.Check reads a
// message with the conversation's last turns before it, so what two
// messages say together counts as what one would.
//
// The turns kept for this are message text: they stay in memory, for
// minutes, and are never logged or stored.

// contextFloor is the least probability of a red flag the classifier must
// give a message alone for it to be read with the turns before it: the
// message must say something of the kind itself ("tonight is the night",
// "its closing up"); "ok thanks" or "how much is it?" after a red flag is
// read alone. On held-out folds of the training messages 98% of red flags
// and 6% of ordinary messages are above it, so most chat costs no second
// look.
const contextFloor = 0.2

// Check finds the red flags of a message read in its conversation (key),
// with the conversation's last turns before it as one text. The message
// alone decides first; the turns together can only add an escalation to a
// message that named no red flag alone (a general question or a history
// stays what it is), or say which of emergency and crisis it is when only
// the classifier escalated it ("my throat", then "its closing up").
func (t *Turns) Check(d *Detector, key, text string) Finding {
	f, p := d.check(text)
	earlier := t.earlier(key)
	t.add(key, text)
	if len(earlier) == 0 || p < contextFloor {
		return f
	}
	if f.Class != "" && f.Concept != learnedConcept {
		return f
	}
	if f.Class != "" && !f.Escalate() {
		return f
	}
	// The turns are joined on line ends, which end a clause: a word of one
	// turn and a word of the next are never read as one phrase.
	if g, _ := d.check(strings.Join(append(earlier, text), "\n")); g.Escalate() {
		return g
	}
	return f
}

// Turns remembers the last turns of each conversation for Turns.Check, for a
// short time: a report spread over messages is typed within minutes. It
// keeps at most maxTurns of them, each cut to maxTurnBytes, and at most
// limit conversations. It lives in memory only
// and is never logged. It is safe for concurrent use.
type Turns struct {
	mu    sync.Mutex
	ttl   time.Duration
	limit int
	now   func() time.Time
	m     map[string]*list.Element
	order *list.List // of *recentTurns, least recently spoken first
}

type recentTurns struct {
	key   string
	turns []string
	seen  time.Time
}

// How many turns, and how much of each, the context holds.
const (
	maxTurns     = 2
	maxTurnBytes = 400
)

// NewTurns makes a store that forgets a conversation ttl after its last
// turn and keeps at most limit conversations (the least recently spoken
// go first). now is the clock; nil means time.Now.
func NewTurns(ttl time.Duration, limit int, now func() time.Time) *Turns {
	if now == nil {
		now = time.Now
	}
	return &Turns{ttl: ttl, limit: max(limit, 1), now: now, m: map[string]*list.Element{}, order: list.New()}
}

// earlier returns the conversation's remembered turns, oldest first.
func (t *Turns) earlier(key string) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.expire()
	e, ok := t.m[key]
	if !ok {
		return nil
	}
	return append([]string(nil), e.Value.(*recentTurns).turns...)
}

// add remembers a turn.
func (t *Turns) add(key, text string) {
	if len(text) > maxTurnBytes {
		// The end of a long turn is what the next one goes on from.
		cut := len(text) - maxTurnBytes
		for cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut++
		}
		text = text[cut:]
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.expire()
	now := t.now()
	if e, ok := t.m[key]; ok {
		r := e.Value.(*recentTurns)
		r.turns = append(r.turns, text)
		if len(r.turns) > maxTurns {
			r.turns = append(r.turns[:0], r.turns[len(r.turns)-maxTurns:]...)
		}
		r.seen = now
		t.order.MoveToBack(e)
		return
	}
	for t.order.Len() >= t.limit {
		t.drop(t.order.Front())
	}
	t.m[key] = t.order.PushBack(&recentTurns{key: key, turns: []string{text}, seen: now})
}

// Len is how many conversations are remembered.
func (t *Turns) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.expire()
	return t.order.Len()
}

// expire drops the conversations silent for longer than the ttl; they are
// in the order they last spoke.
func (t *Turns) expire() {
	cut := t.now().Add(-t.ttl)
	for e := t.order.Front(); e != nil && !e.Value.(*recentTurns).seen.After(cut); e = t.order.Front() {
		t.drop(e)
	}
}

func (t *Turns) drop(e *list.Element) {
	delete(t.m, e.Value.(*recentTurns).key)
	t.order.Remove(e)
}
