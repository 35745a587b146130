package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// End-to-end tests of `infusionbot serve` with the Telegram adapter in
// long-polling mode, against a fake of the Bot API: the acceptance criterion
// "serve with TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL pointed at a fake of
// the Bot API answers, and exits 0 within a few seconds of SIGTERM after
// finishing in-flight replies". (main turns SIGTERM into the cancellation of
// runServe's context.)

// tgSent is one sendMessage the fake answered.
type tgSent struct {
	ChatID, Text, ParseMode, ReplyMarkup string
	Done                                 time.Time // when the fake finished answering it
}

// tgFake is a compact fake of the Telegram Bot API: getMe, getUpdates (a
// long poll honouring offset, limit, timeout and the request context),
// sendMessage, sendChatAction, setMyCommands, deleteWebhook and
// answerCallbackQuery, at /bot<token>/<method>.
type tgFake struct {
	t     *testing.T
	srv   *httptest.Server
	token string

	mu       sync.Mutex
	methods  map[string]int    // calls received per method
	offsets  []int             // the offset of every getUpdates
	updates  []json.RawMessage // queued, not yet confirmed
	ids      []int
	nextID   int
	msgID    int
	changed  chan struct{} // closed and replaced when an update is queued
	sent     []tgSent
	sendHold chan struct{} // the first sendMessage is answered once it is closed
	actions  chan struct{} // closed at the first sendChatAction
	sending  chan struct{} // closed when the first sendMessage arrives
}

