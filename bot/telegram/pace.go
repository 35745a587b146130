package telegram

import (
	"context"
	"sync"
	"time"
)

// pacer spaces the messages sent to one chat (and to all chats) so that the
// bot stays within Telegram's limits instead of collecting 429s. It never
// drops a message: it says how long to wait for the next slot. A chat's
// slot is booked ahead (one interval after its previous message); the
// bot-wide gap is booked only once that slot has come, so that one chat's
// future slots never hold back another chat's message.
type pacer struct {
	mu     sync.Mutex
	next   map[int64]time.Time // earliest time of the next message per chat
	global time.Time           // earliest time of the next message of the bot
	gap    time.Duration       // between any two messages
	now    func() time.Time
}

func newPacer(global time.Duration) *pacer {
	return &pacer{next: make(map[int64]time.Time), gap: global, now: time.Now}
}

// reserveChat books chat's next slot, interval after its previous one, and
// returns how long until it.
func (p *pacer) reserveChat(chat int64, interval time.Duration) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	at := now
	if t, ok := p.next[chat]; ok && t.After(at) {
		at = t
	}
	p.next[chat] = at.Add(interval)
	if len(p.next) > 4096 {
		for k, t := range p.next {
			if !t.After(now) {
				delete(p.next, k)
			}
		}
	}
	return at.Sub(now)
}

// reserveGlobal books the bot's next slot, gap after the previous one, and
// returns how long until it.
func (p *pacer) reserveGlobal() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	at := now
	if p.global.After(at) {
		at = p.global
	}
	p.global = at.Add(p.gap)
	return at.Sub(now)
}

// wait sleeps for the chat's next slot and then the bot's, or returns early
// with ctx's error. Urgent messages book their slots but do not wait.
func (p *pacer) wait(ctx context.Context, chat int64, interval time.Duration, urgent bool) error {
	d := p.reserveChat(chat, interval)
	if urgent {
		p.reserveGlobal()
		return nil
	}
	if err := sleep(ctx, d); err != nil {
		return err
	}
	return sleep(ctx, p.reserveGlobal())
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
