package discord

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/utf16"
)

// decode unmarshals a recorded request body into v.
func decode(t *testing.T, r restReq, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("%s %s: %v: %s", r.Method, r.Path, err, r.Body)
	}
}

// checkNoPing fails unless the body's allowed mentions parse nothing.
func checkNoPing(t *testing.T, r restReq) {
	t.Helper()
	var m struct {
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Data *struct {
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	decode(t, r, &m)
	am := m.AllowedMentions
	if am == nil && m.Data != nil {
		am = m.Data.AllowedMentions
	}
	if am == nil || am.Parse == nil || len(am.Parse) != 0 {
		t.Errorf("%s %s: allowed_mentions.parse is not an empty list: %s", r.Method, r.Path, r.Body)
	}
	if !strings.Contains(string(r.Body), `"parse":[]`) {
		t.Errorf("%s %s: want \"parse\":[] in %s", r.Method, r.Path, r.Body)
	}
}

func TestSlashAskDeferredThenEditedWithEmbed(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)

	// The commands are registered to the guild with a bulk overwrite.
	reg := h.fake.waitReq("PUT", "/api/v9/applications/"+appID+"/guilds/"+guildID+"/commands")
	var cmds []discordgo.ApplicationCommand
	decode(t, reg, &cmds)
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "ask,sources,help" {
		t.Errorf("registered commands %q, want ask,sources,help", got)
	}
	if len(cmds) > 0 && (len(cmds[0].Options) != 1 || cmds[0].Options[0].Name != "question" || !cmds[0].Options[0].Required) {
		t.Errorf("/ask options = %+v, want one required \"question\"", cmds[0].Options)
	}

	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7001", "ask", question("What is IV lidocaine?")))

	ack := h.fake.waitReq("POST", "/api/v9/interactions/7001/itok-7001/callback")
	var resp discordgo.InteractionResponse
	decode(t, ack, &resp)
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("ack type %d, want deferred (5)", resp.Type)
	}

	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7001/messages/@original")
	checkNoPing(t, edit)
	var msg discordgo.Message
	decode(t, edit, &msg)
	if !strings.Contains(msg.Content, "You asked: What is IV lidocaine?") || !strings.Contains(msg.Content, "consult your provider") {
		t.Errorf("content = %q", msg.Content)
	}
	if len(msg.Embeds) != 1 || msg.Embeds[0].Title != "Sources" || len(msg.Embeds[0].Fields) != 2 {
		t.Fatalf("embeds = %+v, want one Sources embed with 2 fields", msg.Embeds)
	}
	if f := msg.Embeds[0].Fields[0]; f.Name != "[1] IV Lidocaine Infusion" || !strings.Contains(f.Value, "What to expect") || !strings.Contains(f.Value, "heart rhythm") {
		t.Errorf("field 1 = %+v", f)
	}
	if !strings.Contains(string(edit.Body), buttonHelpful) || !strings.Contains(string(edit.Body), buttonCareTeam) {
		t.Errorf("the answer has no feedback buttons: %s", edit.Body)
	}

	seen := h.core.messages()
	if len(seen) != 1 {
		t.Fatalf("handler saw %d messages", len(seen))
	}
	want := bot.Message{Platform: "discord", Conversation: "discord:" + userID + "/" + channelID, User: userID, Text: "What is IV lidocaine?"}
	if got := seen[0]; got.Platform != want.Platform || got.Conversation != want.Conversation || got.User != want.User || got.Text != want.Text || got.Time.IsZero() {
		t.Errorf("handler got %+v, want %+v", got, want)
	}
}

