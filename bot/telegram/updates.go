package telegram

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/infusionbot/infusionbot/bot"
)

// conversationKey is the bot.Message.Conversation of a chat.
func conversationKey(chatID int64) string { return "telegram:" + strconv.FormatInt(chatID, 10) }

// task is one update in hand: accepted and finished (see outgoing) are
// each called once, by the reply it hands to the outbox or, when there is
// nothing to send, when its job ends.
type task struct {
	accepted, finished func()
	handedOff          bool // set by the job's goroutine only
}

// dispatch queues the handling of one update on its chat's queue. accepted
// is called once its reply waits only for its paced slot (the poller then
// confirms it), finished once the reply was sent or given up; either may be
// nil. Updates the adapter does not answer (edits, channel posts, anything
// without a chat) are dropped here, and count as handled at once.
func (a *Adapter) dispatch(wctx context.Context, h bot.Handler, u *tgbotapi.Update, accepted, finished func()) {
	a.track.add()
	var accOnce, finOnce sync.Once
	t := &task{
		accepted: func() {
			accOnce.Do(func() {
				if accepted != nil {
					accepted()
				}
			})
		},
		finished: func() {
			finOnce.Do(func() {
				if finished != nil {
					finished()
				}
				a.track.done()
			})
		},
	}
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		m := u.Message
		a.disp.Add(m.Chat.ID, a.guard(func() { a.handleMessage(wctx, h, m, t) }, t))
	case u.CallbackQuery != nil && u.CallbackQuery.ID != "":
		cq := u.CallbackQuery
		var chat int64
		if cq.Message != nil && cq.Message.Chat != nil {
			chat = cq.Message.Chat.ID
		}
		a.disp.Add(chat, a.guard(func() { a.handleCallback(wctx, h, cq, t) }, t))
	default:
		t.accepted()
		t.finished()
	}
}

// guard keeps a panicking handler from taking the process down, and ends
// the task after job unless job handed a reply to the outbox.
func (a *Adapter) guard(job func(), t *task) func(decided func()) {
	return func(func()) {
		defer func() {
			if r := recover(); r != nil {
				a.mon.Error(platform, "panic")
				a.log.Error("telegram: recovered from a panic while handling an update")
			}
			if !t.handedOff {
				t.accepted()
				t.finished()
			}
		}()
		job()
	}
}

// reply hands r, the reply of t's update, to the outbox.
func (a *Adapter) reply(t *task, r *outgoing) {
	t.handedOff = true
	r.accepted, r.finished = t.accepted, t.finished
	a.out.put(r)
}

// deliver sends one reply from the outbox, within ReplyTimeout (an urgent
// one within UrgentTimeout: never given up for lack of time).
func (a *Adapter) deliver(r *outgoing) {
	d := a.cfg.ReplyTimeout
	if r.urgent {
		d = a.cfg.UrgentTimeout
	}
	ctx, cancel := context.WithTimeout(r.ctx, d)
	defer cancel()
	_ = a.send(ctx, r.chat, r.private, r.replyTo, r.html, r.kb, r.urgent)
}

// hasMedia reports whether m carries something other than text.
func hasMedia(m *tgbotapi.Message) bool {
	return len(m.Photo) > 0 || m.Sticker != nil || m.Voice != nil || m.Document != nil ||
		m.Video != nil || m.VideoNote != nil || m.Audio != nil || m.Animation != nil ||
		m.Contact != nil || m.Location != nil || m.Venue != nil || m.Poll != nil ||
		m.Dice != nil || m.Game != nil
}

