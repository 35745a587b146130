package telegram

import (
	"context"
	"sync"
	"time"
)

// pacer spaces the messages sent to one chat (and to all chats) so that the
// bot stays within Telegram's limits instead of collecting 429s. It never
// drops a message: reserve says how long to wait for the next slot.
type pacer struct {
	mu     sync.Mutex
	next   map[int64]time.Time // earliest time of the next message per chat
	global time.Time
	gap    time.Duration // between any two messages
	now    func() time.Time
}

func newPacer(global time.Duration) *pacer {
	return &pacer{next: make(map[int64]time.Time), gap: global, now: time.Now}
}

// reserve books the next slot for chat, interval after the previous one,
// and returns how long to wait before sending.
func (p *pacer) reserve(chat int64, interval time.Duration) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	at := now
	if t, ok := p.next[chat]; ok && t.After(at) {
		at = t
	}
	if p.global.After(at) {
		at = p.global
	}
	p.next[chat] = at.Add(interval)
	p.global = at.Add(p.gap)
	if len(p.next) > 4096 {
		for k, t := range p.next {
			if !t.After(now) {
				delete(p.next, k)
			}
		}
	}
	return at.Sub(now)
}

// wait sleeps for the chat's next slot, or returns early with ctx's error.
// Urgent messages book a slot but do not wait for it.
func (p *pacer) wait(ctx context.Context, chat int64, interval time.Duration, urgent bool) error {
	d := p.reserve(chat, interval)
	if urgent {
		return nil
	}
	return sleep(ctx, d)
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
