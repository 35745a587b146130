package discord

import (
	"strings"
	"testing"
	"time"
)

func dmFrom(id, channel, author, text string) map[string]any {
	return messageCreate(id, "", channel, user(author, false), text)
}

// One person's flood is bounded and holds back only that person: with a
// single worker, a reply stuck in sending (Discord not answering) does not
// keep another person's emergency from being answered; the flood beyond
// MaxUserQueue is refused with one notice that gives the emergency line;
// the flooder's own replies keep their order.
func TestFloodFromOneUserDoesNotDelayAnotherUsersEmergency(t *testing.T) {
	t.Parallel()
	const floodUser, floodChannel = "777000201", "555000601"
	release := make(chan struct{})
	h := startHarness(t, func(f *fakeDiscord, cfg *Config) {
		cfg.MaxWorkers = 1
		cfg.MaxUserQueue = 4
		f.holds["/api/v9/channels/"+floodChannel+"/"] = release
	})
	h.fake.waitConns(1)
	floodPath := "/api/v9/channels/" + floodChannel + "/messages"
	h.fake.dispatch("MESSAGE_CREATE", dmFrom("8601", floodChannel, floodUser, "a1"))
	h.fake.waitReq("POST", floodPath) // a1's reply is stuck in sending
	for _, q := range []string{"a2", "a3"} {
		h.fake.dispatch("MESSAGE_CREATE", dmFrom("86"+q, floodChannel, floodUser, q))
	}

	h.fake.dispatch("MESSAGE_CREATE", dmFrom("8701", dmChannelID, userID, "I have chest pain"))
	got := h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	if !strings.Contains(string(got.Body), "Call 911") {
		t.Fatalf("the other person's emergency got %s", got.Body)
	}

	// a4 fills the lane (a1 sending, a2..a4 waiting); a5 and a6 are refused.
	for _, q := range []string{"a4", "a5", "a6"} {
		h.fake.dispatch("MESSAGE_CREATE", dmFrom("86"+q, floodChannel, floodUser, q))
	}
	// Events are handled in order: once a later one is answered, the
	// flood's have all been taken or refused.
	h.fake.dispatch("MESSAGE_CREATE", dmFrom("8702", dmChannelID, userID, "marker"))
	h.fake.waitReqN("POST", "/api/v9/channels/"+dmChannelID+"/messages", 2)
	close(release)
	h.fake.waitReqN("POST", floodPath, 5) // four replies and one notice
	if _, d := h.stop(); d > 10*time.Second {
		t.Fatalf("stop took %v", d)
	}

	var replies []string
	notices := 0
	for _, r := range h.fake.requests() {
		if r.Method != "POST" || r.Path != floodPath {
			continue
		}
		body := string(r.Body)
		switch {
		case strings.Contains(body, "sent several messages at once"):
			notices++
			if !strings.Contains(body, "emergency") {
				t.Errorf("the overflow notice does not give the way to urgent help: %s", body)
			}
		case strings.Contains(body, "You asked: "):
			i := strings.Index(body, "You asked: ")
			replies = append(replies, body[i+len("You asked: "):i+len("You asked: ")+2])
		}
	}
	if notices != 1 {
		t.Errorf("%d overflow notices, want 1 for the whole flood", notices)
	}
	if strings.Join(replies, " ") != "a1 a2 a3 a4" {
		t.Errorf("the flooder's replies: %v, want a1 a2 a3 a4 in order (a5, a6 refused)", replies)
	}
	seen := 0
	for _, m := range h.core.messages() {
		if m.User == floodUser {
			seen++
		}
	}
	if seen != 4 {
		t.Errorf("the handler read %d of the flood's messages, want 4 (the refused ones unread)", seen)
	}
	_, _, errs, _ := h.mon.snapshot()
	if errs["overflow"] != 2 {
		t.Errorf("overflow counted %d times, want 2", errs["overflow"])
	}
}

// An interaction that arrives while Run is shutting down (finishing a reply
// in flight) is acknowledged at once with "restarting, try again", not left
// to fail; the reply in flight is still finished.
func TestInteractionDuringShutdownIsAcknowledged(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	gate := make(chan struct{})
	h.core.mu.Lock()
	h.core.gate = gate
	h.core.mu.Unlock()
	h.fake.waitConns(1)
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7101", "ask", question("wait")))
	h.fake.waitReq("POST", "/api/v9/interactions/7101/") // deferred; the handler now waits

	h.cancel()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.a.mu.Lock()
		closing := h.a.closing
		h.a.mu.Unlock()
		if closing {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Run did not begin shutting down")
		}
		time.Sleep(time.Millisecond)
	}

	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7102", "ask", question("how long does ketamine take?")))
	ack := h.fake.waitReq("POST", "/api/v9/interactions/7102/").json(t)
	data, _ := ack["data"].(map[string]any)
	if ack["type"] != float64(4) || !strings.Contains(data["content"].(string), "restarting") || data["flags"] != float64(64) {
		t.Errorf("the interaction during shutdown was answered %v, want a private \"restarting, try again\"", ack)
	}

	close(gate)
	select {
	case err := <-h.done:
		h.done <- err
		if err != nil {
			t.Errorf("Run returned %v, want nil (the reply in flight finished)", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	if h.fake.count("PATCH", "/api/v9/webhooks/") != 1 {
		t.Errorf("the reply in flight was not finished: %s", h.fake.summary())
	}
	for _, m := range h.core.messages() {
		if strings.Contains(m.Text, "ketamine") {
			t.Errorf("the interaction during shutdown was read by the handler")
		}
	}
}