func (a *Adapter) handleMessage(wctx context.Context, h bot.Handler, m *tgbotapi.Message, t *task) {
	chat := m.Chat
	if chat.Type == "channel" {
		return
	}
	if m.From != nil && m.From.IsBot {
		return // other bots, and our own messages
	}
	private := chat.Type == "private"
	if strings.TrimSpace(m.Text) == "" {
		if private && hasMedia(m) {
			a.reply(t, &outgoing{ctx: wctx, chat: chat.ID, private: private, html: escapeHTML(textOnlyReply)})
		}
		return
	}
	text, addressed := a.normalize(m, private)
	if !addressed {
		return
	}
	var user string
	switch {
	case m.From != nil:
		user = strconv.FormatInt(m.From.ID, 10)
	case m.SenderChat != nil:
		user = "chat:" + strconv.FormatInt(m.SenderChat.ID, 10)
	}
	msg := bot.Message{Platform: platform, Conversation: conversationKey(chat.ID), User: user, Text: text}
	if m.Date > 0 {
		msg.Time = time.Unix(int64(m.Date), 0)
	}
	replyTo := 0
	if !private {
		replyTo = m.MessageID
	}
	a.answer(wctx, h, t, chat.ID, private, replyTo, msg)
}

// normalize returns the text to pass to the handler and whether the
// message is for the bot: every private message; in groups, commands (not
// addressed to another bot), replies to the bot and @mentions of it.
// "/cmd@thisbot args" becomes "/cmd args"; "@thisbot" mentions are removed.
func (a *Adapter) normalize(m *tgbotapi.Message, private bool) (string, bool) {
	var me tgbotapi.User
	if p := a.self.Load(); p != nil {
		me = *p
	}
	t := strings.TrimSpace(m.Text)
	addressed := private
	if strings.HasPrefix(t, "/") {
		word, rest := t, ""
		if i := strings.IndexAny(t, " \t\n"); i >= 0 {
			word, rest = t[:i], t[i:]
		}
		if at := strings.IndexByte(word, '@'); at >= 0 {
			if me.UserName == "" || !strings.EqualFold(word[at+1:], me.UserName) {
				return "", false // a command for another bot
			}
			word = word[:at]
		}
		t = word + rest
		addressed = true
	}
	if me.UserName != "" {
		if s, ok := stripMention(t, me.UserName); ok {
			t, addressed = s, true
		}
	}
	if r := m.ReplyToMessage; r != nil && r.From != nil && me.ID != 0 && r.From.ID == me.ID {
		addressed = true
	}
	return strings.TrimSpace(t), addressed
}

func usernameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// stripMention removes every "@name" (any case, as a whole word) from s.
func stripMention(s, name string) (string, bool) {
	tag := "@" + strings.ToLower(name)
	lower := strings.ToLower(s)
	if len(lower) != len(s) || !strings.Contains(lower, tag) {
		if len(lower) == len(s) {
			return s, false
		}
		// Case folding changed the length (rare scripts): match exactly.
		lower, tag = s, "@"+name
	}
	var b strings.Builder
	found := false
	i := 0
	for {
		j := strings.Index(lower[i:], tag)
		if j < 0 {
			break
		}
		j += i
		end := j + len(tag)
		if (j > 0 && usernameByte(s[j-1])) || (end < len(s) && usernameByte(s[end])) {
			b.WriteString(s[i:end])
			i = end
			continue
		}
		b.WriteString(s[i:j])
		i = end
		found = true
	}
	b.WriteString(s[i:])
	if !found {
		return s, false
	}
	return strings.Join(strings.Fields(b.String()), " "), true
}