func newTGFake(t *testing.T, token string) *tgFake {
	t.Helper()
	f := &tgFake{t: t, token: token, methods: map[string]int{}, nextID: 500, msgID: 1000,
		changed: make(chan struct{}), actions: make(chan struct{}), sending: make(chan struct{})}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func tgReply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func (f *tgFake) serve(w http.ResponseWriter, r *http.Request) {
	tok, method, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if !ok || !strings.HasPrefix(r.URL.Path, "/bot") {
		tgReply(w, 404, `{"ok":false,"error_code":404,"description":"Not Found"}`)
		return
	}
	if tok != f.token {
		tgReply(w, 401, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
		return
	}
	if err := r.ParseForm(); err != nil {
		tgReply(w, 400, `{"ok":false,"error_code":400,"description":"Bad Request: cannot parse the parameters"}`)
		return
	}
	p := r.Form
	f.mu.Lock()
	f.methods[method]++
	first := f.methods[method] == 1
	f.mu.Unlock()

	switch method {
	case "getMe":
		tgReply(w, 200, `{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"bot","username":"infusion_test_bot"}}`)
	case "getUpdates":
		f.getUpdates(w, r)
	case "sendMessage":
		f.mu.Lock()
		hold := f.sendHold
		f.sendHold = nil
		f.msgID++
		id := f.msgID
		if id == 1001 {
			close(f.sending)
		}
		f.mu.Unlock()
		if hold != nil {
			<-hold // deliberately not cut short: the adapter must wait for it
		}
		chat, err := strconv.ParseInt(p.Get("chat_id"), 10, 64)
		if err != nil || p.Get("text") == "" {
			tgReply(w, 400, `{"ok":false,"error_code":400,"description":"Bad Request: chat_id and text are required"}`)
			return
		}
		res, _ := json.Marshal(map[string]any{"message_id": id, "date": time.Now().Unix(), "text": p.Get("text"),
			"chat": map[string]any{"id": chat, "type": "private", "first_name": "Pat"},
			"from": map[string]any{"id": 1, "is_bot": true, "first_name": "bot", "username": "infusion_test_bot"}})
		tgReply(w, 200, `{"ok":true,"result":`+string(res)+`}`)
		f.mu.Lock()
		f.sent = append(f.sent, tgSent{ChatID: p.Get("chat_id"), Text: p.Get("text"), ParseMode: p.Get("parse_mode"),
			ReplyMarkup: p.Get("reply_markup"), Done: time.Now()})
		f.mu.Unlock()
	case "sendChatAction":
		if first {
			close(f.actions)
		}
		tgReply(w, 200, `{"ok":true,"result":true}`)
	case "setMyCommands", "deleteWebhook", "answerCallbackQuery":
		tgReply(w, 200, `{"ok":true,"result":true}`)
	default:
		tgReply(w, 404, `{"ok":false,"error_code":404,"description":"Not Found: method not found"}`)
	}
}

// getUpdates returns the queued updates from offset on (forgetting those
// below it, which the offset confirms); with none, it holds the poll until
// one is queued, the request is cancelled, or min(timeout, 1 s) passes.
func (f *tgFake) getUpdates(w http.ResponseWriter, r *http.Request) {
	offset, _ := strconv.Atoi(r.Form.Get("offset"))
	limit, _ := strconv.Atoi(r.Form.Get("limit"))
	timeout, _ := strconv.Atoi(r.Form.Get("timeout"))
	hold := min(time.Duration(timeout)*time.Second, time.Second)
	deadline := time.NewTimer(hold)
	defer deadline.Stop()
	f.mu.Lock()
	f.offsets = append(f.offsets, offset)
	f.mu.Unlock()
	for {
		f.mu.Lock()
		for len(f.ids) > 0 && offset > 0 && f.ids[0] < offset {
			f.ids, f.updates = f.ids[1:], f.updates[1:]
		}
		if n := len(f.updates); n > 0 {
			if limit > 0 && limit < n {
				n = limit
			}
			raw := make([]string, n)
			for i := range n {
				raw[i] = string(f.updates[i])
			}
			f.mu.Unlock()
			tgReply(w, 200, `{"ok":true,"result":[`+strings.Join(raw, ",")+`]}`)
			return
		}
		ch := f.changed
		f.mu.Unlock()
		if hold <= 0 {
			tgReply(w, 200, `{"ok":true,"result":[]}`)
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			tgReply(w, 200, `{"ok":true,"result":[]}`)
			return
		case <-r.Context().Done():
			return
		}
	}
}

// pushText queues a private-chat text message from a person and returns
// its update_id.
func (f *tgFake) pushText(chat int64, text string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := f.nextID
	f.nextID++
	b, err := json.Marshal(map[string]any{"update_id": id, "message": map[string]any{
		"message_id": id - 400, "date": time.Now().Unix(), "text": text,
		"chat": map[string]any{"id": chat, "type": "private", "first_name": "Pat"},
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "Pat", "language_code": "en"},
	}})
	if err != nil {
		f.t.Fatal(err)
	}
	f.updates = append(f.updates, b)
	f.ids = append(f.ids, id)
	close(f.changed)
	f.changed = make(chan struct{})
	return id
}

func (f *tgFake) calls(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.methods[method]
}

func (f *tgFake) sentTo(chat int64) []tgSent {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []tgSent
	for _, s := range f.sent {
		if s.ChatID == strconv.FormatInt(chat, 10) {
			out = append(out, s)
		}
	}
	return out
}

// pending is how many queued updates no getUpdates offset has confirmed.
func (f *tgFake) pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	last := 0
	if len(f.offsets) > 0 {
		last = f.offsets[len(f.offsets)-1]
	}
	for _, id := range f.ids {
		if id >= last {
			n++
		}
	}
	return n
}

// serveTelegram runs runServe with only the Telegram token, the fake's URL
// and HTTP_ADDR in the environment, and waits until the adapter polls.
func serveTelegram(t *testing.T, f *tgFake) (cancel context.CancelFunc, done <-chan error, logs *syncBuffer) {
	t.Helper()
	env := map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_URL": f.srv.URL, "HTTP_ADDR": freeAddr(t), "SHUTDOWN_DRAIN": "0"}
	logs = &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- runServe(ctx, nil, envOf(env), strings.NewReader(""), logs, logs) }()
	deadline := patience(t)
	for f.calls("getUpdates") == 0 {
		select {
		case err := <-errc:
			cancel()
			t.Fatalf("runServe returned before polling Telegram: %v\n%s", err, logs)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the adapter did not poll the fake\n%s", logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if f.calls("getMe") == 0 || f.calls("setMyCommands") == 0 {
		t.Errorf("polling before getMe/setMyCommands: getMe %d, setMyCommands %d", f.calls("getMe"), f.calls("setMyCommands"))
	}
	return cancel, errc, logs
}