func TestSlashCommandsPassedToHandler(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) { cfg.GuildID = "" })
	h.fake.waitConns(1)
	// Without a guild the commands are registered globally.
	h.fake.waitReq("PUT", "/api/v9/applications/"+appID+"/commands")

	tests := []struct {
		id, name string
		opts     []map[string]any
		wantText string
		wantBody string
	}{
		{"7101", "sources", nil, "/sources", "I answer from"},
		{"7102", "help", nil, "/help", "Ask me about"},
		{"7103", "ask", []map[string]any{question("   ")}, "/help", "Ask me about"},
	}
	for _, tt := range tests {
		h.fake.dispatch("INTERACTION_CREATE", slashCommand(tt.id, tt.name, tt.opts...))
		edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-"+tt.id+"/")
		var msg discordgo.Message
		decode(t, edit, &msg)
		if !strings.Contains(msg.Content, tt.wantBody) {
			t.Errorf("/%s: content %q, want %q", tt.name, msg.Content, tt.wantBody)
		}
		if strings.Contains(string(edit.Body), buttonHelpful) {
			t.Errorf("/%s: buttons under a reply that is not an answer", tt.name)
		}
	}
	var texts []string
	for _, m := range h.core.messages() {
		texts = append(texts, m.Text)
	}
	if got := strings.Join(texts, " "); got != "/sources /help /help" {
		t.Errorf("handler texts = %q", got)
	}

	// An unknown command is answered, privately, without the handler.
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7104", "nope"))
	ack := h.fake.waitReq("POST", "/api/v9/interactions/7104/")
	var resp discordgo.InteractionResponse
	decode(t, ack, &resp)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data == nil || resp.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("unknown command answered with %s", ack.Body)
	}
}

func TestDirectMessageAndMentions(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)

	// A direct message.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8001", "", dmChannelID, user(userID, false), "What is IV lidocaine?"))
	r := h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	checkNoPing(t, r)
	var send discordgo.Message
	decode(t, r, &send)
	if !strings.Contains(send.Content, "You asked: What is IV lidocaine?") || len(send.Embeds) != 1 {
		t.Errorf("DM reply = %s", r.Body)
	}
	if send.MessageReference == nil || send.MessageReference.MessageID != "8001" {
		t.Errorf("the reply does not reference the question: %s", r.Body)
	}

	// A guild message without a mention is not for the bot (no Message Content intent).
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8002", guildID, channelID, user(userID, false), "unrelated chat"))
	// A mention is answered, without the mention in the text.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8003", guildID, channelID, user(userID, false), "<@"+botUserID+"> how long does ketamine take?", user(botUserID, true)))
	r = h.fake.waitReq("POST", "/api/v9/channels/"+channelID+"/messages")
	decode(t, r, &send)
	if !strings.Contains(send.Content, "You asked: how long does ketamine take?") {
		t.Errorf("mention reply = %q", send.Content)
	}
	// A bare mention gets help.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8004", guildID, channelID, user(userID, false), "<@!"+botUserID+">", user(botUserID, true)))
	h.fake.waitReqN("POST", "/api/v9/channels/"+channelID+"/messages", 2)

	var texts []string
	for _, m := range h.core.messages() {
		texts = append(texts, m.Text)
	}
	if got := strings.Join(texts, "|"); got != "What is IV lidocaine?|how long does ketamine take?|/help" {
		t.Errorf("handler texts = %q", got)
	}
	if c := h.core.messages()[0].Conversation; c != "discord:"+userID+"/"+dmChannelID {
		t.Errorf("conversation = %q", c)
	}
	if h.fake.count("POST", "/api/v9/channels/") != 3 {
		t.Errorf("sent %d messages, want 3:%s", h.fake.count("POST", "/api/v9/channels/"), h.fake.summary())
	}
}

