package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/utf16"
)

func TestStartCommand(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, func(c *Config) { c.TypingDelay = time.Hour })
	h.f.push(textMessage(privateChat(42), 7, "/start"))
	sent := h.waitSent(42, 1)

	got := h.core.got()
	if len(got) != 1 {
		t.Fatalf("handler got %d messages, want 1", len(got))
	}
	want := bot.Message{Platform: "telegram", Conversation: "telegram:42", User: "7", Text: "/start", Time: got[0].Time}
	if got[0] != want || got[0].Time.IsZero() {
		t.Errorf("handler got %+v, want %+v", got[0], want)
	}
	p := sent[0].Params
	if p.Get("parse_mode") != "HTML" || !strings.Contains(p.Get("text"), "IV lidocaine and ketamine") {
		t.Errorf("reply params %v", p)
	}
	if p.Get("reply_markup") != "" {
		t.Errorf("a greeting got buttons: %s", p.Get("reply_markup"))
	}
	if len(h.f.callsOf("setMyCommands")) != 1 {
		t.Errorf("setMyCommands not called once")
	} else if cmds := h.f.callsOf("setMyCommands")[0].Params.Get("commands"); !strings.Contains(cmds, `"human"`) || !strings.Contains(cmds, `"sources"`) {
		t.Errorf("setMyCommands commands %s", cmds)
	}
	if n := len(h.f.callsOf("sendChatAction")); n != 0 {
		t.Errorf("%d typing actions for an answer quicker than TypingDelay, want none", n)
	}
	if len(h.f.callsOf("deleteWebhook")) != 0 || len(h.f.callsOf("setWebhook")) != 0 {
		t.Errorf("polling touched the webhook")
	}
	if err := h.stop(); err != nil {
		t.Errorf("Run returned %v after cancel, want nil", err)
	}
}

// An answer that takes a while shows "typing…" first.
func TestTypingShownForSlowAnswers(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, func(c *Config) { c.TypingDelay = time.Millisecond })
	h.core.mu.Lock()
	h.core.delay = 2 * time.Second
	h.core.mu.Unlock()
	h.f.push(textMessage(privateChat(42), 7, "a slow question"))
	waitFor(t, "the typing action", func() bool { return len(h.f.callsOf("sendChatAction")) > 0 })
	if n := len(h.f.sent(42)); n != 0 {
		t.Errorf("the reply came before the typing action")
	}
	if a := h.f.callsOf("sendChatAction")[0].Params.Get("action"); a != "typing" {
		t.Errorf("chat action %q, want typing", a)
	}
	h.waitSent(42, 1)
}

// buttons decodes a reply_markup parameter.
func buttons(t *testing.T, markup string) []tgbotapi.InlineKeyboardButton {
	t.Helper()
	if markup == "" {
		return nil
	}
	var kb tgbotapi.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(markup), &kb); err != nil {
		t.Fatalf("reply_markup %q: %v", markup, err)
	}
	var out []tgbotapi.InlineKeyboardButton
	for _, row := range kb.InlineKeyboard {
		out = append(out, row...)
	}
	return out
}

func TestQuestionWithCitationsAndButtons(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.f.push(textMessage(privateChat(42), 7, `How long is <b>ketamine</b> & "why"?`))
	sent := h.waitSent(42, 1)
	if len(sent) != 1 {
		t.Fatalf("%d messages, want 1", len(sent))
	}
	text := sent[0].Params.Get("text")
	for _, want := range []string{
		"You asked: How long is &lt;b&gt;ketamine&lt;/b&gt; &amp; &quot;why&quot;?",
		"[1]", "[2]",
		"<b>Sources</b>\n1. Ketamine &lt;Infusions&gt; &amp; You — How long?\n2. IV Lidocaine — Safety",
		"<i>" + handoffLine + "</i>",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("reply lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<b>ketamine") {
		t.Errorf("user HTML not escaped:\n%s", text)
	}
	bs := buttons(t, sent[0].Params.Get("reply_markup"))
	var labels, data []string
	for _, b := range bs {
		labels = append(labels, b.Text)
		if b.CallbackData != nil {
			data = append(data, *b.CallbackData)
		}
	}
	if strings.Join(labels, "|") != "Helpful|Not helpful|Talk to the care team" {
		t.Errorf("buttons %q", labels)
	}
	if strings.Join(data, "|") != "fb:helpful|fb:not_helpful|fb:care_team" {
		t.Errorf("callback data %q", data)
	}
}

func TestEmergencyHasNoButtons(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, func(c *Config) { c.ChatInterval = time.Hour }) // urgent replies skip pacing
	h.f.push(textMessage(privateChat(42), 7, "what is ketamine"))
	h.waitSent(42, 1)
	h.f.push(textMessage(privateChat(42), 7, "I can't breathe"))
	sent := h.waitSent(42, 2)
	if !strings.Contains(sent[1].Params.Get("text"), emergencyBody) {
		t.Errorf("emergency reply %q", sent[1].Params.Get("text"))
	}
	if m := sent[1].Params.Get("reply_markup"); m != "" {
		t.Errorf("emergency reply has buttons: %s", m)
	}
}

