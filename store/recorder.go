package store

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/logging"
)

// RecorderConfig configures a Recorder.
type RecorderConfig struct {
	Store  Store
	Hasher *Hasher
	// KeepText stores questions (identifiers removed); false keeps counts
	// only (STORE_TEXT=0), and review then has nothing to show.
	KeepText bool
	// Retention bounds how long anything is kept (default 30 days).
	Retention time.Duration
	// Now is the clock; nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger
}

// maxTextBytes bounds a stored question: enough for any question, not
// for a pasted letter.
const maxTextBytes = 500

// Recorder writes what the bot could not do to a Store, following the
// health-data rules, and tells whether the store works. A failing store
// never fails a reply: the error is logged (without text or user) and
// reported by Problem until a write succeeds again.
type Recorder struct {
	cfg  RecorderConfig
	mu   sync.Mutex
	err  error // the last write's error, nil when it worked
	last map[string]answered

	// Writes go through one queue and one writer, off the reply's path:
	// a slow or locked disk delays the record, never the answer.
	qmu     sync.RWMutex // held to send, taken whole to close the queue
	queue   chan func(context.Context) error
	closed  bool
	dropped atomic.Int64
	done    chan struct{}
}

// queueSize bounds the writes waiting for the disk; past it they are dropped.
const queueSize = 4096

// answered is what a conversation was last answered, so that a rating
// pressed under the answer can be recorded with its question.
type answered struct {
	text, passage, intent string
	at                    time.Time
	// choices are the "did you mean" readings offered (the message that
	// picks each, and the citation it would answer from).
	choices []bot.Choice
	cites   []string
}

// maxRemembered bounds the conversations whose last answer is kept in memory.
const maxRemembered = 10_000

// NewRecorder makes a Recorder.
func NewRecorder(cfg RecorderConfig) *Recorder {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Retention <= 0 {
		cfg.Retention = 30 * 24 * time.Hour
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{cfg: cfg, last: map[string]answered{}, queue: make(chan func(context.Context) error, queueSize), done: make(chan struct{})}
	go r.write()
	return r
}

// write runs the queued writes in order.
func (r *Recorder) write() {
	defer close(r.done)
	for w := range r.queue {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := w(ctx)
		cancel()
		if err != errFlush {
			r.note(err)
		}
	}
}

// errFlush marks Flush's own queue entry, which writes nothing.
var errFlush = errors.New("flush")

// enqueue queues a write; it never blocks.
func (r *Recorder) enqueue(w func(context.Context) error) {
	r.qmu.RLock()
	defer r.qmu.RUnlock()
	if r.closed {
		return
	}
	select {
	case r.queue <- w:
	default:
		if n := r.dropped.Add(1); n == 1 || n%1000 == 0 {
			r.cfg.Logger.Warn("store: the disk is not keeping up; records dropped", "dropped", n)
		}
	}
}

// Flush waits until every write queued so far is done (or ctx ends).
func (r *Recorder) Flush(ctx context.Context) {
	done := make(chan struct{})
	r.qmu.RLock()
	if r.closed {
		r.qmu.RUnlock()
		return
	}
	// Flush waits for room rather than being dropped.
	select {
	case r.queue <- func(context.Context) error { close(done); return errFlush }:
	case <-ctx.Done():
		r.qmu.RUnlock()
		return
	}
	r.qmu.RUnlock()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// Close writes what is queued and closes the store.
func (r *Recorder) Close() error {
	r.qmu.Lock()
	if !r.closed {
		r.closed = true
		close(r.queue)
	}
	r.qmu.Unlock()
	<-r.done
	return r.cfg.Store.Close()
}

// Store is the store written to.
func (r *Recorder) Store() Store { return r.cfg.Store }

// Middleware records the questions the handler could not answer, and
// counts the questions it searched for, after the reply is made. Urgent
// replies (emergency, crisis) pass straight through: they never wait for
// a write.
func (r *Recorder) Middleware(next bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		reply, err := next.Handle(ctx, m)
		if err != nil || reply.Intent.Urgent() {
			return reply, err
		}
		switch reply.Intent {
		case bot.IntentQuestion, bot.IntentOutOfScope:
		default:
			return reply, err
		}
		at := m.Time
		if at.IsZero() {
			at = r.cfg.Now()
		}
		answeredQ := reply.Answered
		r.enqueue(func(ctx context.Context) error { return r.cfg.Store.CountQuestion(ctx, at, answeredQ) })
		if reply.Answered {
			if passage, ok := r.picked(m, reply); ok {
				r.Chose(ctx, m, passage)
			}
			a := answered{text: m.Text, intent: string(reply.Intent), at: at, choices: reply.Choices}
			for _, c := range reply.Citations {
				a.cites = append(a.cites, c.ID)
			}
			if len(a.cites) > 0 {
				a.passage = a.cites[0]
			}
			r.remember(m.Conversation, a)
			return reply, err
		}
		r.add(ctx, Event{Kind: KindUnanswered, Time: at, Platform: m.Platform, Intent: string(reply.Intent), User: r.user(m), Text: r.text(m.Text)})
		return reply, err
	})
}

