package metrics

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

func scrape(t *testing.T, r *Registry) string {
	t.Helper()
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /metrics: %d", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Fatalf("Content-Type %q", ct)
	}
	return rec.Body.String()
}

func wantLines(t *testing.T, body string, lines ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, l := range strings.Split(body, "\n") {
		have[l] = true
	}
	for _, l := range lines {
		if !have[l] {
			t.Errorf("missing line %q in:\n%s", l, body)
		}
	}
}

func TestMiddlewareCounts(t *testing.T) {
	reg := NewRegistry()
	replies := map[string]bot.Reply{
		"answered":   {Intent: bot.IntentQuestion, Answered: true},
		"unanswered": {Intent: bot.IntentQuestion},
		"hi":         {Intent: bot.IntentGreeting},
		"help":       {Intent: bot.IntentHelp},
	}
	h := Middleware(reg)(bot.HandlerFunc(func(_ context.Context, m bot.Message) (bot.Reply, error) {
		if m.Text == "fail" {
			return bot.Reply{}, errors.New("boom")
		}
		return replies[m.Text], nil
	}))
	for _, msg := range []bot.Message{
		{Platform: "telegram", Text: "answered"},
		{Platform: "telegram", Text: "answered"},
		{Platform: "telegram", Text: "unanswered"},
		{Platform: "discord", Text: "hi"},
		{Platform: "http", Text: "fail"},
		{Platform: "http", Text: "help"},
	} {
		h.Handle(context.Background(), msg)
	}
	body := scrape(t, reg)
	wantLines(t, body,
		`# TYPE infusionbot_messages_total counter`,
		`infusionbot_messages_total{platform="telegram",intent="question"} 3`,
		`infusionbot_messages_total{platform="discord",intent="greeting"} 1`,
		`infusionbot_messages_total{platform="http",intent="help"} 1`,
		`infusionbot_unanswered_questions_total{platform="telegram"} 1`,
		`infusionbot_handler_errors_total{platform="http"} 1`,
		`# TYPE infusionbot_answer_duration_seconds histogram`,
		`infusionbot_answer_duration_seconds_bucket{platform="telegram",le="+Inf"} 3`,
		`infusionbot_answer_duration_seconds_count{platform="telegram"} 3`,
		`infusionbot_answer_duration_seconds_count{platform="http"} 2`,
	)
	if strings.Contains(body, `"unanswered"`) || strings.Contains(body, `"fail"`) {
		t.Error("message text leaked into metrics")
	}
}

func TestMonitor(t *testing.T) {
	reg := NewRegistry()
	var m bot.Monitor = reg
	m.Feedback("telegram", bot.FeedbackHelpful)
	m.Feedback("telegram", bot.FeedbackHelpful)
	m.Feedback("discord", bot.FeedbackCareTeam)
	m.Connected("telegram", true)
	m.Connected("discord", true)
	m.Connected("discord", false)
	m.Reconnect("discord")
	m.Error("telegram", "send")
	reg.HTTPRequest("/v1/messages", 429)
	reg.Reload(nil)
	reg.Reload(errors.New("x.md:3: bad"))
	wantLines(t, scrape(t, reg),
		`infusionbot_feedback_total{platform="telegram",kind="helpful"} 2`,
		`infusionbot_feedback_total{platform="discord",kind="care_team"} 1`,
		`# TYPE infusionbot_adapter_connected gauge`,
		`infusionbot_adapter_connected{platform="telegram"} 1`,
		`infusionbot_adapter_connected{platform="discord"} 0`,
		`infusionbot_adapter_reconnects_total{platform="discord"} 1`,
		`infusionbot_adapter_errors_total{platform="telegram",kind="send"} 1`,
		`infusionbot_http_requests_total{route="/v1/messages",code="429"} 1`,
		`infusionbot_reloads_total{result="ok"} 1`,
		`infusionbot_reloads_total{result="error"} 1`,
	)
}

func TestHistogramBuckets(t *testing.T) {
	reg := &Registry{metrics: map[string]metric{}}
	h := reg.Histogram("lat_seconds", "Latency.", []float64{0.1, 0.5, 1})
	for _, x := range []float64{0.05, 0.1, 0.3, 0.7, 2} {
		h.Observe(x)
	}
	wantLines(t, scrape(t, reg),
		`# HELP lat_seconds Latency.`,
		`lat_seconds_bucket{le="0.1"} 2`, // bounds are inclusive
		`lat_seconds_bucket{le="0.5"} 3`,
		`lat_seconds_bucket{le="1"} 4`,
		`lat_seconds_bucket{le="+Inf"} 5`,
		`lat_seconds_sum 3.15`,
		`lat_seconds_count 5`,
	)
}

func TestEscaping(t *testing.T) {
	reg := &Registry{metrics: map[string]metric{}}
	c := reg.Counter("odd_total", "Help with \\ and\nnewline.", "v")
	c.Inc("a\"b\\c\nd")
	wantLines(t, scrape(t, reg),
		`# HELP odd_total Help with \\ and\nnewline.`,
		`odd_total{v="a\"b\\c\nd"} 1`,
	)
}

func TestWrongLabelCountPanics(t *testing.T) {
	reg := &Registry{metrics: map[string]metric{}}
	c := reg.Counter("x_total", "x", "a", "b")
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a missing label value")
		}
	}()
	c.Inc("only-one")
}

func TestMethodNotAllowed(t *testing.T) {
	rec := httptest.NewRecorder()
	NewRegistry().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/metrics", nil))
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") == "" {
		t.Fatalf("POST /metrics: %d Allow=%q", rec.Code, rec.Header().Get("Allow"))
	}
}

func TestConcurrentUse(t *testing.T) {
	reg := NewRegistry()
	h := Middleware(reg)(bot.HandlerFunc(func(context.Context, bot.Message) (bot.Reply, error) {
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true}, nil
	}))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				h.Handle(context.Background(), bot.Message{Platform: "http"})
				if i%100 == 0 {
					reg.WriteTo(new(strings.Builder))
				}
			}
		}()
	}
	wg.Wait()
	if got := reg.messages.Value("http", "question"); got != 4000 {
		t.Fatalf("counted %v messages, want 4000", got)
	}
}
