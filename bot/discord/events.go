package discord

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/infusionbot/infusionbot/bot"
)

// Slash command names.
const (
	cmdAsk      = "ask"
	cmdSources  = "sources"
	cmdHelp     = "help"
	optQuestion = "question"
)

// feedbackThanks acknowledges a Helpful / Not helpful press.
const feedbackThanks = "Thank you for the feedback — it helps the clinic improve these answers."

// commands are the slash commands registered at start.
func commands() []*discordgo.ApplicationCommand {
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	one := 1
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question about infusion therapy (answered from the clinic's articles)",
			Contexts:    &contexts,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        optQuestion,
				Description: "Your question, for example: how long does a ketamine infusion take?",
				Required:    true,
				MinLength:   &one,
				MaxLength:   1000,
			}},
		},
		{Name: cmdSources, Description: "List the articles the answers come from", Contexts: &contexts},
		{Name: cmdHelp, Description: "What this bot can and cannot do", Contexts: &contexts},
	}
}

// registerCommands overwrites the application's slash commands with
// commands(), in the configured guild or globally; once per Run.
func (a *Adapter) registerCommands(ctx context.Context, s *discordgo.Session) {
	a.mu.Lock()
	done, appID := a.registered, a.appID
	a.mu.Unlock()
	if done {
		return
	}
	if appID == "" {
		a.log.Warn("discord: no application id in READY; slash commands not registered")
		return
	}
	err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := s.ApplicationCommandBulkOverwrite(appID, a.cfg.GuildID, commands(), opts...)
		return err
	})
	if err != nil {
		a.mon.Error(platform, "commands")
		a.log.Error("discord: could not register the slash commands (is the bot invited with the applications.commands scope?)", "err", safeErr(err))
		return
	}
	a.mu.Lock()
	a.registered = true
	a.mu.Unlock()
	scope := "global"
	if a.cfg.GuildID != "" {
		scope = "guild"
	}
	a.log.Info("discord: slash commands registered", "scope", scope, "count", len(commands()))
}

// ask passes one message to the handler.
func (a *Adapter) ask(ctx context.Context, userID, channelID, text string, at time.Time) (bot.Reply, error) {
	a.mu.Lock()
	h := a.handler
	a.mu.Unlock()
	return h.Handle(ctx, bot.Message{
		Platform:     platform,
		Conversation: platform + ":" + userID + "/" + channelID,
		User:         userID,
		Text:         text,
		Time:         at,
	})
}

// render turns the handler's result into messages: the reply, or the
// user-safe text of the error.
func (a *Adapter) render(kind string, r bot.Reply, err error) []outMessage {
	if err != nil {
		a.mon.Error(platform, "handler")
		a.log.Warn("discord: the handler failed", "kind", kind, "err", err.Error())
		return textMessage(bot.UserMessage(err))
	}
	return renderReply(r)
}

// onMessageCreate answers direct messages, @mentions, and — with the
// Message Content intent — every other message in guild channels. It
// ignores the bot's own messages and other bots'.
func (a *Adapter) onMessageCreate(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m.Message == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.WebhookID != "" {
		return
	}
	botID, _ := a.ids()
	if botID == "" || m.Author.ID == botID {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return
	}
	dm := m.GuildID == ""
	mentioned := false
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			mentioned = true
			break
		}
	}
	kind := "channel"
	switch {
	case dm:
		kind = "dm"
	case mentioned:
		kind = "mention"
	case !a.cfg.ReadMessages:
		return
	}
	text := stripMention(m.Content, botID)
	if text == "" {
		if kind == "channel" {
			return // an attachment or sticker without text
		}
		text = bot.CommandHelp
	}
	userID, channelID, messageID, guildID := m.Author.ID, m.ChannelID, m.ID, m.GuildID
	at := m.Timestamp
	reference := func() *discordgo.MessageReference {
		no := false
		return &discordgo.MessageReference{MessageID: messageID, ChannelID: channelID, GuildID: guildID, FailIfNotExists: &no}
	}
	switch a.submit(userID, func(ctx context.Context, decided func()) {
		start := time.Now()
		r, err := a.ask(ctx, userID, channelID, text, at)
		decided()
		msgs := a.render(kind, r, err)
		for n, om := range msgs {
			send := &discordgo.MessageSend{
				Content:         om.Content,
				Embeds:          om.Embeds,
				Components:      om.Components,
				AllowedMentions: noMentions(),
			}
			if n == 0 {
				send.Reference = reference()
			}
			if err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
				_, err := s.ChannelMessageSendComplex(channelID, send, opts...)
				return err
			}); err != nil {
				a.sendFailed(kind, err)
				return
			}
		}
		a.logReply(kind, r, err, len(msgs), start)
	}) {
	case full:
		// One notice for the flood, which also gives the way to urgent
		// help: the refused messages are not read.
		a.mon.Error(platform, "overflow")
		a.goAside(func(ctx context.Context) {
			if err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
				_, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
					Content: overflowText, Reference: reference(), AllowedMentions: noMentions(),
				}, opts...)
				return err
			}); err != nil {
				a.sendFailed(kind, err)
			}
		})
	case fullAgain:
		a.mon.Error(platform, "overflow")
	}
}

