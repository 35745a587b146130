package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot/httpapi"
	"github.com/infusionbot/infusionbot/internal/testwait"
)

// postMessage sends one message with the test token and decodes the reply.
func postMessage(t *testing.T, c *http.Client, base, user, text string) (int, httpapi.Response) {
	body, _ := json.Marshal(httpapi.Request{User: user, Text: text})
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/messages", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		t.Error(err)
		return 0, httpapi.Response{}
	}
	defer resp.Body.Close()
	var r httpapi.Response
	json.NewDecoder(resp.Body).Decode(&r)
	return resp.StatusCode, r
}

// A clinic website relays every patient through one token. While one
// patient floods it at the default limits, another's emergency is
// answered every time, never refused and never queued behind the flood:
// within a second, or, on a machine so loaded that even an emergency
// without any flood takes longer, within ten times that (the flood may
// share the CPU, never hold the emergency back).
func TestServeFloodDoesNotHoldBackAnotherPersonsEmergency(t *testing.T) {
	base, logs, stop := startServe(t, map[string]string{"API_TOKEN": testToken})
	defer stop()
	c := &http.Client{Timeout: 60 * time.Second}

	// How long an emergency takes here with no flood at all: the slowest
	// of three.
	var quiet time.Duration
	for range 3 {
		start := time.Now()
		if code, r := postMessage(t, c, base, "someone-else", "I can't breathe and my chest hurts"); code != http.StatusOK || r.Intent != "emergency" {
			t.Fatalf("emergency without a flood: status %d intent %q, want 200 emergency", code, r.Intent)
		}
		quiet = max(quiet, time.Since(start))
	}
	budget := max(time.Second, 10*quiet)

	refused := make(chan struct{})
	var once sync.Once
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if code, _ := postMessage(t, c, base, "flooder", "How long does a ketamine infusion take?"); code == http.StatusTooManyRequests {
					once.Do(func() { close(refused) })
				}
			}
		}()
	}
	select {
	case <-refused: // the flood is being limited
	case <-time.After(time.Until(testwait.Patience(t))):
		close(done)
		wg.Wait()
		t.Fatalf("the flood was never limited\n%s", logs)
	}
	for i := range 10 {
		start := time.Now()
		code, r := postMessage(t, c, base, "someone-else", "I can't breathe and my chest hurts")
		took := time.Since(start)
		if code != http.StatusOK || r.Intent != "emergency" {
			t.Errorf("emergency #%d during the flood: status %d intent %q, want 200 emergency", i+1, code, r.Intent)
		}
		if took >= budget {
			t.Errorf("emergency #%d during the flood took %v, want under %v (without a flood: %v)", i+1, took, budget, quiet)
		}
	}
	// The flooder's own emergency is answered too.
	if code, r := postMessage(t, c, base, "flooder", "I can't breathe and my chest hurts"); code != http.StatusOK || r.Intent != "emergency" {
		t.Errorf("the flooder's emergency: status %d intent %q, want 200 emergency", code, r.Intent)
	}
	close(done)
	wg.Wait()
}