// picked reports which offered "did you mean" reading m picked, when the
// conversation's last reply offered some and this one answers from one:
// the citation of the reading whose message m is ("2", "2.", "number 2").
func (r *Recorder) picked(m bot.Message, reply bot.Reply) (string, bool) {
	r.mu.Lock()
	prev, ok := r.last[m.Conversation]
	r.mu.Unlock()
	if !ok || len(prev.choices) == 0 {
		return "", false
	}
	t := strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(m.Text)), "number "), ".")
	for i, c := range prev.choices {
		if t == c.Text && i < len(prev.cites) && len(reply.Citations) > 0 && reply.Citations[0].ID == prev.cites[i] {
			return prev.cites[i], true
		}
	}
	return "", false
}

// Rated records a rating of the answer last given in m.Conversation; a
// "not helpful" keeps the question for review.
func (r *Recorder) Rated(ctx context.Context, m bot.Message, kind bot.FeedbackKind) {
	at := r.cfg.Now()
	e := Event{Time: at, Platform: m.Platform, User: r.user(m)}
	switch kind {
	case bot.FeedbackHelpful:
		e.Kind = KindHelpful
	case bot.FeedbackNotHelpful:
		e.Kind = KindNotHelpful
	default:
		return
	}
	r.mu.Lock()
	a, ok := r.last[m.Conversation]
	r.mu.Unlock()
	if ok && at.Sub(a.at) < time.Hour {
		e.Intent, e.Passage = a.intent, a.passage
		if e.Kind == KindNotHelpful {
			e.Text = r.text(a.text)
		}
	}
	r.add(ctx, e)
}

// Chose records a "did you mean" choice: which passage the person picked.
func (r *Recorder) Chose(ctx context.Context, m bot.Message, passage string) {
	r.add(ctx, Event{Kind: KindChoice, Time: r.cfg.Now(), Platform: m.Platform, Intent: string(bot.IntentQuestion), User: r.user(m), Passage: passage})
}

// Handoff records a request to talk to a person.
func (r *Recorder) Handoff(ctx context.Context, m bot.Message) {
	r.add(ctx, Event{Kind: KindHandoff, Time: r.cfg.Now(), Platform: m.Platform, Intent: string(bot.IntentHuman), User: r.user(m)})
}

// User returns the keyed hash of m's user.
func (r *Recorder) user(m bot.Message) string { return r.cfg.Hasher.Hash(m.Platform, m.User) }

// UserHash returns the keyed hash of m's user, as stored.
func (r *Recorder) UserHash(m bot.Message) string { return r.user(m) }

func (r *Recorder) text(s string) string {
	if !r.cfg.KeepText {
		return ""
	}
	s = logging.ScrubIdentifiers(s)
	if len(s) > maxTextBytes {
		s = s[:maxTextBytes]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

func (r *Recorder) remember(conv string, a answered) {
	if conv == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.last[conv]; !ok && len(r.last) >= maxRemembered {
		// Forget the oldest answers first.
		cutoff := a.at.Add(-time.Hour)
		for k, v := range r.last {
			if v.at.Before(cutoff) {
				delete(r.last, k)
			}
		}
		if len(r.last) >= maxRemembered {
			for k := range r.last {
				delete(r.last, k)
				break
			}
		}
	}
	r.last[conv] = a
}

func (r *Recorder) add(_ context.Context, e Event) {
	r.enqueue(func(ctx context.Context) error {
		_, err := r.cfg.Store.Add(ctx, e)
		return err
	})
}

// note keeps the last write's outcome; a new failure is logged once.
func (r *Recorder) note(err error) {
	r.mu.Lock()
	was := r.err
	r.err = err
	r.mu.Unlock()
	switch {
	case err != nil && was == nil:
		r.cfg.Logger.Error("store: recording failed; the bot keeps answering without recording", "err", err)
	case err == nil && was != nil:
		r.cfg.Logger.Info("store: recording works again")
	}
}

// Problem says why the store cannot record, "" when it can.
func (r *Recorder) Problem() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return "store: " + strings.TrimPrefix(r.err.Error(), "store: ")
	}
	return ""
}

// Sweep deletes what is older than the retention.
func (r *Recorder) Sweep(ctx context.Context) (int64, error) {
	r.Flush(ctx)
	n, err := r.cfg.Store.Sweep(ctx, r.cfg.Now().Add(-r.cfg.Retention))
	r.note(err)
	return n, err
}

// Failed marks the store as failing with err (found by a check at start),
// so that Problem reports it before the first write.
func (r *Recorder) Failed(err error) { r.note(err) }

// Hasher is the recorder's keyed hash, which also seals ticket addresses.
func (r *Recorder) Hasher() *Hasher { return r.cfg.Hasher }

// Now is the recorder's clock.
func (r *Recorder) Now() time.Time { return r.cfg.Now() }

var (
	_ bot.Rater   = (*Recorder)(nil)
	_ bot.Chooser = (*Recorder)(nil)
)