// overflowText answers a user's events beyond MaxUserQueue, which are not
// read: one of them could be urgent, so it gives the way to urgent help.
const overflowText = "You've sent several messages at once; I'll answer the earlier ones first — please wait for those replies before sending more. If this is an emergency, call your local emergency number now."

// stripMention removes the bot's mentions from text.
func stripMention(text, botID string) string {
	if botID != "" {
		text = strings.ReplaceAll(text, "<@"+botID+">", "")
		text = strings.ReplaceAll(text, "<@!"+botID+">", "")
	}
	return strings.TrimSpace(text)
}

func (a *Adapter) sendFailed(kind string, err error) {
	a.mon.Error(platform, "send")
	a.log.Warn("discord: could not send a reply", "kind", kind, "err", safeErr(err))
}

func (a *Adapter) logReply(kind string, r bot.Reply, err error, parts int, start time.Time) {
	a.log.Info("discord: replied", "kind", kind, "intent", string(r.Intent), "answered", r.Answered,
		"citations", len(r.Citations), "failed", err != nil, "messages", parts, "took", time.Since(start).Round(time.Millisecond))
}

// onInteractionCreate handles slash commands and button presses on the
// user's lane (see keyedqueue): each is acknowledged as soon as its turn comes
// (within Discord's 3 seconds) and answered afterwards. During shutdown,
// or beyond MaxUserQueue, it is acknowledged aside with a short notice.
func (a *Adapter) onInteractionCreate(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic.Interaction == nil {
		return
	}
	i := ic.Interaction
	var handle func(ctx context.Context, decided func())
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		handle = func(ctx context.Context, decided func()) { a.handleCommand(ctx, s, i, decided) }
	case discordgo.InteractionMessageComponent:
		handle = func(ctx context.Context, decided func()) { a.handleComponent(ctx, s, i, decided) }
	default:
		return
	}
	notice := func(text string) {
		a.goAside(func(ctx context.Context) {
			_ = a.respond(ctx, s, i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()},
			})
		})
	}
	switch a.submit(interactionUser(i), func(ctx context.Context, decided func()) {
		if ctx.Err() != nil {
			// Cut off by shutdown's deadline while it waited: say so,
			// rather than leave the person with "The application did
			// not respond".
			decided()
			ctx, cancel := context.WithTimeout(context.Background(), a.cfg.AckTimeout)
			defer cancel()
			_ = a.respond(ctx, s, i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: shuttingDownText, Flags: discordgo.MessageFlagsEphemeral},
			})
			return
		}
		handle(ctx, decided)
	}) {
	case closing:
		notice(shuttingDownText)
	case full, fullAgain:
		// Each interaction needs its own acknowledgement.
		a.mon.Error(platform, "overflow")
		notice(overflowText)
	}
}

// shuttingDownText answers an interaction that arrives during shutdown.
const shuttingDownText = "I'm restarting and can't answer right now — please try again in a minute. If this is an emergency, call your local emergency number now."

func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// respond sends the initial response to an interaction.
// Discord takes it only within 3 s of the interaction, so it is given up at
// AckTimeout rather than retried past that.
func (a *Adapter) respond(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	ctx, cancel := context.WithTimeout(ctx, a.cfg.AckTimeout)
	defer cancel()
	err := a.rest(ctx, func(opts ...discordgo.RequestOption) error { return s.InteractionRespond(i, resp, opts...) })
	if err != nil {
		a.mon.Error(platform, "ack")
		a.log.Warn("discord: could not acknowledge an interaction", "err", safeErr(err))
	}
	return err
}