func TestHandlerErrorShowsUserMessage(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.f.push(textMessage(privateChat(42), 7, "fail please"))
	sent := h.waitSent(42, 1)
	if got := sent[0].Params.Get("text"); got != "Sorry, the &lt;index&gt; is not ready." {
		t.Errorf("error reply %q", got)
	}
	if strings.Contains(h.logBuf.String(), "chat 42") {
		t.Errorf("the handler's detail was logged")
	}
}

func TestCallbacks(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.f.push(callback(privateChat(42), 7, "cb1", "fb:helpful"))
	h.f.push(callback(privateChat(42), 7, "cb2", "fb:not_helpful"))
	h.f.push(callback(privateChat(42), 7, "cb3", "garbage"))
	h.f.push(callback(privateChat(42), 7, "cb4", "fb:care_team"))
	sent := h.waitSent(42, 1)
	waitFor(t, "callbacks answered", func() bool { return len(h.f.callsOf("answerCallbackQuery")) == 4 })
	var ids []string
	for _, c := range h.f.callsOf("answerCallbackQuery") {
		ids = append(ids, c.Params.Get("callback_query_id"))
	}
	if strings.Join(ids, ",") != "cb1,cb2,cb3,cb4" {
		t.Errorf("answered callbacks %v", ids)
	}
	for kind, n := range map[bot.FeedbackKind]int{bot.FeedbackHelpful: 1, bot.FeedbackNotHelpful: 1, bot.FeedbackCareTeam: 1} {
		if got := h.mon.get(func(m *recMonitor) int { return m.feedback[kind] }); got != n {
			t.Errorf("feedback %s = %d, want %d", kind, got, n)
		}
	}
	// A rated answer loses its rating buttons (so it is not rated twice)
	// and keeps the care-team one.
	waitFor(t, "rating buttons removed", func() bool { return len(h.f.callsOf("editMessageReplyMarkup")) == 2 })
	for _, c := range h.f.callsOf("editMessageReplyMarkup") {
		kb := c.Params.Get("reply_markup")
		if c.Params.Get("chat_id") != "42" || c.Params.Get("message_id") != "11" ||
			strings.Contains(kb, "fb:helpful") || !strings.Contains(kb, "fb:care_team") {
			t.Errorf("editMessageReplyMarkup %v", c.Params)
		}
	}
	got := h.core.got()
	if len(got) != 1 || got[0].Text != "/human" || got[0].Conversation != "telegram:42" || got[0].User != "7" {
		t.Errorf("handler got %+v, want one /human", got)
	}
	if !strings.Contains(sent[0].Params.Get("text"), "care team at 555-0100") {
		t.Errorf("care team reply %q", sent[0].Params.Get("text"))
	}
}

func TestRateLimitedSendIsRetried(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.failNext("sendMessage", 1, tooMany(1))
	h := startHarness(t, f, nil)
	h.f.push(textMessage(privateChat(42), 7, "first question"))
	h.f.push(textMessage(privateChat(42), 7, "second question"))
	waitFor(t, "both replies", func() bool {
		n := 0
		for _, c := range f.callsOf("sendMessage") {
			if strings.Contains(c.Params.Get("text"), "question") {
				n++
			}
		}
		return n >= 3 // the refused one, its retry, the second
	})
	calls := f.callsOf("sendMessage")
	if len(calls) != 3 {
		t.Fatalf("%d sendMessage calls, want 3", len(calls))
	}
	if gap := calls[1].At.Sub(calls[0].At); gap < 950*time.Millisecond {
		t.Errorf("retried after %v, want retry_after (1 s) honoured", gap)
	}
	if !strings.Contains(calls[1].Params.Get("text"), "first question") || !strings.Contains(calls[2].Params.Get("text"), "second question") {
		t.Errorf("replies lost or out of order")
	}
	if n := h.mon.get(func(m *recMonitor) int { return m.errors["rate_limited"] }); n != 1 {
		t.Errorf("rate_limited counted %d times", n)
	}
}