func TestReadMessagesIntent(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) {
		cfg.ReadMessages = true
		cfg.ShardID, cfg.ShardCount = 1, 2
	})
	h.fake.waitConns(1)
	h.fake.mu.Lock()
	id := h.fake.identifies[0]
	h.fake.mu.Unlock()
	if id.Intents&int(discordgo.IntentMessageContent) == 0 || id.Intents&int(discordgo.IntentsDirectMessages) == 0 {
		t.Errorf("intents %b lack message content or direct messages", id.Intents)
	}
	if id.Shard == nil || *id.Shard != [2]int{1, 2} {
		t.Errorf("shard = %v, want [1 2]", id.Shard)
	}
	if id.Token != "Bot "+testToken {
		t.Errorf("identify token is not the bot token")
	}
	// With Message Content every guild message is answered.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8101", guildID, channelID, user(userID, false), "does ketamine hurt?"))
	h.fake.waitReq("POST", "/api/v9/channels/"+channelID+"/messages")
}

func TestIgnoresOwnAndOtherBotsMessages(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) { cfg.ReadMessages = true })
	h.fake.waitConns(1)
	tests := []struct {
		name string
		msg  map[string]any
	}{
		{"own message", messageCreate("8201", "", dmChannelID, user(botUserID, true), "You asked: hello")},
		{"own message flagged as non-bot", messageCreate("8202", "", dmChannelID, user(botUserID, false), "You asked: hello")},
		{"other bot", messageCreate("8203", guildID, channelID, user("123456", true), "<@"+botUserID+"> hi", user(botUserID, true))},
		{"no text", messageCreate("8204", guildID, channelID, user(userID, false), "")},
		{"webhook", func() map[string]any {
			m := messageCreate("8206", "", dmChannelID, user("123457", false), "hi")
			m["webhook_id"] = "123458"
			return m
		}()},
		{"system message", func() map[string]any {
			m := messageCreate("8207", "", dmChannelID, user(userID, false), "pinned")
			m["type"] = 6
			return m
		}()},
	}
	for _, tt := range tests {
		h.fake.dispatch("MESSAGE_CREATE", tt.msg)
	}
	// A human's message afterwards is answered; events are handled in
	// order, so by then the ignored ones would have reached the handler.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8205", "", dmChannelID, user(userID, false), "hello"))
	h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	time.Sleep(50 * time.Millisecond)
	if got := h.core.messages(); len(got) != 1 || got[0].Text != "hello" {
		t.Errorf("handler saw %+v, want only the human's hello", got)
	}
	if n := h.fake.count("POST", "/api/v9/channels/"); n != 1 {
		t.Errorf("sent %d messages, want 1", n)
	}
}

func TestButtons(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)

	tests := []struct {
		id, custom string
		wantType   discordgo.InteractionResponseType
	}{
		{"7201", buttonHelpful, discordgo.InteractionResponseChannelMessageWithSource},
		{"7202", buttonNotHelpful, discordgo.InteractionResponseChannelMessageWithSource},
		{"7203", buttonHelpful, discordgo.InteractionResponseChannelMessageWithSource},
		{"7204", "someone-elses-button", discordgo.InteractionResponseDeferredMessageUpdate},
		{"7205", buttonCareTeam, discordgo.InteractionResponseDeferredChannelMessageWithSource},
	}
	for _, tt := range tests {
		h.fake.dispatch("INTERACTION_CREATE", buttonPress(tt.id, tt.custom))
		ack := h.fake.waitReq("POST", "/api/v9/interactions/"+tt.id+"/itok-"+tt.id+"/callback")
		var resp discordgo.InteractionResponse
		decode(t, ack, &resp)
		if resp.Type != tt.wantType {
			t.Errorf("%s: ack type %d, want %d", tt.custom, resp.Type, tt.wantType)
		}
		if tt.wantType != discordgo.InteractionResponseDeferredMessageUpdate && (resp.Data == nil || resp.Data.Flags != discordgo.MessageFlagsEphemeral) {
			t.Errorf("%s: the acknowledgement is not ephemeral: %s", tt.custom, ack.Body)
		}
	}
	// The care team button sends /human through the handler and shows the
	// reply to the presser only (the deferred response was ephemeral).
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7205/messages/@original")
	checkNoPing(t, edit)
	var msg discordgo.Message
	decode(t, edit, &msg)
	if msg.Content != careTeamBody {
		t.Errorf("care team reply = %q", msg.Content)
	}
	if got := h.core.messages(); len(got) != 1 || got[0].Text != bot.CommandCareTeam {
		t.Errorf("handler saw %+v, want one /human", got)
	}
	fb, _, _, _ := h.mon.snapshot()
	if fb[bot.FeedbackHelpful] != 2 || fb[bot.FeedbackNotHelpful] != 1 || fb[bot.FeedbackCareTeam] != 1 {
		t.Errorf("feedback = %v", fb)
	}
}