// stopServe cancels runServe (SIGTERM) and returns how long it took to
// return and its error.
func stopServe(t *testing.T, cancel context.CancelFunc, done <-chan error, logs *syncBuffer) (time.Duration, error) {
	t.Helper()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		return time.Since(start), err
	case <-time.After(time.Until(patience(t))):
		t.Fatalf("runServe did not return after cancellation\n%s", logs)
		return 0, nil
	}
}

// The bot token (or its key half) must never reach serve's output.
func checkNoToken(t *testing.T, out string) {
	t.Helper()
	_, key, _ := strings.Cut(tgToken, ":")
	if strings.Contains(out, tgToken) || strings.Contains(out, key) {
		t.Errorf("the bot token reached serve's output:\n%s", out)
	}
}

// goroutines returns the stacks of all goroutines by id.
func goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		head, _, _ := strings.Cut(g, "\n")
		if id, ok := strings.CutPrefix(head, "goroutine "); ok {
			id, _, _ = strings.Cut(id, " ")
			out[id] = g
		}
	}
	return out
}

// checkNoLeftGoroutines fails if goroutines started since before (taken
// once the fake runs) are still running a moment after runServe returned,
// other than the process-wide signal watcher that signal.Notify starts once.
// The fake is left open on purpose: a connection the adapter kept open (an
// idle keep-alive, a forgotten long poll) keeps a goroutine on each side.
func checkNoLeftGoroutines(t *testing.T, before map[string]string) {
	t.Helper()
	var left []string
	deadline := patience(t)
	for {
		left = left[:0]
		for id, g := range goroutines() {
			if _, old := before[id]; old || strings.Contains(g, "os/signal.") {
				continue
			}
			left = append(left, g)
		}
		if len(left) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(left) > 0 {
		t.Errorf("%d goroutine(s) left running after runServe returned:\n\n%s", len(left), strings.Join(left, "\n\n"))
	}
	for _, g := range goroutines() {
		if strings.Contains(g, "infusionbot/bot/telegram") {
			t.Errorf("a goroutine of the Telegram adapter is still running:\n%s", g)
		}
	}
}

var sourceList = regexp.MustCompile(`<b>Sources</b>\n1\. \S.*(\n2\. \S.*)?`)

func TestServeAnswersOnTelegram(t *testing.T) {
	f := newTGFake(t, tgToken)
	before := goroutines()
	cancel, done, logs := serveTelegram(t, f)
	defer cancel()

	const chat = 700001
	start := time.Now()
	f.pushText(chat, "How long does a ketamine infusion last?")
	waitFor(t, "the answer on Telegram", func() bool { return len(f.sentTo(chat)) >= 1 })
	t.Logf("answer sent %v after the update was queued", time.Since(start).Round(time.Millisecond))
	got := f.sentTo(chat)[0]
	if got.ParseMode != "HTML" {
		t.Errorf("parse_mode %q, want HTML", got.ParseMode)
	}
	if !strings.Contains(got.Text, "1–4 hours") {
		t.Errorf("the answer lacks the session length \"1–4 hours\":\n%s", got.Text)
	}
	if !sourceList.MatchString(got.Text) {
		t.Errorf("the answer lacks a numbered source list:\n%s", got.Text)
	}
	var kb struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(got.ReplyMarkup), &kb); err != nil || len(kb.InlineKeyboard) == 0 {
		t.Errorf("the answer has no inline keyboard: reply_markup %q (%v)", got.ReplyMarkup, err)
	} else {
		var buttons []string
		for _, row := range kb.InlineKeyboard {
			for _, b := range row {
				if b.Text == "" || b.CallbackData == "" {
					t.Errorf("a keyboard button without text or callback data: %+v", b)
				}
				buttons = append(buttons, b.Text)
			}
		}
		if s := strings.Join(buttons, "|"); !strings.Contains(s, "Helpful") || !strings.Contains(s, "care team") {
			t.Errorf("keyboard buttons %q, want the feedback and care-team buttons", s)
		}
	}

	start = time.Now()
	f.pushText(chat, "I can't breathe")
	waitFor(t, "the emergency reply on Telegram", func() bool { return len(f.sentTo(chat)) >= 2 })
	t.Logf("emergency reply sent %v after the update was queued", time.Since(start).Round(time.Millisecond))
	urgent := f.sentTo(chat)[1]
	if !strings.Contains(urgent.Text, "911") {
		t.Errorf("the emergency reply does not say 911:\n%s", urgent.Text)
	}
	if urgent.ReplyMarkup != "" {
		t.Errorf("the emergency reply carries a keyboard: %s", urgent.ReplyMarkup)
	}
	if n := len(f.sentTo(chat)); n != 2 {
		t.Errorf("%d messages sent to the chat, want 2", n)
	}

	took, err := stopServe(t, cancel, done, logs)
	t.Logf("runServe returned %v after cancellation", took.Round(time.Millisecond))
	if err != nil {
		t.Fatalf("runServe after cancellation: %v\n%s", err, logs)
	}
	if f.pending() != 0 {
		t.Errorf("%d answered update(s) were never confirmed with a getUpdates offset", f.pending())
	}
	out := logs.String()
	checkNoToken(t, out)
	if strings.Contains(out, "ketamine infusion last") || strings.Contains(out, "breathe") {
		t.Errorf("message text reached the log (TRANSCRIPT is off):\n%s", out)
	}
	if !strings.Contains(out, "telegram: connected") || !strings.Contains(out, `"msg":"stopped"`) {
		t.Errorf("the log lacks the connected/stopped lines:\n%s", out)
	}
	checkNoLeftGoroutines(t, before)
}

