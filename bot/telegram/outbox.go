package telegram

import (
	"context"
	"sync"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/infusionbot/infusionbot/bot"
)

// outgoing is one decided reply waiting to be sent.
type outgoing struct {
	ctx     context.Context // the adapter's work context
	chat    int64
	private bool
	replyTo int
	html    string
	kb      *tgbotapi.InlineKeyboardMarkup
	urgent  bool
	notice  bool // the outbox's own overflow notice
	// accepted is called once the reply waits only for its slot (for an
	// urgent one: once it was sent); finished once it was sent or given
	// up. Either may be nil.
	accepted, finished func()
}

func (r *outgoing) accept() {
	if r.accepted != nil {
		r.accepted()
	}
}

func (r *outgoing) finish() {
	if r.finished != nil {
		r.finished()
	}
}

// overflowNotice replaces the replies a chat sends faster than they can be
// paced out, beyond what the outbox holds for it.
var overflowNotice = escapeHTML(bot.HygieneSlowReply)

// outbox holds each chat's replies until their paced slot. Telegram allows
// about one message a second per chat, so a chat that floods the bot would
// otherwise queue replies for minutes: a chat holds at most max waiting
// replies, a reply identical to the one before it (the "slow down" a flood
// earns) is sent once, and beyond the bound the replies are dropped for
// one notice. Urgent replies (emergency, crisis) are not queued at all:
// they are sent at once, whatever the chat holds.
type outbox struct {
	max  int
	send func(*outgoing) // sends one reply, paced; called by one goroutine per chat

	mu    sync.Mutex
	chats map[int64]*chatOutbox // a chat is here while its sender runs
}

type chatOutbox struct {
	waiting []*outgoing
}

func newOutbox(max int, send func(*outgoing)) *outbox {
	return &outbox{max: max, send: send, chats: make(map[int64]*chatOutbox)}
}

// put queues r on its chat's outbox, or sends it at once when urgent.
func (o *outbox) put(r *outgoing) {
	if r.urgent {
		go func() {
			o.send(r)
			r.accept()
			r.finish()
		}()
		return
	}
	o.mu.Lock()
	q, running := o.chats[r.chat]
	if !running {
		q = &chatOutbox{}
		o.chats[r.chat] = q
	}
	n := len(q.waiting)
	switch {
	case n > 0 && q.waiting[n-1].html == r.html:
		// The same reply is already waiting: once is enough.
		o.mu.Unlock()
		r.accept()
		r.finish()
		return
	case n >= o.max:
		if !q.waiting[n-1].notice {
			q.waiting = append(q.waiting, &outgoing{ctx: r.ctx, chat: r.chat, private: r.private, html: overflowNotice, notice: true})
		}
		o.mu.Unlock()
		r.accept()
		r.finish()
		return
	}
	q.waiting = append(q.waiting, r)
	o.mu.Unlock()
	r.accept()
	if !running {
		go o.drain(r.chat, q)
	}
}

// drain sends chat's waiting replies in order until none is left.
func (o *outbox) drain(chat int64, q *chatOutbox) {
	for {
		o.mu.Lock()
		if len(q.waiting) == 0 {
			delete(o.chats, chat)
			o.mu.Unlock()
			return
		}
		r := q.waiting[0]
		q.waiting[0] = nil
		q.waiting = q.waiting[1:]
		o.mu.Unlock()
		o.send(r)
		r.finish()
	}
}

// waiting reports how many replies chat holds.
func (o *outbox) waiting(chat int64) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	if q, ok := o.chats[chat]; ok {
		return len(q.waiting)
	}
	return 0
}