func TestLongAnswerSplit(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)

	check := func(msgs []discordgo.Message) {
		t.Helper()
		if len(msgs) < 2 {
			t.Fatalf("a 2,500-character answer went out in %d message(s)", len(msgs))
		}
		var all strings.Builder
		for i, m := range msgs {
			if n := utf16.Len(m.Content); n == 0 || n > 2000 {
				t.Errorf("message %d has %d characters", i, n)
			}
			if strings.HasPrefix(m.Content, "\n") || strings.HasSuffix(m.Content, "\n") {
				t.Errorf("message %d is not trimmed", i)
			}
			last := i == len(msgs)-1
			if (len(m.Embeds) > 0) != last {
				t.Errorf("message %d: %d embeds; want the sources on the last message only", i, len(m.Embeds))
			}
			if (len(m.Components) > 0) != last {
				t.Errorf("message %d: %d component rows; want the buttons on the last message only", i, len(m.Components))
			}
			all.WriteString(m.Content)
			all.WriteString("\n\n")
		}
		if !strings.Contains(all.String(), "Paragraph 1.") || !strings.Contains(all.String(), "consult your provider") {
			t.Errorf("text lost in splitting")
		}
		// Split on paragraph boundaries: every message starts a paragraph.
		for i, m := range msgs[1:] {
			if !strings.HasPrefix(m.Content, "Paragraph ") && !strings.HasPrefix(m.Content, "This is general information") {
				t.Errorf("message %d does not start at a paragraph: %.40q", i+1, m.Content)
			}
		}
	}

	// As a slash command: the deferred response, then follow-ups.
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7301", "ask", question("tell me the long version")))
	h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7301/messages/@original")
	// Wait until the follow-ups are in; the edit plus at least one.
	h.fake.waitReqN("POST", "/api/v9/webhooks/"+appID+"/itok-7301", 1)
	time.Sleep(50 * time.Millisecond)
	var msgs []discordgo.Message
	for _, r := range h.fake.requests() {
		if strings.HasPrefix(r.Path, "/api/v9/webhooks/"+appID+"/itok-7301") && (r.Method == "PATCH" || r.Method == "POST") {
			checkNoPing(t, r)
			var m discordgo.Message
			decode(t, r, &m)
			msgs = append(msgs, m)
			if r.Method == "POST" && r.Query != "wait=true" {
				t.Errorf("follow-up without wait=true: %q", r.Query)
			}
		}
	}
	check(msgs)

	// As a direct message: several messages in the channel.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8301", "", dmChannelID, user(userID, false), "the long version please"))
	h.fake.waitReqN("POST", "/api/v9/channels/"+dmChannelID+"/messages", len(msgs))
	time.Sleep(50 * time.Millisecond)
	msgs = nil
	for _, r := range h.fake.requests() {
		if r.Method == "POST" && strings.HasPrefix(r.Path, "/api/v9/channels/"+dmChannelID) {
			var m discordgo.Message
			decode(t, r, &m)
			msgs = append(msgs, m)
		}
	}
	check(msgs)
}

