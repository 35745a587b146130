package discord

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/infusionbot/infusionbot/bot"
)

func TestConfigFromEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		env         map[string]string
		want        Config
		wantEnabled bool
		wantErr     string // a substring; "" means no error
	}{
		{name: "disabled", env: map[string]string{EnvGuildID: "123"}},
		{name: "token only", env: map[string]string{EnvToken: " abc.def "}, want: Config{Token: "abc.def"}, wantEnabled: true},
		{name: "everything", env: map[string]string{EnvToken: "t", EnvGuildID: "123456789012345678", EnvReadMessages: "true", EnvShardID: "1", EnvShardCount: "3"},
			want: Config{Token: "t", GuildID: "123456789012345678", ReadMessages: true, ShardID: 1, ShardCount: 3}, wantEnabled: true},
		{name: "read messages off", env: map[string]string{EnvToken: "t", EnvReadMessages: "0"}, want: Config{Token: "t"}, wantEnabled: true},
		{name: "bad guild", env: map[string]string{EnvToken: "t", EnvGuildID: "my-server"}, wantEnabled: true, wantErr: EnvGuildID},
		{name: "bad bool", env: map[string]string{EnvToken: "t", EnvReadMessages: "sometimes"}, wantEnabled: true, wantErr: EnvReadMessages},
		{name: "shard id alone", env: map[string]string{EnvToken: "t", EnvShardID: "0"}, wantEnabled: true, wantErr: EnvShardCount},
		{name: "shard count alone", env: map[string]string{EnvToken: "t", EnvShardCount: "2"}, wantEnabled: true, wantErr: EnvShardID},
		{name: "shard id not a number", env: map[string]string{EnvToken: "t", EnvShardID: "x", EnvShardCount: "2"}, wantEnabled: true, wantErr: EnvShardID},
		{name: "negative shard id", env: map[string]string{EnvToken: "t", EnvShardID: "-1", EnvShardCount: "2"}, wantEnabled: true, wantErr: EnvShardID},
		{name: "zero shard count", env: map[string]string{EnvToken: "t", EnvShardID: "0", EnvShardCount: "0"}, wantEnabled: true, wantErr: EnvShardCount},
		{name: "shard id too big", env: map[string]string{EnvToken: "t", EnvShardID: "2", EnvShardCount: "2"}, wantEnabled: true, wantErr: "must be less than"},
		{name: "token with a space", env: map[string]string{EnvToken: "abc def"}, wantEnabled: true, wantErr: EnvToken},
	}
	for _, tt := range tests {
		cfg, enabled, err := ConfigFromEnv(func(k string) string { return tt.env[k] })
		if enabled != tt.wantEnabled {
			t.Errorf("%s: enabled = %v", tt.name, enabled)
		}
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: err = %v, want it to name %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if fmt.Sprintf("%+v", cfg) != fmt.Sprintf("%+v", tt.want) {
			t.Errorf("%s: cfg = %+v, want %+v", tt.name, cfg, tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"no token", Config{}, EnvToken},
		{"prefix only", Config{Token: "Bot "}, EnvToken},
		{"shard out of range", Config{Token: "t", ShardID: 2, ShardCount: 2}, "out of range"},
		{"negative shard", Config{Token: "t", ShardID: -1}, "out of range"},
		{"bad guild", Config{Token: "t", GuildID: "x"}, "numeric"},
		{"bad api base", Config{Token: "t", APIBase: "not a url"}, "absolute URL"},
		{"ok", Config{Token: "Bot t", APIBase: "http://127.0.0.1:1"}, ""},
	}
	for _, tt := range tests {
		a, err := New(tt.cfg)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			if a.cfg.Token != "t" || a.cfg.ShardCount != 1 || a.cfg.Logger == nil || a.cfg.Monitor == nil ||
				a.cfg.ReplyTimeout != 60*time.Second || a.cfg.HeartbeatTimeout != 100*time.Second || a.cfg.MaxRateLimitRetries != 3 {
				t.Errorf("%s: defaults not applied: %+v", tt.name, a.cfg)
			}
			if a.intents()&discordgo.IntentMessageContent != 0 {
				t.Errorf("%s: message content intent without ReadMessages", tt.name)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
	// The reconnect bounds are kept in order.
	a, _ := New(Config{Token: "t", ReconnectMin: time.Second, ReconnectMax: time.Millisecond})
	if a.cfg.ReconnectMax != time.Second {
		t.Errorf("ReconnectMax = %v", a.cfg.ReconnectMax)
	}
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	a, _ := New(Config{Token: "t", ReconnectMin: 100 * time.Millisecond, ReconnectMax: time.Second})
	prevMax := time.Duration(0)
	for n := 1; n <= 10; n++ {
		d := a.backoff(n)
		ceil := min(100*time.Millisecond<<(n-1), time.Second)
		if d > ceil || d < ceil*3/4 {
			t.Errorf("backoff(%d) = %v, want within [%v, %v]", n, d, ceil*3/4, ceil)
		}
		if ceil < prevMax {
			t.Errorf("backoff ceiling shrank")
		}
		prevMax = ceil
	}
}

func TestFatal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want string // "" means not fatal
	}{
		{&websocket.CloseError{Code: 4004}, ErrTokenRejected.Error()},
		{fmt.Errorf("wrapped: %w", &websocket.CloseError{Code: 4014}), ErrIntentDenied.Error()},
		{&websocket.CloseError{Code: 4010}, "4010"},
		{&websocket.CloseError{Code: 4012}, "bug"},
		{&websocket.CloseError{Code: 4013}, "bug"},
		{&websocket.CloseError{Code: 1006}, ""},
		{&websocket.CloseError{Code: 4000}, ""},
		{&websocket.CloseError{Code: 4009}, ""},
		{&discordgo.RESTError{Response: &http.Response{StatusCode: 401, Status: "401 Unauthorized"}}, "(401)"},
		{&discordgo.RESTError{Response: &http.Response{StatusCode: 502, Status: "502 Bad Gateway"}}, ""},
		{discordgo.ErrWSShardBounds, EnvShardID},
		{errors.New("dial tcp: connection refused"), ""},
	}
	for _, tt := range tests {
		got := fatal(tt.err)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("fatal(%v) = %v, want nil", tt.err, got)
		case tt.want != "" && (got == nil || !strings.Contains(got.Error(), tt.want)):
			t.Errorf("fatal(%v) = %v, want %q", tt.err, got, tt.want)
		}
	}
}