func TestRateLimitedPollIsRetriedAfter(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.failNext("getUpdates", 1, tooMany(1))
	h := startHarness(t, f, nil)
	h.f.push(textMessage(privateChat(42), 7, "after the limit"))
	h.waitSent(42, 1)
	ups := f.callsOf("getUpdates")
	if gap := ups[1].At.Sub(ups[0].At); gap < 950*time.Millisecond {
		t.Errorf("getUpdates retried after %v, want retry_after (1 s) honoured", gap)
	}
}

func TestHandlerPanicIsContained(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.f.push(textMessage(privateChat(42), 7, "panic please"))
	h.f.push(textMessage(privateChat(42), 7, "and then a question"))
	sent := h.waitSent(42, 1)
	if !strings.Contains(sent[0].Params.Get("text"), "and then a question") {
		t.Errorf("reply %q", sent[0].Params.Get("text"))
	}
	if n := h.mon.get(func(m *recMonitor) int { return m.errors["panic"] }); n != 1 {
		t.Errorf("panics counted %d", n)
	}
}

func TestSendGivesUpAfterMaxTries(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.failNext("sendMessage", 3, apiFail(502, "Bad Gateway"))
	h := startHarness(t, f, func(c *Config) { c.MaxSendTries = 2 })
	h.f.push(textMessage(privateChat(42), 7, "first question"))
	h.f.push(textMessage(privateChat(42), 7, "second question"))
	waitFor(t, "the second reply", func() bool { return len(f.sent(42)) >= 4 })
	time.Sleep(100 * time.Millisecond)
	// First: 2 tries (both 502); second: one 502, then sent.
	if n := len(f.sent(42)); n != 4 {
		t.Errorf("%d sendMessage calls, want 4", n)
	}
	if n := h.mon.get(func(m *recMonitor) int { return m.errors["send"] }); n != 1 {
		t.Errorf("send errors %d, want 1", n)
	}
}

func TestUrgentReplyOutlastsRateLimits(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.failNext("sendMessage", 3, apiFail(500, "Internal Server Error"))
	h := startHarness(t, f, func(c *Config) { c.MaxSendTries = 1 })
	h.f.push(textMessage(privateChat(42), 7, "I can't breathe"))
	sent := h.waitSent(42, 4)
	if !strings.Contains(sent[3].Params.Get("text"), emergencyBody) {
		t.Errorf("emergency reply not delivered in the end")
	}
}

func TestFatalErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		setup  func(f *fakeAPI, c *Config)
		want   error
		substr string
	}{
		{"bad token at getMe", func(f *fakeAPI, c *Config) { c.Token = "123456:WRONG-token_abcdefghijklmnopqrstuvwxyz0123" }, ErrTokenRejected, "check TELEGRAM_BOT_TOKEN"},
		{"401 while polling", func(f *fakeAPI, c *Config) { f.failNext("getUpdates", 1, apiFail(401, "Unauthorized")) }, ErrTokenRejected, "(401)"},
		{"409 while polling", func(f *fakeAPI, c *Config) {
			f.failNext("getUpdates", 1, apiFail(409, "Conflict: can't use getUpdates method while webhook is active"))
		}, ErrConflict, "another poller or a webhook is active (409)"},
		{"webhook refused", func(f *fakeAPI, c *Config) {
			c.WebhookURL, c.WebhookSecret = "https://bot.example.org/telegram/webhook", testSecret
			f.failNext("setWebhook", 1, apiFail(400, "Bad Request: bad webhook: HTTPS url must be provided"))
		}, nil, "refused the webhook (400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			h := startHarness(t, f, func(c *Config) { tt.setup(f, c) })
			start := time.Now()
			err := h.runErr(5 * time.Second)
			if err == nil {
				t.Fatal("Run returned nil")
			}
			if time.Since(start) > 2*time.Second {
				t.Errorf("Run took %v to fail", time.Since(start))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("err %q lacks %q", err, tt.substr)
			}
			if strings.Contains(err.Error(), "WRONG-token") || strings.Contains(err.Error(), testToken) {
				t.Errorf("err holds the token: %v", err)
			}
			if n := len(f.callsOf("deleteWebhook")); n != 0 {
				t.Errorf("deleteWebhook called")
			}
		})
	}
}

