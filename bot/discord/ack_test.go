package discord

import (
	"testing"
	"time"
)

// An acknowledgement counts only within Discord's 3 seconds: one that meets
// a 429 asking to wait longer is given up at once, not sent too late.
func TestAcknowledgementNotRetriedPastItsDeadline(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	h.fake.set(func(f *fakeDiscord) {
		f.retryAfter = 5 // seconds: past the 3 s an acknowledgement has
		f.limits["/api/v9/interactions/7901/"] = 1
	})
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7901", "ask", question("rate me")))
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, _, errs, _ := h.mon.snapshot()
		if errs["ack"] == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the acknowledgement was not given up (errors %v)", errs)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := h.fake.count("POST", "/api/v9/interactions/7901/"); n != 1 {
		t.Errorf("the acknowledgement was sent %d times, want once (no retry 5 s later)", n)
	}
}