// handleCommand answers a slash command.
//
// The interaction is deferred publicly ("thinking…") before the handler
// runs, since only the handler knows whether the reply is urgent. An
// emergency or crisis reply in a server channel is then sent to the asker
// alone, as an ephemeral follow-up, and the public placeholder is deleted:
// it is shown at once and never in front of others. Should the ephemeral
// follow-up fail, the reply goes into the deferred response instead: an
// urgent reply is never withheld. In direct messages it simply replaces the
// placeholder.
func (a *Adapter) handleCommand(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, decided func()) {
	start := time.Now()
	data := i.ApplicationCommandData()
	var text string
	switch data.Name {
	case cmdAsk:
		if o := data.GetOption(optQuestion); o != nil && o.Type == discordgo.ApplicationCommandOptionString {
			text = strings.TrimSpace(o.StringValue())
		}
		if text == "" {
			text = bot.CommandHelp
		}
	case cmdSources:
		text = bot.CommandSources
	case cmdHelp:
		text = bot.CommandHelp
	default:
		_ = a.respond(ctx, s, i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content:         "I don't know that command. Try /ask, /sources or /help.",
				Flags:           discordgo.MessageFlagsEphemeral,
				AllowedMentions: noMentions(),
			},
		})
		return
	}
	if err := a.respond(ctx, s, i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		return
	}
	kind := "slash:" + data.Name
	r, err := a.ask(ctx, interactionUser(i), i.ChannelID, text, time.Now())
	decided()
	msgs := a.render(kind, r, err)
	if err == nil && r.Intent.Urgent() && i.GuildID != "" {
		if a.followups(ctx, s, i, msgs, true) == nil {
			if derr := a.rest(ctx, func(opts ...discordgo.RequestOption) error { return s.InteractionResponseDelete(i, opts...) }); derr != nil {
				a.log.Warn("discord: could not delete the placeholder of an urgent reply", "err", safeErr(derr))
			}
			a.logReply(kind, r, err, len(msgs), start)
			return
		}
		a.log.Warn("discord: the private urgent reply failed; showing it in the channel rather than withholding it")
	}
	if a.editThenFollow(ctx, s, i, msgs, false) == nil {
		a.logReply(kind, r, err, len(msgs), start)
	}
}

// handleComponent handles the feedback buttons.
func (a *Adapter) handleComponent(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, decided func()) {
	data := i.MessageComponentData()
	switch data.CustomID {
	case buttonHelpful, buttonNotHelpful:
		kind := bot.FeedbackHelpful
		if data.CustomID == buttonNotHelpful {
			kind = bot.FeedbackNotHelpful
		}
		a.mon.Feedback(platform, kind)
		a.rated(ctx, interactionUser(i), i.ChannelID, kind) // staff.go
		a.log.Info("discord: feedback", "kind", string(kind))
		_ = a.respond(ctx, s, i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content:         feedbackThanks,
				Flags:           discordgo.MessageFlagsEphemeral,
				AllowedMentions: noMentions(),
			},
		})
	case buttonCareTeam:
		start := time.Now()
		a.mon.Feedback(platform, bot.FeedbackCareTeam)
		if err := a.respond(ctx, s, i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
		}); err != nil {
			return
		}
		r, err := a.ask(ctx, interactionUser(i), i.ChannelID, bot.CommandCareTeam, time.Now())
		decided()
		msgs := a.render("care_team", r, err)
		if a.editThenFollow(ctx, s, i, msgs, true) == nil {
			a.logReply("care_team", r, err, len(msgs), start)
		}
	default:
		if text, ok := parseChoice(data.CustomID); ok {
			a.pickChoice(ctx, s, i, text, decided) // choices.go
			return
		}
		// Not ours (an old button?): acknowledge without changing anything.
		_ = a.respond(ctx, s, i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
	}
}

// editThenFollow puts the first message into the deferred response and
// sends the others as follow-ups.
func (a *Adapter) editThenFollow(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, msgs []outMessage, ephemeral bool) error {
	first := msgs[0]
	embeds := first.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	comps := first.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	edit := &discordgo.WebhookEdit{Content: &first.Content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions()}
	if err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := s.InteractionResponseEdit(i, edit, opts...)
		return err
	}); err != nil {
		a.sendFailed("interaction", err)
		return err
	}
	return a.followups(ctx, s, i, msgs[1:], ephemeral)
}

// followups sends messages as follow-ups to an interaction.
func (a *Adapter) followups(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, msgs []outMessage, ephemeral bool) error {
	for _, om := range msgs {
		p := &discordgo.WebhookParams{
			Content:         om.Content,
			Embeds:          om.Embeds,
			Components:      om.Components,
			AllowedMentions: noMentions(),
		}
		if ephemeral {
			p.Flags = discordgo.MessageFlagsEphemeral
		}
		if err := a.rest(ctx, func(opts ...discordgo.RequestOption) error {
			_, err := s.FollowupMessageCreate(i, true, p, opts...)
			return err
		}); err != nil {
			a.sendFailed("interaction", err)
			return err
		}
	}
	return nil
}