func TestNetworkDropBacksOffAndRecovers(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.failNext("getMe", 2, dropConn)
	f.failNext("getUpdates", 3, dropConn)
	f.failNext("getUpdates", 1, injection{status: 502, body: "<html>Bad Gateway</html>"})
	h := startHarness(t, f, nil)
	h.f.push(textMessage(privateChat(42), 7, "still there?"))
	h.waitSent(42, 1)
	if n := h.mon.get(func(m *recMonitor) int { return m.reconnects }); n < 6 {
		t.Errorf("reconnects %d, want >= 6", n)
	}
	if h.mon.get(func(m *recMonitor) int {
		if m.up {
			return 1
		}
		return 0
	}) != 1 {
		t.Errorf("monitor not told the adapter is connected")
	}
	// Backoff grows: the getUpdates attempts are spaced out.
	ups := f.callsOf("getUpdates")
	if len(ups) < 5 {
		t.Fatalf("%d getUpdates calls", len(ups))
	}
	if gap := ups[3].At.Sub(ups[2].At); gap < 10*time.Millisecond {
		t.Errorf("retry after %v: no backoff", gap)
	}
	log := h.logBuf.String()
	if !strings.Contains(log, "getUpdates failed") || strings.Contains(log, testToken) {
		t.Errorf("log:\n%s", log)
	}
	if !strings.Contains(log, "<redacted>") {
		t.Errorf("network errors were logged without the redacted URL:\n%s", log)
	}
}

func TestOffsetAcknowledgedAfterHandling(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.core.mu.Lock()
	h.core.delay = 300 * time.Millisecond
	h.core.mu.Unlock()
	h.f.push(textMessage(privateChat(42), 7, "slow one"))
	waitFor(t, "the handler to start", func() bool { return len(h.core.got()) == 1 })
	time.Sleep(100 * time.Millisecond)
	// While it is being handled, the poller may poll again (for other
	// chats) but has not confirmed it: no offset beyond its id.
	for _, c := range h.f.callsOf("getUpdates") {
		if off, _ := strconv.Atoi(c.Params.Get("offset")); off > 100 {
			t.Errorf("getUpdates with offset %d while update 100 was being handled", off)
		}
	}
	h.waitSent(42, 1)
	waitFor(t, "the update to be confirmed", func() bool {
		calls := h.f.callsOf("getUpdates")
		return len(calls) >= 2 && calls[len(calls)-1].Params.Get("offset") == "101"
	})
}

func TestCancelStopsPromptlyWithoutLeaks(t *testing.T) {
	// Not parallel: it counts goroutines.
	f := newFakeAPI(t)
	before := runtime.NumGoroutine()
	cfg := testConfig(f)
	cfg.PollTimeout = 30 * time.Second // a long poll is in flight when cancelled
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	core := &fakeCore{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, core) }()
	f.push(textMessage(privateChat(42), 7, "hello"))
	waitFor(t, "the reply", func() bool { return len(f.sent(42)) == 1 })
	waitFor(t, "the next long poll", func() bool { return len(f.callsOf("getUpdates")) >= 2 })
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("Run did not return within 1 s of cancel")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Run took %v to stop", d)
	}
	settleGoroutines(t, before)
}

func TestCancelFinishesInFlightReply(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.core.mu.Lock()
	h.core.delay = 300 * time.Millisecond
	h.core.mu.Unlock()
	h.f.push(textMessage(privateChat(42), 7, "answer me before you go"))
	waitFor(t, "the handler to start", func() bool { return len(h.core.got()) == 1 })
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(h.f.sent(42)); n != 1 {
		t.Errorf("%d replies sent after shutdown, want 1 (in-flight replies are finished)", n)
	}
	// The handled update was confirmed on the way out.
	calls := h.f.callsOf("getUpdates")
	if last := calls[len(calls)-1].Params.Get("offset"); last != "101" {
		t.Errorf("last getUpdates offset %q, want 101", last)
	}
}

