package httpapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// triage is a fake core that calls "EMERGENCY" an emergency, as the
// router's safety rules would call "I can't breathe" one.
var triage = bot.HandlerFunc(func(_ context.Context, m bot.Message) (bot.Reply, error) {
	if strings.Contains(m.Text, "EMERGENCY") {
		return bot.Reply{Intent: bot.IntentEmergency, Body: "Call 911 now."}, nil
	}
	return bot.Reply{Intent: bot.IntentQuestion, Body: "An answer."}, nil
})

// fakeClock is a clock that moves only when told.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func send(t *testing.T, s http.Handler, ip, auth, user, text string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/v1/messages", strings.NewReader(`{"user":"`+user+`","text":"`+text+`"}`))
	r.RemoteAddr = ip + ":40000"
	if auth != "" {
		r.Header.Set("Authorization", "Bearer "+auth)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	return rec
}

// One patient flooding a clinic's token must not refuse the others, and an
// emergency is answered whoever floods, the flooder included.
func TestLimitIsPerPersonWithClientCeiling(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1e9, 0)}
	s := New(Config{Handler: triage, Token: tok, RateLimit: 1, RateBurst: 2,
		ClientRateLimit: 5, ClientRateBurst: 6, Now: clock.Now})

	var flood []int
	for i := 0; i < 5; i++ {
		flood = append(flood, send(t, s, "10.0.0.1", tok, "flooder", "hi").Code)
	}
	if want := "[200 200 429 429 429]"; strconvInts(flood) != want {
		t.Fatalf("flood statuses %v, want %s (burst 2 per person)", flood, want)
	}
	rec := send(t, s, "10.0.0.1", tok, "flooder", "hi")
	if ra := rec.Header().Get("Retry-After"); rec.Code != 429 || ra != "1" {
		t.Fatalf("over the limit: %d Retry-After %q, want 429 and 1", rec.Code, ra)
	}
	if rec := send(t, s, "10.0.0.1", tok, "other", "hi"); rec.Code != 200 {
		t.Fatalf("another patient of the same token during the flood: %d, want 200", rec.Code)
	}
	for _, who := range []string{"other", "flooder"} {
		for i := 0; i < 10; i++ {
			if rec := send(t, s, "10.0.0.1", tok, who, "EMERGENCY"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"intent":"emergency"`) {
				t.Fatalf("%s's emergency #%d: %d %s, want 200 emergency", who, i+1, rec.Code, rec.Body)
			}
		}
	}

	// Many people at once reach the client's ceiling (6, of which 4 spent:
	// the flooder's 2, the other's question and first emergency): their
	// questions wait, their emergencies do not.
	var codes []int
	for i := 0; i < 3; i++ {
		codes = append(codes, send(t, s, "10.0.0.1", tok, "p"+strconv.Itoa(i), "hi").Code)
	}
	if strconvInts(codes) != "[200 200 429]" {
		t.Fatalf("people past the client ceiling: %v, want [200 200 429]", codes)
	}
	if rec := send(t, s, "10.0.0.1", tok, "p9", "EMERGENCY"); rec.Code != 200 {
		t.Fatalf("an emergency past the client ceiling: %d", rec.Code)
	}
	clock.Add(time.Second)
	if rec := send(t, s, "10.0.0.1", tok, "flooder", "hi"); rec.Code != 200 {
		t.Fatalf("a second later the flooder's bucket has a token again: %d", rec.Code)
	}
}

// Without a token the client is the address: people behind it are limited
// one by one, under the address's ceiling.
func TestLimitWithoutToken(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1e9, 0)}
	s := New(Config{Handler: triage, RateLimit: 1, RateBurst: 1, ClientRateLimit: 1, ClientRateBurst: 3, Now: clock.Now})
	got := []int{
		send(t, s, "10.0.0.1", "", "a", "hi").Code,
		send(t, s, "10.0.0.1", "", "a", "hi").Code,
		send(t, s, "10.0.0.1", "", "b", "hi").Code,
		send(t, s, "10.0.0.2", "", "a", "hi").Code,
		send(t, s, "10.0.0.1", "", "c", "hi").Code,
		send(t, s, "10.0.0.1", "", "d", "hi").Code,
		send(t, s, "10.0.0.1", "", "d", "EMERGENCY").Code,
	}
	if strconvInts(got) != "[200 429 200 200 200 429 200]" {
		t.Fatalf("statuses %v, want [200 429 200 200 200 429 200]", got)
	}
}

func strconvInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(s, " ") + "]"
}

// Behind a trusted proxy the client is the address it forwards for, so
// people behind one proxy do not share one bucket; from anywhere else the
// header is the client's word and is ignored.
func TestLimitBehindATrustedProxy(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1e9, 0)}
	s := New(Config{Handler: triage, RateLimit: 1, RateBurst: 1, ClientRateLimit: 1, ClientRateBurst: 1, Now: clock.Now,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	via := func(remote, xff string) int {
		r := httptest.NewRequest(http.MethodPost, "/v1/messages", strings.NewReader(`{"user":"u","text":"hi"}`))
		r.RemoteAddr = remote + ":40000"
		if xff != "" {
			r.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		return rec.Code
	}
	got := []int{
		via("10.0.0.1", "203.0.113.5"),
		via("10.0.0.1", "203.0.113.6"),                         // another client behind the proxy
		via("10.0.0.1", "203.0.113.5"),                         // the first again: its own bucket is empty
		via("10.0.0.1", "198.51.100.9, 203.0.113.7, 10.0.0.2"), // a chain of proxies
		via("192.0.2.1", "203.0.113.8"),                        // not a proxy: the header is ignored
		via("192.0.2.1", "203.0.113.9"),
	}
	if strconvInts(got) != "[200 200 429 200 200 429]" {
		t.Fatalf("statuses %v, want [200 200 429 200 200 429]", got)
	}
}
