package telegram

import (
	"strings"
	"testing"
	"time"
)

// One chat's flood (more updates than one getUpdates returns, paced at the
// default one reply a second) must not delay another chat's emergency.
func TestFloodInOneChatDoesNotDelayAnotherChatsEmergency(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, func(c *Config) {
		c.ChatInterval, c.GroupInterval, c.GlobalInterval = 0, 0, 0 // the defaults
		c.ShutdownTimeout = 100 * time.Millisecond
	})
	for i := range 130 {
		h.f.push(textMessage(privateChat(42), 7, "question "+strings.Repeat("x", i%7)))
	}
	h.waitSent(42, 1) // the flood is being answered
	pushed := time.Now()
	h.f.push(textMessage(privateChat(43), 8, "I can't breathe"))
	sent := h.waitSent(43, 1)
	if took := sent[0].At.Sub(pushed); took >= 2*time.Second {
		t.Errorf("the other chat's emergency was answered %v after it was sent, want under 2 s", took)
	}
	if !strings.Contains(sent[0].Params.Get("text"), emergencyBody) {
		t.Errorf("the other chat got %q, want the emergency reply", sent[0].Params.Get("text"))
	}

	// The flooder's own emergency is not queued behind its flood either.
	before := len(h.f.sent(42))
	pushed = time.Now()
	h.f.push(textMessage(privateChat(42), 7, "I can't breathe"))
	waitFor(t, "the flooder's emergency", func() bool {
		for _, c := range h.f.sent(42)[before:] {
			if strings.Contains(c.Params.Get("text"), emergencyBody) {
				if took := c.At.Sub(pushed); took >= 2*time.Second {
					t.Errorf("the flooder's emergency was answered after %v, want under 2 s", took)
				}
				return true
			}
		}
		return false
	})
}