func TestServeFinishesInFlightTelegramReplyOnShutdown(t *testing.T) {
	f := newTGFake(t, tgToken)
	before := goroutines()
	release := make(chan struct{})
	f.sendHold = release
	cancel, done, logs := serveTelegram(t, f)
	defer cancel()

	const chat = 700002
	id := f.pushText(chat, "What is a lidocaine infusion?")
	select {
	case <-f.sending:
	case <-time.After(time.Until(patience(t))):
		t.Fatalf("no sendMessage for the queued question\n%s", logs)
	}
	// SIGTERM while the reply is being sent (the fake holds it): the
	// adapter stops polling, and then must wait for the reply.
	cancel()
	waitFor(t, "the adapter to stop polling", func() bool { return strings.Contains(logs.String(), "long polling stopping") })
	select {
	case err := <-done:
		t.Fatalf("runServe returned (%v) while a reply was still being sent\n%s", err, logs)
	default:
	}
	if n := len(f.sentTo(chat)); n != 0 {
		t.Fatalf("%d replies answered before the release: the test did not catch the reply in flight", n)
	}
	close(release)
	took, err := stopServe(t, cancel, done, logs)
	t.Logf("runServe returned %v after the reply was released", took.Round(time.Millisecond))
	if err != nil {
		t.Fatalf("runServe after cancellation: %v\n%s", err, logs)
	}
	sent := f.sentTo(chat)
	if len(sent) != 1 {
		t.Fatalf("%d replies sent to the chat, want the in-flight one finished before exit\n%s", len(sent), logs)
	}
	if !strings.Contains(sent[0].Text, "local anesthetic") || !sourceList.MatchString(sent[0].Text) {
		t.Errorf("the reply finished during shutdown is not the answer (was the handler cut off?):\n%s", sent[0].Text)
	}
	if f.pending() != 0 {
		f.mu.Lock()
		t.Errorf("the update %d answered during shutdown was not confirmed (getUpdates offsets %v): a restart would answer it again", id, f.offsets)
		f.mu.Unlock()
	}
	checkNoToken(t, logs.String())
	if out := logs.String(); strings.Contains(out, "abandoned") || strings.Contains(out, "still finishing") {
		t.Errorf("shutdown reports abandoned replies:\n%s", out)
	}
	checkNoLeftGoroutines(t, before)
}