func TestEveryoneDoesNotPing(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8401", "", dmChannelID, user(userID, false), "@everyone and @here look: <@&123> <@456>"))
	r := h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	checkNoPing(t, r)
	var send discordgo.Message
	decode(t, r, &send)
	if strings.Contains(send.Content, "@everyone") || strings.Contains(send.Content, "@here") {
		t.Errorf("content still pings: %q", send.Content)
	}
	if !strings.Contains(send.Content, "@\u200beveryone and @\u200bhere") {
		t.Errorf("content = %q, want the mentions escaped with a zero-width space", send.Content)
	}

	// The same through a slash command (the edit).
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7401", "ask", question("@everyone hi")))
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7401/messages/@original")
	checkNoPing(t, edit)
	if strings.Contains(string(edit.Body), "@everyone") {
		t.Errorf("edit still pings: %s", edit.Body)
	}
}

func TestUrgentReplies(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)

	// In a server: privately to the asker, the public placeholder deleted.
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7501", "ask", question("I have chest pain after my infusion")))
	f := h.fake.waitReq("POST", "/api/v9/webhooks/"+appID+"/itok-7501")
	var p discordgo.WebhookParams
	decode(t, f, &p)
	if p.Flags != discordgo.MessageFlagsEphemeral || !strings.Contains(p.Content, emergencyBody) {
		t.Errorf("urgent follow-up = %s", f.Body)
	}
	h.fake.waitReq("DELETE", "/api/v9/webhooks/"+appID+"/itok-7501/messages/@original")
	if n := h.fake.count("PATCH", "/api/v9/webhooks/"+appID+"/itok-7501"); n != 0 {
		t.Errorf("the urgent reply was also posted publicly")
	}

	// In a DM: it simply replaces the placeholder.
	dm := slashCommand("7502", "ask", question("chest pain"))
	delete(dm, "guild_id")
	delete(dm, "member")
	dm["user"] = user(userID, false)
	dm["channel_id"] = dmChannelID
	h.fake.dispatch("INTERACTION_CREATE", dm)
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7502/messages/@original")
	var msg discordgo.Message
	decode(t, edit, &msg)
	if !strings.Contains(msg.Content, emergencyBody) {
		t.Errorf("DM urgent reply = %q", msg.Content)
	}
	if got := h.core.messages(); len(got) != 2 || got[1].Conversation != "discord:"+userID+"/"+dmChannelID {
		t.Errorf("handler saw %+v", got)
	}
}

func TestUrgentReplyNeverWithheld(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) {
		// Every private follow-up fails (rate limited beyond the bound).
		f.limits["/api/v9/webhooks/"+appID+"/itok-7601"] = 0
		cfg.MaxRateLimitRetries = 1
	})
	h.fake.waitConns(1)
	h.fake.set(func(f *fakeDiscord) {
		f.limits["/api/v9/webhooks/"+appID+"/itok-7601"] = 2 // both tries of the follow-up
	})
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7601", "ask", question("chest pain")))
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7601/messages/@original")
	var msg discordgo.Message
	decode(t, edit, &msg)
	if !strings.Contains(msg.Content, emergencyBody) {
		t.Errorf("fallback urgent reply = %q", msg.Content)
	}
}

func TestHandlerErrorShowsUserMessage(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7701", "ask", question("make it fail")))
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7701/messages/@original")
	var msg discordgo.Message
	decode(t, edit, &msg)
	if msg.Content != failUserText {
		t.Errorf("content = %q, want the error's user text", msg.Content)
	}
	_, _, errs, _ := h.mon.snapshot()
	if errs["handler"] != 1 {
		t.Errorf("errors = %v", errs)
	}
}