// A reply cut short at the shutdown deadline leaves its update unconfirmed,
// so that Telegram delivers it again to the next start.
func TestAbandonedReplyIsNotConfirmed(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, func(c *Config) { c.ShutdownTimeout = 100 * time.Millisecond })
	h.core.mu.Lock()
	h.core.delay = 2 * time.Second
	h.core.mu.Unlock()
	h.f.push(textMessage(privateChat(42), 7, "too slow to answer"))
	waitFor(t, "the handler to start", func() bool { return len(h.core.got()) == 1 })
	_ = h.stop()
	if n := len(h.f.sent(42)); n != 0 {
		t.Errorf("%d replies sent, want none (the handler was cut short)", n)
	}
	for _, c := range h.f.callsOf("getUpdates") {
		if off, _ := strconv.Atoi(c.Params.Get("offset")); off > 100 {
			t.Errorf("getUpdates with offset %d: the unanswered update 100 was confirmed", off)
		}
	}
}

func TestLongUserMessage(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	long := strings.Repeat("é<", 15000) // 30,000 characters
	h.f.push(textMessage(privateChat(42), 7, long))
	waitFor(t, "the last part", func() bool {
		s := h.f.sent(42)
		return len(s) > 0 && strings.Contains(s[len(s)-1].Params.Get("text"), handoffLine)
	})
	sent := h.f.sent(42)
	got := h.core.got()
	if len(got) != 1 || got[0].Text != long {
		t.Fatalf("the handler did not get the whole message")
	}
	for _, s := range sent {
		if n := utf16.Len(s.Params.Get("text")); n > 4096 {
			t.Errorf("a part is %d units", n)
		}
		if strings.Contains(s.Params.Get("text"), "é<") {
			t.Errorf("echoed text not escaped")
		}
	}
	if len(sent) < 2 {
		t.Errorf("echo of 30,000 characters sent in %d message(s)", len(sent))
	}
}

func TestLongAnswerIsSplit(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.f.push(textMessage(privateChat(42), 7, "long answer please"))
	want := splitHTML(renderReply(bot.Reply{Answered: true, Body: longAnswer(), Citations: []bot.Citation{
		{Title: "Ketamine <Infusions> & You", Section: "How long?"}, {Title: "IV Lidocaine", Section: "Safety"}}, Handoff: handoffLine}), 4096)
	if len(want) < 2 {
		t.Fatalf("test answer is not long enough")
	}
	sent := h.waitSent(42, len(want))
	time.Sleep(50 * time.Millisecond)
	sent = h.f.sent(42)
	if len(sent) != len(want) {
		t.Fatalf("%d parts sent, want %d", len(sent), len(want))
	}
	for i, s := range sent {
		text := s.Params.Get("text")
		if text != want[i] {
			t.Errorf("part %d out of order or altered", i)
		}
		if n := utf16.Len(text); n > 4096 {
			t.Errorf("part %d is %d UTF-16 units", i, n)
		}
		if err := checkBalanced(text); err != nil {
			t.Errorf("part %d: %v", i, err)
		}
		hasKB := s.Params.Get("reply_markup") != ""
		if hasKB != (i == len(sent)-1) {
			t.Errorf("part %d: keyboard %v", i, hasKB)
		}
	}
}

