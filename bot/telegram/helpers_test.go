package telegram

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// recMonitor records what the adapter reports.
type recMonitor struct {
	mu         sync.Mutex
	feedback   map[bot.FeedbackKind]int
	errors     map[string]int
	reconnects int
	up         bool
}

func newRecMonitor() *recMonitor {
	return &recMonitor{feedback: map[bot.FeedbackKind]int{}, errors: map[string]int{}}
}

func (m *recMonitor) Feedback(p string, k bot.FeedbackKind) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feedback[k]++
}
func (m *recMonitor) Connected(p string, up bool) { m.mu.Lock(); m.up = up; m.mu.Unlock() }
func (m *recMonitor) Reconnect(p string)          { m.mu.Lock(); m.reconnects++; m.mu.Unlock() }
func (m *recMonitor) Error(p, kind string)        { m.mu.Lock(); m.errors[kind]++; m.mu.Unlock() }

func (m *recMonitor) get(f func(*recMonitor) int) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return f(m)
}

// fakeCore stands in for the conversation core and records what it got.
type fakeCore struct {
	mu   sync.Mutex
	msgs []bot.Message
	// delay, when set, is how long each Handle takes.
	delay time.Duration
}

func (c *fakeCore) got() []bot.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]bot.Message(nil), c.msgs...)
}

const (
	emergencyBody = "This sounds like an emergency. Call 911 now."
	handoffLine   = "This is general information, not medical advice. Please consult your provider."
)

func longAnswer() string {
	var paras []string
	for i := range 30 {
		paras = append(paras, strings.Repeat("Ketamine <infusions> & lidocaine drips are monitored closely 💉. ", 5)+"["+string(rune('1'+i%2))+"]")
	}
	return strings.Join(paras, "\n\n")
}

func (c *fakeCore) Handle(ctx context.Context, m bot.Message) (bot.Reply, error) {
	c.mu.Lock()
	c.msgs = append(c.msgs, m)
	delay := c.delay
	c.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return bot.Reply{}, ctx.Err()
		}
	}
	cites := []bot.Citation{
		{ID: "ketamine.md#duration", Title: "Ketamine <Infusions> & You", Section: "How long?", Source: "Clinic", Snippet: "about 40 minutes"},
		{ID: "lidocaine.md#safety", Title: "IV Lidocaine", Section: "Safety", Source: "Clinic", Snippet: "monitored"},
	}
	switch {
	case m.Text == bot.CommandStart:
		return bot.Reply{Intent: bot.IntentGreeting, Body: "Hi! I answer questions about IV lidocaine and ketamine infusions."}, nil
	case m.Text == bot.CommandHelp:
		return bot.Reply{Intent: bot.IntentHelp, Body: "Ask me a question."}, nil
	case m.Text == bot.CommandCareTeam:
		return bot.Reply{Intent: bot.IntentHuman, Body: "You can reach the care team at 555-0100."}, nil
	case strings.Contains(m.Text, "can't breathe"):
		return bot.Reply{Intent: bot.IntentEmergency, Body: emergencyBody, Handoff: "Call 911."}, nil
	case strings.Contains(m.Text, "panic please"):
		panic("core bug")
	case strings.Contains(m.Text, "fail please"):
		return bot.Reply{}, &bot.Error{User: "Sorry, the <index> is not ready.", Op: "search", Err: errors.New("user 7 chat 42 detail")}
	case strings.Contains(m.Text, "ambiguous please"):
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "Did you mean:\n\n1. Ketamine — How long? [1]\n\n2. Lidocaine — Safety [2]",
			Citations: cites, Handoff: handoffLine,
			Choices: []bot.Choice{{Label: "Ketamine — How long?", Text: "1"}, {Label: "Lidocaine — Safety", Text: "2"}}}, nil
	case strings.Contains(m.Text, "long answer"):
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: longAnswer(), Citations: cites, Handoff: handoffLine}, nil
	}
	return bot.Reply{
		Intent:    bot.IntentQuestion,
		Answered:  true,
		Body:      "You asked: " + m.Text + "\n\n\"A ketamine infusion takes about 40 minutes.\" [1] \"Lidocaine is monitored.\" [2]",
		Citations: cites,
		Handoff:   handoffLine,
	}, nil
}

// testConfig is a config with small timings for tests.
func testConfig(f *fakeAPI) Config {
	return Config{
		Token:           testToken,
		APIURL:          f.URL(),
		PollTimeout:     time.Second,
		BackoffMin:      10 * time.Millisecond,
		BackoffMax:      50 * time.Millisecond,
		ChatInterval:    time.Millisecond,
		GroupInterval:   time.Millisecond,
		GlobalInterval:  time.Millisecond,
		ShutdownTimeout: 3 * time.Second,
		Logger:          slog.New(slog.DiscardHandler),
	}
}

// harness runs an adapter against a fake Bot API.
type harness struct {
	t      *testing.T
	f      *fakeAPI
	a      *Adapter
	core   *fakeCore
	mon    *recMonitor
	logBuf *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startHarness(t *testing.T, f *fakeAPI, edit func(*Config)) *harness {
	t.Helper()
	if f == nil {
		f = newFakeAPI(t)
	}
	h := &harness{t: t, f: f, core: &fakeCore{}, mon: newRecMonitor(), logBuf: &syncBuffer{}, done: make(chan error, 1)}
	cfg := testConfig(f)
	cfg.Monitor = h.mon
	cfg.Logger = slog.New(slog.NewTextHandler(h.logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if edit != nil {
		edit(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.a = a
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- a.Run(ctx, h.core) }()
	t.Cleanup(func() {
		if h.cancel != nil {
			h.stop()
		}
		if strings.Contains(h.logBuf.String(), testToken) {
			t.Errorf("the token appeared in the log:\n%s", h.logBuf.String())
		}
	})
	return h
}

// stop cancels Run and returns its error.
func (h *harness) stop() error {
	h.t.Helper()
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.done:
		return err
	case <-time.After(time.Until(patience(h.t))):
		h.t.Fatal("Run did not return after cancel")
		return nil
	}
}

// runErr waits for Run to return on its own.
func (h *harness) runErr(d time.Duration) error {
	h.t.Helper()
	select {
	case err := <-h.done:
		h.cancel()
		h.cancel = nil
		return err
	case <-time.After(d):
		h.t.Fatal("Run did not return")
		return nil
	}
}

// waitSent waits until chat got n messages and returns them.
func (h *harness) waitSent(chat int64, n int) []apiCall {
	h.t.Helper()
	waitFor(h.t, "messages to be sent", func() bool { return len(h.f.sent(chat)) >= n })
	return h.f.sent(chat)
}

// waitAcked waits until the poller confirmed update id, which it does only
// once the update was handled, and then until its reply (if any) was sent.
func (h *harness) waitAcked(id int) {
	h.t.Helper()
	want := strconv.Itoa(id + 1)
	waitFor(h.t, "the update to be confirmed", func() bool {
		for _, c := range h.f.callsOf("getUpdates") {
			if c.Params.Get("offset") == want {
				return true
			}
		}
		return false
	})
	select {
	case <-h.a.track.idleChan():
	case <-time.After(time.Until(patience(h.t))):
		h.t.Fatal("replies still in hand long after their update was confirmed")
	}
}

// settleGoroutines waits until the goroutine count drops to at most n.
func settleGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		got := runtime.NumGoroutine()
		if got <= n {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("goroutines leaked: %d now, %d before\n%s", got, n, buf)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