func TestRateLimitedRESTWaitedOut(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	h.fake.set(func(f *fakeDiscord) {
		f.limits["/api/v9/interactions/7801/"] = 2
		f.limits["/api/v9/channels/"+dmChannelID] = 1
	})
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7801", "ask", question("rate me")))
	h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7801/messages/@original")
	if n := h.fake.count("POST", "/api/v9/interactions/7801/"); n != 3 {
		t.Errorf("the acknowledgement was sent %d times, want 3 (two 429s)", n)
	}
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8801", "", dmChannelID, user(userID, false), "hello"))
	h.fake.waitReqN("POST", "/api/v9/channels/"+dmChannelID+"/messages", 2)
	_, _, errs, _ := h.mon.snapshot()
	if errs["rate_limited"] != 3 {
		t.Errorf("rate_limited counted %d times, want 3", errs["rate_limited"])
	}

	// Beyond the bound it gives up rather than waiting forever.
	h.fake.set(func(f *fakeDiscord) { f.limits["/api/v9/channels/"+channelID] = 100 })
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8802", guildID, channelID, user(userID, false), "<@"+botUserID+"> hi", user(botUserID, true)))
	h.fake.waitReqN("POST", "/api/v9/channels/"+channelID+"/messages", 4) // 1 + MaxRateLimitRetries
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, _, errs, _ = h.mon.snapshot()
		if errs["send"] == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if errs["send"] != 1 {
		t.Errorf("send errors = %d, want 1", errs["send"])
	}
	time.Sleep(100 * time.Millisecond)
	if n := h.fake.count("POST", "/api/v9/channels/"+channelID); n != 4 {
		t.Errorf("%d tries, want 4", n)
	}
}

func TestFatalCloseCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code int
		want string
	}{
		{4004, "discord: the bot token was rejected (4004): check DISCORD_BOT_TOKEN"},
		{4014, "discord: a privileged intent is not enabled (4014): enable Message Content in the Developer Portal or unset DISCORD_READ_MESSAGES"},
		{4011, "discord: the bot is in too many servers for one connection (4011): set DISCORD_SHARD_ID and DISCORD_SHARD_COUNT"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.code), func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			h := startHarness(t, func(f *fakeDiscord, cfg *Config) { f.closeCode = tt.code })
			select {
			case err := <-h.done:
				h.done <- err
				if err == nil || err.Error() != tt.want {
					t.Errorf("Run = %v, want %q", err, tt.want)
				}
				if took := time.Since(start); took > 3*time.Second {
					t.Errorf("took %v to fail", took)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not fail fast")
			}
			if ids, _ := h.fake.counts(); ids != 1 {
				t.Errorf("identified %d times, want once (no retry)", ids)
			}
		})
	}
}

func TestErrorsIs(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) { f.closeCode = 4004 })
	if err := <-h.done; !errors.Is(err, ErrTokenRejected) {
		t.Errorf("Run = %v, want ErrTokenRejected", err)
	} else {
		h.done <- err
	}
}

func TestBadTokenOnREST(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) { cfg.Token = "not-the-token" })
	select {
	case err := <-h.done:
		h.done <- err
		if err == nil || !strings.Contains(err.Error(), "token was rejected (401)") {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not fail fast on a 401")
	}
}

func TestReconnectAfterDroppedConnection(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	h.fake.drop()
	h.fake.waitConns(2)
	ids, resumes := h.fake.counts()
	if ids != 1 || resumes != 1 {
		t.Errorf("identifies %d, resumes %d; want the session resumed", ids, resumes)
	}
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8901", "", dmChannelID, user(userID, false), "still there?"))
	h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	_, reconnects, _, connected := h.mon.snapshot()
	if reconnects < 1 {
		t.Errorf("reconnects = %d", reconnects)
	}
	if len(connected) < 3 || !connected[0] || connected[len(connected)-1] != true {
		t.Errorf("connected reports = %v, want up, down, …, up", connected)
	}
	// The commands are registered once per Run, not per connection.
	if n := h.fake.count("PUT", "/api/v9/applications/"); n != 1 {
		t.Errorf("commands registered %d times", n)
	}
}

func TestReconnectOnOp7(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	c := h.fake.waitConns(1)
	if err := c.write(map[string]any{"op": 7, "d": nil}); err != nil {
		t.Fatal(err)
	}
	h.fake.waitConns(2)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("9001", "", dmChannelID, user(userID, false), "hello again"))
	h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	if _, resumes := h.fake.counts(); resumes != 1 {
		t.Errorf("resumes = %d", resumes)
	}
}