func TestGroupsAndMessageShapes(t *testing.T) {
	t.Parallel()
	const group = -1001
	replyToBot := textMessage(groupChat(group), 7, "and for lidocaine?")
	replyToBot["message"].(map[string]any)["reply_to_message"] = map[string]any{
		"message_id": 5, "date": 1, "chat": groupChat(group), "from": map[string]any{"id": botID, "is_bot": true, "first_name": "Infusion"}, "text": "earlier answer"}
	photo := func(chat map[string]any) map[string]any {
		return map[string]any{"message": map[string]any{"message_id": 12, "date": 1, "chat": chat, "from": user(7),
			"photo": []any{map[string]any{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}}}}
	}
	tests := []struct {
		name      string
		update    map[string]any
		chat      int64
		wantText  string // what the handler should get; "" means not called
		wantReply string // substring of the reply; "" means no reply
	}{
		{"group chatter ignored", textMessage(groupChat(group), 7, "anyone tried ketamine?"), group, "", ""},
		{"group mention", textMessage(groupChat(group), 7, "@infusionbot how long does it take?"), group, "how long does it take?", "You asked"},
		{"group mention mid-sentence", textMessage(groupChat(group), 7, "hey @InfusionBot, how long?"), group, "hey , how long?", "You asked"},
		{"mention of another name", textMessage(groupChat(group), 7, "@InfusionBotFan how long?"), group, "", ""},
		{"group command with botname", textMessage(groupChat(group), 7, "/help@InfusionBot"), group, "/help", "Ask me"},
		{"group command for another bot", textMessage(groupChat(group), 7, "/help@OtherBot"), group, "", ""},
		{"group plain command", textMessage(groupChat(group), 7, "/sources"), group, "/sources", "You asked"},
		{"group reply to the bot", replyToBot, group, "and for lidocaine?", "You asked"},
		{"private command with botname and args", textMessage(privateChat(43), 7, "/start@InfusionBot hello"), 43, "/start hello", "You asked"},
		{"private photo", photo(privateChat(44)), 44, "", textOnlyReply},
		{"group photo", photo(groupChat(group)), group, "", ""},
		{"edited message", map[string]any{"edited_message": textMessage(privateChat(45), 7, "edited")["message"]}, 45, "", ""},
		{"channel post", map[string]any{"channel_post": map[string]any{"message_id": 1, "date": 1, "chat": map[string]any{"id": 46, "type": "channel"}, "text": "post"}}, 46, "", ""},
		{"message without chat", map[string]any{"message": map[string]any{"message_id": 1, "text": "no chat"}}, 0, "", ""},
		{"message without sender", map[string]any{"message": map[string]any{"message_id": 1, "date": 1, "chat": privateChat(47), "text": "anon"}}, 47, "anon", "You asked"},
		{"callback without message", map[string]any{"callback_query": map[string]any{"id": "cbx", "from": user(7), "data": "fb:care_team"}}, 0, "", ""},
		{"callback without id", map[string]any{"callback_query": map[string]any{"from": user(7)}}, 0, "", ""},
		{"empty update", map[string]any{}, 0, "", ""},
		{"message from a bot", map[string]any{"message": map[string]any{"message_id": 1, "date": 1, "chat": privateChat(48), "from": map[string]any{"id": 5, "is_bot": true, "first_name": "B"}, "text": "hi"}}, 48, "", ""},
		{"empty text in private", textMessage(privateChat(49), 7, ""), 49, "", ""},
		{"entity longer than text", map[string]any{"message": map[string]any{"message_id": 1, "date": 1, "chat": privateChat(50), "from": user(7), "text": "/x",
			"entities": []any{map[string]any{"type": "bot_command", "offset": 0, "length": 99}}}}, 50, "/x", "You asked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := startHarness(t, nil, nil)
			id := h.f.push(tt.update)
			h.waitAcked(id)
			var texts []string
			for _, m := range h.core.got() {
				texts = append(texts, m.Text)
			}
			if tt.wantText == "" && len(texts) != 0 {
				t.Errorf("handler got %q, want nothing", texts)
			}
			if tt.wantText != "" && (len(texts) != 1 || texts[0] != tt.wantText) {
				t.Errorf("handler got %q, want %q", texts, tt.wantText)
			}
			if tt.chat == 0 {
				return
			}
			sent := h.f.sent(tt.chat)
			if tt.wantReply == "" && len(sent) != 0 {
				t.Errorf("reply sent: %q", sent[0].Params.Get("text"))
			}
			if tt.wantReply != "" {
				if len(sent) != 1 || !strings.Contains(sent[0].Params.Get("text"), tt.wantReply) {
					t.Fatalf("replies %v, want one containing %q", sent, tt.wantReply)
				}
				if tt.chat == group && sent[0].Params.Get("reply_to_message_id") == "" {
					t.Errorf("a group reply does not quote the question")
				}
			}
		})
	}
}

