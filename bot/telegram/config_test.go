package telegram

import (
	"strings"
	"testing"
	"time"
)

func TestConfigFromEnv(t *testing.T) {
	const tok = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
	tests := []struct {
		name    string
		env     map[string]string
		enabled bool
		errVar  string // the variable the error must name; "" means no error
		check   func(t *testing.T, c Config)
	}{
		{name: "disabled", env: map[string]string{}, enabled: false},
		{name: "disabled ignores the rest", env: map[string]string{EnvWebhookURL: "nonsense"}, enabled: false},
		{name: "polling", env: map[string]string{EnvToken: " " + tok + "\n"}, enabled: true, check: func(t *testing.T, c Config) {
			if c.Token != tok || c.WebhookURL != "" || c.APIURL != "" {
				t.Errorf("cfg %+v", c)
			}
		}},
		{name: "api url", env: map[string]string{EnvToken: tok, EnvAPIURL: "http://localhost:8081/"}, enabled: true, check: func(t *testing.T, c Config) {
			if c.APIURL != "http://localhost:8081/" {
				t.Errorf("APIURL %q", c.APIURL)
			}
		}},
		{name: "bad api url", env: map[string]string{EnvToken: tok, EnvAPIURL: "ftp://x"}, enabled: true, errVar: EnvAPIURL},
		{name: "api url with percent", env: map[string]string{EnvToken: tok, EnvAPIURL: "https://x/%s"}, enabled: true, errVar: EnvAPIURL},
		{name: "webhook", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/telegram/webhook", EnvWebhookSecret: "abc_DEF-1234567890"}, enabled: true,
			check: func(t *testing.T, c Config) {
				if c.WebhookURL != "https://bot.example.org/telegram/webhook" || c.WebhookSecret != "abc_DEF-1234567890" {
					t.Errorf("cfg %+v", c)
				}
			}},
		{name: "short secret", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/telegram/webhook", EnvWebhookSecret: "e"}, enabled: true, errVar: EnvWebhookSecret},
		{name: "webhook without secret", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/hook"}, enabled: true, errVar: EnvWebhookSecret},
		{name: "secret without webhook", env: map[string]string{EnvToken: tok, EnvWebhookSecret: "abc"}, enabled: true, errVar: EnvWebhookURL},
		{name: "http webhook", env: map[string]string{EnvToken: tok, EnvWebhookURL: "http://bot.example.org/hook", EnvWebhookSecret: "abc"}, enabled: true, errVar: EnvWebhookURL},
		{name: "webhook without path", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/", EnvWebhookSecret: "abc"}, enabled: true, errVar: EnvWebhookURL},
		{name: "secret with bad characters", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/hook", EnvWebhookSecret: "abc def!"}, enabled: true, errVar: EnvWebhookSecret},
		{name: "secret too long", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/hook", EnvWebhookSecret: strings.Repeat("a", 257)}, enabled: true, errVar: EnvWebhookSecret},
		{name: "secret of 256", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org/hook", EnvWebhookSecret: strings.Repeat("a", 256)}, enabled: true},
		{name: "webhook on a port Telegram does not send to", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org:9090/hook", EnvWebhookSecret: "abc"}, enabled: true, errVar: EnvWebhookURL},
		{name: "webhook on port 8443", env: map[string]string{EnvToken: tok, EnvWebhookURL: "https://bot.example.org:8443/hook", EnvWebhookSecret: "abc_DEF-1234567890"}, enabled: true},
		{name: "token without colon", env: map[string]string{EnvToken: "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}, enabled: true, errVar: EnvToken},
		{name: "token with slash", env: map[string]string{EnvToken: "123:abc/../x"}, enabled: true, errVar: EnvToken},
		{name: "token with letters in the id", env: map[string]string{EnvToken: "12a:abc"}, enabled: true, errVar: EnvToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, enabled, err := ConfigFromEnv(func(k string) string { return tt.env[k] })
			if enabled != tt.enabled {
				t.Errorf("enabled = %v, want %v", enabled, tt.enabled)
			}
			if tt.errVar == "" && err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if tt.errVar != "" {
				if err == nil {
					t.Fatalf("no error, want one naming %s", tt.errVar)
				}
				if !strings.Contains(err.Error(), tt.errVar) {
					t.Errorf("error %q does not name %s", err, tt.errVar)
				}
				for _, v := range tt.env {
					if len(v) > 8 && strings.Contains(err.Error(), v) {
						t.Errorf("error %q quotes a value", err)
					}
				}
				return
			}
			if tt.check != nil {
				tt.check(t, cfg)
			}
			if enabled {
				if _, err := New(cfg); err != nil {
					t.Errorf("New: %v", err)
				}
			}
		})
	}
}

func TestNewDefaults(t *testing.T) {
	if _, err := New(Config{}); err == nil || !strings.Contains(err.Error(), EnvToken) {
		t.Errorf("New without token: %v", err)
	}
	a, err := New(Config{Token: "1:abc", APIURL: "https://api.example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	c := a.cfg
	if c.APIURL != "https://api.example.org" || c.PollTimeout != 50*time.Second || c.BackoffMax != 30*time.Second ||
		c.MaxSendTries != 5 || c.MaxMessageLen != 4096 || c.MaxBodyBytes != 1<<20 || c.ChatInterval != time.Second || c.GroupInterval != 3*time.Second {
		t.Errorf("defaults %+v", c)
	}
	for try, max := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 10: 30 * time.Second, 100: 30 * time.Second} {
		for range 20 {
			if d := a.backoff(try); d < max/2 || d > max {
				t.Errorf("backoff(%d) = %v, want within [%v, %v]", try, d, max/2, max)
			}
		}
	}
}

// TestConfigFromEnvReportsEveryProblem: one run names every wrong variable,
// not the first only.
func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	env := map[string]string{EnvToken: "no-colon", EnvAPIURL: "ftp://x", EnvWebhookURL: "https://bot.example.org:9090/hook", EnvWebhookSecret: "bad secret!"}
	_, _, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err == nil {
		t.Fatal("no error")
	}
	for _, v := range []string{EnvToken, EnvAPIURL, EnvWebhookURL, EnvWebhookSecret} {
		if !strings.Contains(err.Error(), v) {
			t.Errorf("error does not name %s:\n%v", v, err)
		}
	}
}