func TestSilentGatewayReplaced(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) {
		f.silentConns = 1
		f.heartbeatMs = 60000 // discordgo's own check would take 5 minutes
		cfg.HeartbeatTimeout = 300 * time.Millisecond
	})
	h.fake.waitConns(1)
	start := time.Now()
	h.fake.waitConns(2)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v to replace a silent connection", took)
	}
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("9101", "", dmChannelID, user(userID, false), "hello"))
	h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	_, reconnects, errs, _ := h.mon.snapshot()
	if errs["gateway_silent"] < 1 || reconnects < 1 {
		t.Errorf("errors %v, reconnects %d", errs, reconnects)
	}
}

func TestConnectAttemptTimesOut(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) {
		f.hangHello = 1
		cfg.OpenTimeout = 200 * time.Millisecond
	})
	h.fake.waitConns(1)
	_, reconnects, errs, _ := h.mon.snapshot()
	if errs["connect"] != 1 || reconnects != 1 {
		t.Errorf("errors %v, reconnects %d", errs, reconnects)
	}
}

func TestCancelWhileConnecting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(f *fakeDiscord)
	}{
		{"waiting for HELLO", func(f *fakeDiscord) { f.hangHello = 100 }},
		{"waiting for GET /gateway", func(f *fakeDiscord) { f.hangGateway = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startHarness(t, func(f *fakeDiscord, cfg *Config) {
				tt.setup(f)
				cfg.OpenTimeout = time.Minute
			})
			time.Sleep(200 * time.Millisecond)
			err, took := h.stop()
			if err != nil || took > 2*time.Second {
				t.Errorf("Run = %v after %v", err, took)
			}
		})
	}
}

func TestCancelFinishesInFlightReplies(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.core.mu.Lock()
	h.core.delay = 500 * time.Millisecond
	h.core.mu.Unlock()
	h.fake.waitConns(1)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("9201", "", dmChannelID, user(userID, false), "slow one"))
	// Wait until the handler has the message, then cancel.
	deadline := time.Now().Add(5 * time.Second)
	for len(h.core.messages()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	err, took := h.stop()
	if err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
	if took > 3*time.Second {
		t.Errorf("Run took %v to return after cancel", took)
	}
	if n := h.fake.count("POST", "/api/v9/channels/"+dmChannelID); n != 1 {
		t.Errorf("the in-flight reply was not finished (%d sent)", n)
	}
	_, _, _, connected := h.mon.snapshot()
	if len(connected) == 0 || connected[len(connected)-1] {
		t.Errorf("connected reports = %v, want down last", connected)
	}
	// Run may be called again after it returned, but not concurrently.
	if err := h.a.Run(context.Background(), nil); err == nil {
		t.Error("Run with a nil handler succeeded")
	}
}

func TestShutdownCancelsStuckReplies(t *testing.T) {
	t.Parallel()
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) { cfg.ShutdownTimeout = 200 * time.Millisecond })
	h.fake.waitConns(1)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("9301", "", dmChannelID, user(userID, false), "panic"))
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("9302", "", dmChannelID, user(userID, false), "block"))
	deadline := time.Now().Add(5 * time.Second)
	for len(h.core.messages()) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	err, took := h.stop()
	if !errors.Is(err, bot.ErrCutOff) || took > 3*time.Second {
		t.Errorf("Run = %v after %v, want bot.ErrCutOff (a reply was cut off)", err, took)
	}
	_, _, errs, _ := h.mon.snapshot()
	if errs["panic"] != 1 {
		t.Errorf("errors = %v, want the panic counted", errs)
	}
}

func TestRunTwice(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	if err := h.a.Run(context.Background(), h.core); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Errorf("second Run = %v", err)
	}
}