// A chat's paced queue holds back only that chat. The spacing itself is
// the pacer's (TestPacer), the order the outbox's (TestOutbox): here the
// interval is so long that chat 42's second reply cannot be due during the
// test, whatever the machine's load.
func TestPerChatOrderAndPacing(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, func(c *Config) {
		c.ChatInterval = time.Hour
		c.ShutdownTimeout = 50 * time.Millisecond
	})
	for _, q := range []string{"q1", "q2", "q3"} {
		h.f.push(textMessage(privateChat(42), 7, q))
	}
	first := h.waitSent(42, 1)
	if !strings.Contains(first[0].Params.Get("text"), "You asked: q1") {
		t.Errorf("chat 42's first reply is not for q1: %q", first[0].Params.Get("text"))
	}
	h.f.push(textMessage(privateChat(43), 8, "other chat"))
	other := h.waitSent(43, 1)
	if !strings.Contains(other[0].Params.Get("text"), "You asked: other chat") {
		t.Errorf("chat 43 got %q", other[0].Params.Get("text"))
	}
	if n := len(h.f.sent(42)); n != 1 {
		t.Errorf("chat 42 got %d replies within its first interval, want 1", n)
	}
}

func TestTokenNeverInLogsOrErrors(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	f := newFakeAPI(t)
	f.failNext("getMe", 1, dropConn)
	f.failNext("setMyCommands", 1, dropConn)
	f.failNext("getUpdates", 2, dropConn)
	f.failNext("sendMessage", 5, dropConn)
	f.failNext("sendChatAction", 1, dropConn)
	cfg := testConfig(f)
	cfg.Logger = slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg.MaxSendTries = 5
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, &fakeCore{}) }()
	f.push(textMessage(privateChat(42), 7, "secret question text"))
	f.push(textMessage(privateChat(42), 7, "second question text"))
	waitFor(t, "a reply", func() bool { return len(f.sent(42)) >= 6 })
	cancel()
	<-done
	// And a bad token.
	cfg.Token = "654321:ANOTHER-token_abcdefghijklmnopqrstuvwxyz"
	a2, _ := New(cfg)
	err = a2.Run(context.Background(), &fakeCore{})
	log := buf.String()
	for _, s := range []string{testToken, "ANOTHER-token", "secret question", "second question", `"42"`, "chat_id"} {
		if strings.Contains(log, s) {
			t.Errorf("log holds %q:\n%s", s, log)
		}
		if err != nil && strings.Contains(err.Error(), s) {
			t.Errorf("error holds %q: %v", s, err)
		}
	}
	if !strings.Contains(log, "<redacted>") {
		t.Errorf("expected redacted URLs in the log:\n%s", log)
	}
}