func TestSafeErr(t *testing.T) {
	t.Parallel()
	secretURL := "https://discord.com/api/v9/webhooks/1/itok-secret/messages/@original?x=" + channelID
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{&discordgo.RESTError{Response: &http.Response{Status: "403 Forbidden"}, Message: &discordgo.APIErrorMessage{Code: 50001, Message: "Missing Access"}, ResponseBody: []byte("hello " + channelID)},
			"HTTP 403 Forbidden (code 50001: Missing Access)"},
		{&discordgo.RESTError{}, "HTTP"},
		{&discordgo.RateLimitError{RateLimit: &discordgo.RateLimit{URL: secretURL}}, "rate limited"},
		{&websocket.CloseError{Code: 4000, Text: "Unknown error"}, "gateway closed the connection (4000 Unknown error)"},
		{&url.Error{Op: "Post", URL: secretURL, Err: context.DeadlineExceeded}, "Post request failed: context deadline exceeded"},
		{fmt.Errorf("error connecting to %s: refused", secretURL), "error connecting to …"},
	}
	for _, tt := range tests {
		got := safeErr(tt.err)
		if got != tt.want {
			t.Errorf("safeErr(%v) = %q, want %q", tt.err, got, tt.want)
		}
		if strings.Contains(got, "itok-secret") || strings.Contains(got, channelID) {
			t.Errorf("safeErr leaks: %q", got)
		}
	}
}