// answer passes msg to the handler, with "typing" shown meanwhile, and
// hands the reply to the outbox. Handler errors are shown with
// bot.UserMessage.
func (a *Adapter) answer(wctx context.Context, h bot.Handler, t *task, chatID int64, private bool, replyTo int, msg bot.Message) {
	ctx, cancel := context.WithTimeout(wctx, a.cfg.ReplyTimeout)
	defer cancel()
	stop := a.typing(ctx, chatID)
	reply, err := h.Handle(ctx, msg)
	stop()
	var (
		html   string
		kb     *tgbotapi.InlineKeyboardMarkup
		urgent bool
	)
	if err != nil {
		a.mon.Error(platform, "handler")
		var be *bot.Error
		op := ""
		if errors.As(err, &be) {
			op = be.Op
		}
		a.log.Warn("telegram: the handler failed", "op", op)
		html = escapeHTML(bot.UserMessage(err))
	} else {
		html = renderReply(reply)
		urgent = reply.Intent.Urgent()
		if reply.Answered && !urgent {
			k := feedbackKeyboard()
			if len(reply.Choices) > 0 {
				k = choiceKeyboard(reply.Choices) // choices.go
			}
			kb = &k
		}
	}
	if ctx.Err() != nil && wctx.Err() != nil {
		return // cut short at the shutdown deadline: not answered
	}
	a.reply(t, &outgoing{ctx: wctx, chat: chatID, private: private, replyTo: replyTo, html: html, kb: kb, urgent: urgent})
}

