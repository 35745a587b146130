package discord

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/infusionbot/infusionbot/bot"
)

// EnvStaffChannelID is the staff channel that handoff tickets are posted
// to; staff answer there by mentioning the bot: "@bot /reply N text" (or
// plainly "/reply N text" with DISCORD_READ_MESSAGES).
const EnvStaffChannelID = "DISCORD_STAFF_CHANNEL_ID"

func (c *Config) staffFromEnv(getenv func(string) string) error {
	v := strings.TrimSpace(getenv(EnvStaffChannelID))
	if v == "" {
		return nil
	}
	if !isSnowflake(v) {
		return fmt.Errorf("discord: %s must be a numeric channel id (enable Developer Mode, right-click the channel, Copy Channel ID)", EnvStaffChannelID)
	}
	c.StaffChannelID = v
	return nil
}

var (
	_ bot.Relay        = (*Adapter)(nil)
	_ bot.StaffChannel = (*Adapter)(nil)
)

// Platform implements bot.Relay.
func (a *Adapter) Platform() string { return platform }

// StaffConfigured reports whether a staff channel is set.
func (a *Adapter) StaffConfigured() bool { return a.cfg.StaffChannelID != "" }

// IsStaff implements bot.StaffChannel: conversations are "discord:user/channel".
func (a *Adapter) IsStaff(conversation string) bool {
	return a.cfg.StaffChannelID != "" && strings.HasPrefix(conversation, platform+":") &&
		strings.HasSuffix(conversation, "/"+a.cfg.StaffChannelID)
}

// restSession is a session for REST calls only (no gateway), through the
// adapter's client: posting does not wait for a connection.
func (a *Adapter) restSession() (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + strings.TrimPrefix(a.cfg.Token, "Bot "))
	if err != nil {
		return nil, err
	}
	s.Client = a.client
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 2
	s.LogLevel = -1
	return s, nil
}

// PostStaff implements bot.StaffChannel.
func (a *Adapter) PostStaff(ctx context.Context, text string) error {
	if a.cfg.StaffChannelID == "" {
		return errors.New("discord: no staff channel (" + EnvStaffChannelID + ")")
	}
	return a.post(ctx, a.cfg.StaffChannelID, text)
}

// Deliver implements bot.Relay: a staff reply goes to the person in a
// direct message, never into the channel they asked in.
func (a *Adapter) Deliver(ctx context.Context, conversation, user, text string) error {
	if user == "" {
		return errors.New("discord: a ticket has no user to write to")
	}
	s, err := a.restSession()
	if err != nil {
		return err
	}
	var ch *discordgo.Channel
	if err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
		var err error
		ch, err = s.UserChannelCreate(user, opts...)
		return err
	}); err != nil {
		return fmt.Errorf("discord: opening a direct message: %v", safeErr(err))
	}
	return a.post(ctx, ch.ID, text)
}

func (a *Adapter) post(ctx context.Context, channelID, text string) error {
	s, err := a.restSession()
	if err != nil {
		return err
	}
	for _, part := range splitContent(text, 2000) {
		send := &discordgo.MessageSend{Content: escapeMentions(part), AllowedMentions: noMentions()}
		if err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
			_, err := s.ChannelMessageSendComplex(channelID, send, opts...)
			return err
		}); err != nil {
			return fmt.Errorf("discord: posting: %v", safeErr(err))
		}
	}
	return nil
}

// rated tells the configured Rater of a rating pressed under an answer.
func (a *Adapter) rated(ctx context.Context, userID, channelID string, kind bot.FeedbackKind) {
	if a.cfg.Rater == nil || kind == bot.FeedbackCareTeam {
		return
	}
	a.cfg.Rater.Rated(ctx, bot.Message{Platform: platform, Conversation: platform + ":" + userID + "/" + channelID, User: userID}, kind)
}