func TestRunTwiceAndNilHandler(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	a, err := New(testConfig(f))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Run(context.Background(), nil); err == nil {
		t.Error("Run(nil handler) returned nil")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Run(ctx, &fakeCore{}); err != nil {
		t.Errorf("Run on a cancelled context: %v", err)
	}
	if err := a.Run(context.Background(), &fakeCore{}); err == nil {
		t.Error("second Run returned nil")
	}
}

// webhookPost sends one webhook request to the adapter's handler.
func webhookPost(t *testing.T, hd http.Handler, method, secret string, body []byte) int {
	t.Helper()
	r := httptest.NewRequest(method, "/telegram/webhook", bytes.NewReader(body))
	if secret != "" {
		r.Header.Set(SecretHeader, secret)
	}
	w := httptest.NewRecorder()
	hd.ServeHTTP(w, r)
	return w.Code
}

func TestWebhook(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	h := startHarness(t, f, func(c *Config) {
		c.WebhookURL, c.WebhookSecret = "https://bot.example.org/telegram/webhook", testSecret
		c.MaxBodyBytes = 64 << 10
	})
	if got := h.a.WebhookPath(); got != "/telegram/webhook" {
		t.Errorf("WebhookPath %q", got)
	}
	hd := h.a.WebhookHandler()
	upd := func(id int, text string) []byte {
		u := textMessage(privateChat(42), 7, text)
		u["update_id"] = id
		b, _ := json.Marshal(u)
		return b
	}
	// Before Run has registered the webhook: 503 (Telegram retries).
	waitFor(t, "setWebhook", func() bool { return len(f.callsOf("setWebhook")) == 1 })
	waitFor(t, "webhook running", func() bool {
		return webhookPost(t, hd, "POST", testSecret, []byte(`{"update_id":1}`)) == 200
	})
	p := f.callsOf("setWebhook")[0].Params
	if p.Get("url") != "https://bot.example.org/telegram/webhook" || p.Get("secret_token") != testSecret || !strings.Contains(p.Get("allowed_updates"), "callback_query") {
		t.Errorf("setWebhook params %v", p)
	}
	if n := len(f.callsOf("getUpdates")); n != 0 {
		t.Errorf("webhook mode polled %d times", n)
	}

	tests := []struct {
		name   string
		method string
		secret string
		body   []byte
		want   int
	}{
		{"wrong secret", "POST", "nope", upd(500, "hi"), http.StatusForbidden},
		{"secret with a different case", "POST", strings.ToUpper(testSecret), upd(501, "hi"), http.StatusForbidden},
		{"missing secret", "POST", "", upd(502, "hi"), http.StatusUnauthorized},
		{"GET", "GET", testSecret, nil, http.StatusMethodNotAllowed},
		{"malformed JSON", "POST", testSecret, []byte(`{"update_id":`), http.StatusBadRequest},
		{"not an update", "POST", testSecret, []byte(`[1,2]`), http.StatusBadRequest},
		{"no update id", "POST", testSecret, []byte(`{}`), http.StatusBadRequest},
		{"too large", "POST", testSecret, append(upd(503, strings.Repeat("a", 70<<10)), ' '), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		if got := webhookPost(t, hd, tt.method, tt.secret, tt.body); got != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
		}
	}

	// A valid update, delivered twice: handled once.
	for range 2 {
		if got := webhookPost(t, hd, "POST", testSecret, upd(600, "webhook question")); got != 200 {
			t.Fatalf("status %d", got)
		}
	}
	sent := h.waitSent(42, 1)
	time.Sleep(100 * time.Millisecond)
	if n := len(h.f.sent(42)); n != 1 {
		t.Errorf("%d replies to a duplicated update, want 1", n)
	}
	if !strings.Contains(sent[0].Params.Get("text"), "webhook question") {
		t.Errorf("reply %q", sent[0].Params.Get("text"))
	}
	if n := len(h.core.got()); n != 1 {
		t.Errorf("handler called %d times", n)
	}
	if n := h.mon.get(func(m *recMonitor) int { return m.errors["webhook_rejected"] }); n != 3 {
		t.Errorf("webhook_rejected %d, want 3", n)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if got := webhookPost(t, hd, "POST", testSecret, upd(700, "after")); got != http.StatusServiceUnavailable {
		t.Errorf("after Run: status %d, want 503", got)
	}
	if strings.Contains(h.logBuf.String(), testSecret) {
		t.Errorf("the webhook secret was logged")
	}
}

func TestWebhookHandlerInPollingMode(t *testing.T) {
	t.Parallel()
	a, err := New(Config{Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	if a.WebhookPath() != "" || a.Webhook() {
		t.Errorf("polling adapter reports a webhook")
	}
	if got := webhookPost(t, a.WebhookHandler(), "POST", testSecret, []byte(`{"update_id":1}`)); got != 404 {
		t.Errorf("status %d, want 404", got)
	}
}

func TestWebhookShutdownWithoutLeaks(t *testing.T) {
	// Not parallel: it counts goroutines.
	f := newFakeAPI(t)
	before := runtime.NumGoroutine()
	cfg := testConfig(f)
	cfg.WebhookURL, cfg.WebhookSecret = "https://bot.example.org/telegram/webhook", testSecret
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	core := &fakeCore{delay: 200 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, core) }()
	u := textMessage(privateChat(42), 7, "in flight at shutdown")
	u["update_id"] = 1
	body, _ := json.Marshal(u)
	waitFor(t, "the webhook to accept", func() bool {
		return webhookPost(t, a.WebhookHandler(), "POST", testSecret, body) == 200
	})
	waitFor(t, "the handler to start", func() bool { return len(core.got()) == 1 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return")
	}
	if n := len(f.sent(42)); n != 1 {
		t.Errorf("%d replies, want the in-flight one finished", n)
	}
	settleGoroutines(t, before)
}
