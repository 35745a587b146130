package telegram

import (
	"context"
	"sync"
	"testing"
	"time"
)

// gatedSender is the outbox's send function under test: each send blocks
// until the test lets it through, and is recorded.
type gatedSender struct {
	mu   sync.Mutex
	sent []string
	gate chan struct{}
	got  chan string // each send's html, as it starts
	done chan string // each send's html, once recorded
}

func newGatedSender() *gatedSender {
	return &gatedSender{gate: make(chan struct{}), got: make(chan string, 100), done: make(chan string, 100)}
}

func (g *gatedSender) send(r *outgoing) {
	g.got <- r.html
	if !r.urgent {
		<-g.gate
	}
	g.mu.Lock()
	g.sent = append(g.sent, r.html)
	g.mu.Unlock()
	g.done <- r.html
}

func (g *gatedSender) next(t *testing.T) string {
	t.Helper()
	select {
	case s := <-g.got:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("no send started")
		return ""
	}
}

func TestOutbox(t *testing.T) {
	g := newGatedSender()
	o := newOutbox(3, g.send)
	var accepted, finished sync.WaitGroup
	put := func(chat int64, html string, urgent bool) {
		accepted.Add(1)
		finished.Add(1)
		o.put(&outgoing{ctx: context.Background(), chat: chat, html: html, urgent: urgent,
			accepted: accepted.Done, finished: finished.Done})
	}

	put(42, "a1", false)
	if s := g.next(t); s != "a1" { // being sent, held at the gate
		t.Fatalf("first send %q, want a1", s)
	}
	put(42, "a2", false)
	put(42, "slow down", false)
	put(42, "slow down", false) // collapsed into the one before
	put(42, "a3", false)
	put(42, "a4", false) // over the bound of 3: dropped for the notice
	put(42, "a5", false) // dropped, the notice already waits
	if n := o.waiting(42); n != 4 {
		t.Fatalf("chat 42 holds %d replies, want 4 (a2, slow down, a3, the notice)", n)
	}
	// An emergency is sent at once, past the chat's queue and its gate.
	put(42, "emergency", true)
	if s := g.next(t); s != "emergency" {
		t.Fatalf("send %q started while a1 is held, want the emergency", s)
	}
	// Every reply is accepted at once: none waits in the poller's window.
	accepted.Wait()

	for range 4 {
		g.gate <- struct{}{}
		g.next(t)
	}
	g.gate <- struct{}{}
	finished.Wait()
	for range 6 {
		<-g.done
	}
	want := []string{"emergency", "a1", "a2", "slow down", "a3", overflowNotice}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.sent) != len(want) {
		t.Fatalf("sent %q, want %q", g.sent, want)
	}
	for i := range want {
		if g.sent[i] != want[i] {
			t.Fatalf("sent %q, want %q", g.sent, want)
		}
	}
	if n := o.waiting(42); n != 0 {
		t.Errorf("%d replies still waiting", n)
	}
}

func TestPacer(t *testing.T) {
	now := time.Unix(1e9, 0)
	p := newPacer(10 * time.Millisecond)
	p.now = func() time.Time { return now }
	chatSteps := []struct {
		chat     int64
		interval time.Duration
		want     time.Duration
	}{
		{42, time.Second, 0},
		{42, time.Second, time.Second}, // a chat's messages an interval apart
		{43, time.Second, 0},           // another chat's are not held back by them
		{42, 3 * time.Second, 2 * time.Second},
		{42, time.Second, 5 * time.Second},
		{43, time.Second, time.Second},
	}
	for i, s := range chatSteps {
		if got := p.reserveChat(s.chat, s.interval); got != s.want {
			t.Errorf("step %d: reserveChat(%d) = %v, want %v", i, s.chat, got, s.want)
		}
	}
	// The bot-wide gap, booked when a chat's slot has come.
	for i, want := range []time.Duration{0, 10 * time.Millisecond, 20 * time.Millisecond} {
		if got := p.reserveGlobal(); got != want {
			t.Errorf("reserveGlobal #%d = %v, want %v", i, got, want)
		}
	}
	now = now.Add(time.Second)
	if got := p.reserveGlobal(); got != 0 {
		t.Errorf("reserveGlobal after a quiet second = %v, want 0", got)
	}
}
