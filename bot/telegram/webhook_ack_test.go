package telegram

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func startWebhook(t *testing.T, edit func(*Config)) (*harness, http.Handler) {
	t.Helper()
	h := startHarness(t, nil, func(c *Config) {
		c.WebhookURL, c.WebhookSecret = "https://bot.example.org/telegram/webhook", testSecret
		if edit != nil {
			edit(c)
		}
	})
	hd := h.a.WebhookHandler()
	waitFor(t, "webhook running", func() bool {
		return webhookPost(t, hd, "POST", testSecret, []byte(`{"update_id":1}`)) == 200
	})
	return h, hd
}

func updateBody(id int, chat int64, text string) []byte {
	u := textMessage(privateChat(chat), 7, text)
	u["update_id"] = id
	b, _ := json.Marshal(u)
	return b
}

// Telegram never sends an update again once it got 200 for it: the 200
// comes only once the reply was sent.
func TestWebhookAcknowledgesAnUpdateOnceItsReplyIsSent(t *testing.T) {
	t.Parallel()
	h, hd := startWebhook(t, nil)
	if code := webhookPost(t, hd, "POST", testSecret, updateBody(600, 42, "hello")); code != 200 {
		t.Fatalf("webhook answered %d, want 200", code)
	}
	if n := len(h.f.sent(42)); n != 1 {
		t.Fatalf("200 answered with %d replies sent, want the reply sent first", n)
	}
}

// An update whose reply the shutdown cuts off is not acknowledged: 503, so
// that Telegram delivers it again.
func TestWebhookUpdateCutOffAtShutdownIsNotAcknowledged(t *testing.T) {
	t.Parallel()
	h, hd := startWebhook(t, func(c *Config) { c.ShutdownTimeout = 50 * time.Millisecond })
	h.core.mu.Lock()
	h.core.delay = time.Minute
	h.core.mu.Unlock()
	code := make(chan int, 1)
	go func() { code <- webhookPost(t, hd, "POST", testSecret, updateBody(601, 43, "too slow")) }()
	waitFor(t, "the handler to start", func() bool { return len(h.core.got()) == 1 })
	if err := h.stop(); err == nil {
		t.Error("Run returned nil after cutting a reply off, want ErrCutOff")
	}
	select {
	case c := <-code:
		if c == 200 {
			t.Fatalf("an update cut off at shutdown was acknowledged with 200")
		}
		if c != http.StatusServiceUnavailable {
			t.Errorf("cut-off update answered %d, want 503", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the webhook request was still open 10 s after shutdown")
	}
}

// Wrong secrets, which anyone can send, cannot flood the log: one line a
// minute, counting the rest.
func TestWrongWebhookSecretsDoNotFloodTheLog(t *testing.T) {
	t.Parallel()
	h, hd := startWebhook(t, nil)
	now := time.Unix(1e9, 0)
	h.a.rejected.mu.Lock()
	h.a.rejected.now = func() time.Time { return now }
	h.a.rejected.mu.Unlock()
	lines := func() int { return strings.Count(h.logBuf.String(), "wrong secret token") }
	for i := range 100 {
		if code := webhookPost(t, hd, "POST", "guess"+strconv.Itoa(i), updateBody(700+i, 42, "hi")); code != http.StatusForbidden {
			t.Fatalf("wrong secret answered %d", code)
		}
	}
	if n := lines(); n != 1 {
		t.Fatalf("%d log lines for 100 wrong secrets within a minute, want 1", n)
	}
	h.a.rejected.mu.Lock()
	now = now.Add(time.Minute)
	h.a.rejected.mu.Unlock()
	webhookPost(t, hd, "POST", "guess", updateBody(900, 42, "hi"))
	if n := lines(); n != 2 || !strings.Contains(h.logBuf.String(), "count=100") {
		t.Fatalf("a minute later: %d lines, want 2, the second counting 100:\n%s", n, h.logBuf.String())
	}
}
