package telegram

import (
	"encoding/json"
	"net/http"
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
	waitFor(t, 5*time.Second, "webhook running", func() bool {
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
	waitFor(t, 10*time.Second, "the handler to start", func() bool { return len(h.core.got()) == 1 })
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