// typing shows "typing…" in the chat until stop is called, once the
// answer has taken TypingDelay (Telegram shows it for about 5 s, so it is
// repeated). Most answers take milliseconds: they go without the indicator
// and without its call, which a chat's later messages would otherwise wait
// for. stop waits for a request in flight, so that the indicator never
// follows the reply.
func (a *Adapter) typing(ctx context.Context, chatID int64) (stop func()) {
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		wait := a.cfg.TypingDelay
		for {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-quit:
				t.Stop()
				return
			case <-ctx.Done():
				t.Stop()
				return
			}
			c, cancel := context.WithTimeout(ctx, 3*time.Second)
			_, err := a.apiWith(c).Request(tgbotapi.NewChatAction(chatID, tgbotapi.ChatTyping))
			cancel()
			if err != nil && ctx.Err() == nil {
				a.log.Debug("telegram: sendChatAction failed", "error", a.wrap("sendChatAction", err).msg)
			}
			wait = 4 * time.Second
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// send sends html to the chat, split into messages within MaxMessageLen,
// in order and paced; the keyboard goes under the last one.
func (a *Adapter) send(ctx context.Context, chatID int64, private bool, replyTo int, html string, kb *tgbotapi.InlineKeyboardMarkup, urgent bool) error {
	parts := splitHTML(html, a.cfg.MaxMessageLen)
	interval := a.cfg.ChatInterval
	if !private {
		interval = a.cfg.GroupInterval
	}
	for i, p := range parts {
		mc := tgbotapi.NewMessage(chatID, p)
		mc.ParseMode = tgbotapi.ModeHTML
		mc.DisableWebPagePreview = true
		if i == 0 && replyTo != 0 {
			mc.ReplyToMessageID = replyTo
			mc.AllowSendingWithoutReply = true
		}
		if i == len(parts)-1 && kb != nil {
			mc.ReplyMarkup = *kb
		}
		if err := a.pace.wait(ctx, chatID, interval, urgent); err != nil {
			a.mon.Error(platform, "send")
			a.log.Warn("telegram: a reply was not sent in time", "part", i+1, "parts", len(parts), "urgent", urgent)
			return err
		}
		_, err := a.call(ctx, "sendMessage", mc, urgent)
		var e *apiError
		if errors.As(err, &e) && e.migrateTo != 0 {
			// The group became a supergroup.
			chatID, mc.ChatID = e.migrateTo, e.migrateTo
			_, err = a.call(ctx, "sendMessage", mc, urgent)
		}
		if errors.As(err, &e) && e.code == 400 && strings.Contains(strings.ToLower(e.msg), "entit") {
			// Telegram could not parse the HTML: send the text plain
			// rather than not at all.
			mc.ParseMode = ""
			mc.Text = plainText(p)
			_, err = a.call(ctx, "sendMessage", mc, urgent)
		}
		if err != nil {
			a.mon.Error(platform, "send")
			a.log.Warn("telegram: sending a reply failed", "error", a.errText(err), "part", i+1, "parts", len(parts), "urgent", urgent)
			return err
		}
	}
	return nil
}

func feedbackKeyboard() tgbotapi.InlineKeyboardMarkup {
	return tgbotapi.NewInlineKeyboardMarkup(
		tgbotapi.NewInlineKeyboardRow(
			tgbotapi.NewInlineKeyboardButtonData("Helpful", cbPrefix+string(bot.FeedbackHelpful)),
			tgbotapi.NewInlineKeyboardButtonData("Not helpful", cbPrefix+string(bot.FeedbackNotHelpful)),
		),
		tgbotapi.NewInlineKeyboardRow(
			tgbotapi.NewInlineKeyboardButtonData("Talk to the care team", cbPrefix+string(bot.FeedbackCareTeam)),
		),
	)
}

// careTeamKeyboard is what stays under an answer once it was rated, so that
// a rating is not counted twice and the way to a person stays open.
func careTeamKeyboard() tgbotapi.InlineKeyboardMarkup {
	return tgbotapi.NewInlineKeyboardMarkup(feedbackKeyboard().InlineKeyboard[1])
}

// removeRating takes the rating buttons off a rated answer; if that fails,
// the answer simply keeps them.
func (a *Adapter) removeRating(wctx context.Context, m *tgbotapi.Message) {
	ctx, cancel := context.WithTimeout(wctx, a.cfg.ReplyTimeout)
	defer cancel()
	edit := tgbotapi.NewEditMessageReplyMarkup(m.Chat.ID, m.MessageID, careTeamKeyboard())
	if _, err := a.call(ctx, "editMessageReplyMarkup", edit, false); err != nil {
		a.log.Debug("telegram: removing the rating buttons failed", "error", a.errText(err))
	}
}

func parseFeedback(data string) (bot.FeedbackKind, bool) {
	k, ok := strings.CutPrefix(data, cbPrefix)
	if !ok {
		return "", false
	}
	switch kind := bot.FeedbackKind(k); kind {
	case bot.FeedbackHelpful, bot.FeedbackNotHelpful, bot.FeedbackCareTeam:
		return kind, true
	}
	return "", false
}

// handleCallback answers a button press: it is always acknowledged
// (answerCallbackQuery) and counted as feedback; a rating takes the rating
// buttons off the answer, and the care-team button sends /human through
// the handler and posts the reply.
func (a *Adapter) handleCallback(wctx context.Context, h bot.Handler, cq *tgbotapi.CallbackQuery, t *task) {
	if text, ok := parseChoice(cq.Data); ok {
		a.pickChoice(wctx, h, cq, t, text) // choices.go
		return
	}
	kind, ok := parseFeedback(cq.Data)
	text := ""
	switch kind {
	case bot.FeedbackHelpful:
		text = helpfulAnswer
	case bot.FeedbackNotHelpful:
		text = notHelpfulAnswer
	}
	ctx, cancel := context.WithTimeout(wctx, a.cfg.ReplyTimeout)
	_, err := a.call(ctx, "answerCallbackQuery", tgbotapi.NewCallback(cq.ID, text), false)
	cancel()
	if err != nil {
		a.mon.Error(platform, "callback")
		a.log.Warn("telegram: answerCallbackQuery failed", "error", a.errText(err))
	}
	if !ok {
		return
	}
	a.mon.Feedback(platform, kind)
	if cq.Message == nil || cq.Message.Chat == nil {
		return
	}
	chat := cq.Message.Chat
	var user string
	if cq.From != nil {
		user = strconv.FormatInt(cq.From.ID, 10)
	}
	if kind != bot.FeedbackCareTeam {
		a.rated(wctx, chat.ID, user, kind) // staff.go
		a.removeRating(wctx, cq.Message)
		return
	}
	msg := bot.Message{Platform: platform, Conversation: conversationKey(chat.ID), User: user, Text: bot.CommandCareTeam, Time: time.Now()}
	a.answer(wctx, h, t, chat.ID, chat.Type == "private", 0, msg)
}
