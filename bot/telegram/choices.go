package telegram

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/infusionbot/infusionbot/bot"
)

// choicePrefix starts the callback data of a "did you mean" button; the
// rest is the choice's text, sent to the handler as the person's message.
const choicePrefix = "choice:"

// Telegram limits: callback data to 64 bytes; a button's text is cut
// here so that a long heading stays readable on a phone.
const (
	maxCallbackData = 64
	maxButtonRunes  = 60
)

// choiceKeyboard is one button per choice of a "did you mean" reply, and
// the care-team button under them.
func choiceKeyboard(cs []bot.Choice) tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, c := range cs {
		data := choicePrefix + c.Text
		if len(data) > maxCallbackData || c.Text == "" {
			continue // the number in the text still picks it
		}
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(cut(c.Text+". "+c.Label, maxButtonRunes), data)))
	}
	rows = append(rows, careTeamKeyboard().InlineKeyboard...)
	return tgbotapi.NewInlineKeyboardMarkup(rows...)
}

// parseChoice returns the message a choice button sends.
func parseChoice(data string) (string, bool) {
	text, ok := strings.CutPrefix(data, choicePrefix)
	return text, ok && text != ""
}

// pickChoice answers a choice button as if the person had typed its text.
func (a *Adapter) pickChoice(wctx context.Context, h bot.Handler, cq *tgbotapi.CallbackQuery, t *task, text string) {
	ctx, cancel := context.WithTimeout(wctx, a.cfg.ReplyTimeout)
	_, err := a.call(ctx, "answerCallbackQuery", tgbotapi.NewCallback(cq.ID, ""), false)
	cancel()
	if err != nil {
		a.mon.Error(platform, "callback")
		a.log.Warn("telegram: answerCallbackQuery failed", "error", a.errText(err))
	}
	if cq.Message == nil || cq.Message.Chat == nil {
		return
	}
	chat := cq.Message.Chat
	var user string
	if cq.From != nil {
		user = strconv.FormatInt(cq.From.ID, 10)
	}
	msg := bot.Message{Platform: platform, Conversation: conversationKey(chat.ID), User: user, Text: text, Time: time.Now()}
	a.answer(wctx, h, t, chat.ID, chat.Type == "private", 0, msg)
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