func TestRestRetriesBounded(t *testing.T) {
	t.Parallel()
	mon := newFakeMonitor()
	a, _ := New(Config{Token: "t", Monitor: mon, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MaxRateLimitRetries: 2, MaxRateLimitWait: 200 * time.Millisecond})
	limited := func(after time.Duration) error {
		return &discordgo.RateLimitError{RateLimit: &discordgo.RateLimit{TooManyRequests: &discordgo.TooManyRequests{RetryAfter: after}}}
	}
	ctx := context.Background()

	calls := 0
	err := a.rest(ctx, func(...discordgo.RequestOption) error { calls++; return limited(time.Millisecond) })
	if err == nil || calls != 3 {
		t.Errorf("always limited: err %v after %d calls, want an error after 3", err, calls)
	}

	calls = 0
	err = a.rest(ctx, func(...discordgo.RequestOption) error { calls++; return limited(time.Hour) })
	if err == nil || calls != 1 {
		t.Errorf("an hour's wait: err %v after %d calls, want to give up at once", err, calls)
	}

	calls = 0
	err = a.rest(ctx, func(...discordgo.RequestOption) error {
		calls++
		if calls == 1 {
			return limited(0)
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Errorf("limited once: err %v after %d calls", err, calls)
	}

	// A wait is cut short when the context ends: here it is ended while
	// the call is made, before an half-hour wait that MaxRateLimitWait
	// allows. A wait that ignored the context would hang the test.
	patient, _ := New(Config{Token: "t", Monitor: mon, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MaxRateLimitRetries: 2, MaxRateLimitWait: time.Hour})
	cctx, cancel := context.WithCancel(ctx)
	calls = 0
	err = patient.rest(cctx, func(...discordgo.RequestOption) error {
		calls++
		cancel()
		return limited(30 * time.Minute)
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("cancelled wait: err %v after %d calls, want context.Canceled after 1", err, calls)
	}

	boom := errors.New("boom")
	if err := a.rest(ctx, func(...discordgo.RequestOption) error { return boom }); err != boom {
		t.Errorf("other errors pass through: %v", err)
	}
	_, _, errs, _ := mon.snapshot()
	if errs["rate_limited"] != 6 {
		t.Errorf("rate_limited = %d, want 6", errs["rate_limited"])
	}
}

func TestRebaseTransport(t *testing.T) {
	t.Parallel()
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Host+" "+r.URL.RequestURI())
	}))
	defer srv.Close()
	c, err := httpClient(Config{APIBase: srv.URL + "/prefix/"})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Get(discordgo.EndpointGateway + "?v=9")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// A URL that is not Discord's goes where it says.
	resp, err = c.Get(srv.URL + "/other")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	want := []string{host + " /prefix/api/v9/gateway?v=9", host + " /other"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("requests %q, want %q", got, want)
	}
	// Without APIBase the given client is used as is.
	hc := &http.Client{}
	if c, _ := httpClient(Config{HTTPClient: hc}); c != hc {
		t.Error("the HTTP client was replaced")
	}
}

func TestInteractionUser(t *testing.T) {
	t.Parallel()
	if got := interactionUser(&discordgo.Interaction{}); got != "" {
		t.Errorf("no user: %q", got)
	}
	if got := interactionUser(&discordgo.Interaction{User: &discordgo.User{ID: "1"}}); got != "1" {
		t.Errorf("DM user: %q", got)
	}
	if got := stripMention("<@9> hi <@!9>", "9"); got != "hi" {
		t.Errorf("stripMention = %q", got)
	}
	var _ bot.Adapter = (*Adapter)(nil)
}

func TestReadmeInviteURL(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	perms := discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks |
		discordgo.PermissionReadMessageHistory | discordgo.PermissionUseApplicationCommands
	want := "scope=bot+applications.commands&permissions=" + strconv.FormatInt(int64(perms), 10)
	if !strings.Contains(string(b), want) {
		t.Errorf("README.md has no invite URL with %q", want)
	}
}

// TestConfigFromEnvReportsEveryProblem: one run names every wrong variable,
// not the first only.
func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	t.Parallel()
	env := map[string]string{EnvToken: "abc def", EnvGuildID: "my-server", EnvReadMessages: "sometimes", EnvShardID: "-1", EnvShardCount: "0"}
	_, _, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err == nil {
		t.Fatal("no error")
	}
	for _, v := range []string{EnvToken, EnvGuildID, EnvReadMessages, EnvShardID, EnvShardCount} {
		if !strings.Contains(err.Error(), v) {
			t.Errorf("error does not name %s:\n%v", v, err)
		}
	}
}
