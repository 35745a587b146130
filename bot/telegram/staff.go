package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/infusionbot/infusionbot/bot"
)

// EnvStaffChatID is the staff group that handoff tickets are posted to and
// where staff answer them with /reply N text (see package bot/handoff).
const EnvStaffChatID = "TELEGRAM_STAFF_CHAT_ID"

// staffFromEnv reads TELEGRAM_STAFF_CHAT_ID: a chat id, negative for groups.
func (c *Config) staffFromEnv(getenv func(string) string) error {
	v := strings.TrimSpace(getenv(EnvStaffChatID))
	if v == "" {
		return nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id == 0 {
		return fmt.Errorf("telegram: %s must be a chat id such as -1001234567890 (add the bot to the staff group and read the id from an update)", EnvStaffChatID)
	}
	c.StaffChatID = id
	return nil
}

var (
	_ bot.Relay        = (*Adapter)(nil)
	_ bot.StaffChannel = (*Adapter)(nil)
)

// Platform implements bot.Relay.
func (a *Adapter) Platform() string { return platform }

// StaffConfigured reports whether a staff chat is set.
func (a *Adapter) StaffConfigured() bool { return a.cfg.StaffChatID != 0 }

// IsStaff implements bot.StaffChannel.
func (a *Adapter) IsStaff(conversation string) bool {
	return a.cfg.StaffChatID != 0 && conversation == conversationKey(a.cfg.StaffChatID)
}

// PostStaff implements bot.StaffChannel: plain text to the staff chat.
func (a *Adapter) PostStaff(ctx context.Context, text string) error {
	if a.cfg.StaffChatID == 0 {
		return errors.New("telegram: no staff chat (" + EnvStaffChatID + ")")
	}
	return a.send(ctx, a.cfg.StaffChatID, false, 0, escapeHTML(text), nil, false)
}

// Deliver implements bot.Relay: a staff reply goes to the person's private
// chat with the bot, never into a group they asked from.
func (a *Adapter) Deliver(ctx context.Context, conversation, user, text string) error {
	chat, err := strconv.ParseInt(strings.TrimPrefix(conversation, platform+":"), 10, 64)
	if err != nil {
		return errors.New("telegram: a ticket's conversation is not a chat")
	}
	if chat < 0 {
		// A group: the private chat with a user has the user's id.
		if chat, err = strconv.ParseInt(user, 10, 64); err != nil || chat <= 0 {
			return errors.New("telegram: the person asked from a group and has no private chat with the bot")
		}
	}
	return a.send(ctx, chat, true, 0, escapeHTML(text), nil, false)
}

// rated tells the configured Rater of a rating pressed in a chat.
func (a *Adapter) rated(ctx context.Context, chatID int64, user string, kind bot.FeedbackKind) {
	if a.cfg.Rater == nil || kind == bot.FeedbackCareTeam {
		return
	}
	a.cfg.Rater.Rated(ctx, bot.Message{Platform: platform, Conversation: conversationKey(chatID), User: user}, kind)
}
