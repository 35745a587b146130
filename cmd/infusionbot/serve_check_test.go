package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestServeCheckFindsWhatServeRefuses: every setting serve refuses to start
// with, --check reports as a problem, all of them in one run, naming the
// variable; and serve refuses it with an error rather than a panic.
func TestServeCheckFindsWhatServeRefuses(t *testing.T) {
	webhook := func(url string) map[string]string {
		return map[string]string{"API_TOKEN": testToken, "TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_URL": "http://127.0.0.1:1",
			"TELEGRAM_WEBHOOK_URL": url, "TELEGRAM_WEBHOOK_SECRET": "hook-secret_1234567"}
	}
	tests := []struct {
		name string
		env  map[string]string
		want []string // in the check's output and in serve's error
	}{
		{"webhook at the health check's path", webhook("https://bot.example.org/healthz"), []string{"TELEGRAM_WEBHOOK_URL", `"/healthz"`}},
		{"webhook at the API's path", webhook("https://bot.example.org/v1/messages"), []string{"TELEGRAM_WEBHOOK_URL", `"/v1/messages"`}},
		{"webhook path with a brace", webhook("https://bot.example.org/hook{x"), []string{"TELEGRAM_WEBHOOK_URL", "cannot be served"}},
		{"webhook path with a space", webhook("https://bot.example.org/tele gram"), []string{"TELEGRAM_WEBHOOK_URL"}},
		{"webhook on a port Telegram does not send to", webhook("https://bot.example.org:9090/telegram/hook"), []string{"TELEGRAM_WEBHOOK_URL", "443, 80, 88, 8443"}},
		{"several adapter problems at once", map[string]string{"API_TOKEN": testToken,
			"TELEGRAM_BOT_TOKEN": "no-colon", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org:9090/healthz", "TELEGRAM_WEBHOOK_SECRET": "bad secret!",
			"DISCORD_BOT_TOKEN": "t", "DISCORD_GUILD_ID": "my-server", "DISCORD_READ_MESSAGES": "sometimes"},
			[]string{"TELEGRAM_BOT_TOKEN", "port 9090", `"/healthz"`, "TELEGRAM_WEBHOOK_SECRET", "DISCORD_GUILD_ID", "DISCORD_READ_MESSAGES"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := runServe(context.Background(), []string{"--check"}, envOf(tt.env), nil, &out, io.Discard)
			if !errors.Is(err, errCheckFailed) || !strings.Contains(out.String(), "FAIL  chat adapters") {
				t.Fatalf("--check: %v, want a failed chat adapters part:\n%s", err, out.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("--check output lacks %s:\n%s", w, out.String())
				}
			}

			// serve itself: a cancelled context, so that wrongly starting
			// returns at once instead of serving.
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err = func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("serve panicked: %v", r)
					}
				}()
				return runServe(ctx, []string{"--addr", freeAddr(t)}, envOf(tt.env), strings.NewReader(""), io.Discard, io.Discard)
			}()
			if err == nil {
				t.Fatal("serve started")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("serve's error lacks %s: %v", w, err)
				}
			}
		})
	}
}

// TestServeCheckWarnings: settings serve runs with but that are likely
// mistakes are shown as WARN, and the check still passes.
func TestServeCheckWarnings(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no API token: the API is open", nil, nil, "API_TOKEN is not set: POST /v1/messages answers anyone"},
		{"--addr and HTTP_ADDR differ: the image's health check probes HTTP_ADDR", map[string]string{"API_TOKEN": testToken, "HTTP_ADDR": ":8080"},
			[]string{"--addr", ":9090"}, "set HTTP_ADDR instead of --addr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := runServe(context.Background(), append([]string{"--check"}, tt.args...), envOf(tt.env), nil, &out, io.Discard)
			if err != nil {
				t.Fatalf("--check: %v, want success with a warning:\n%s", err, out.String())
			}
			for _, w := range []string{"WARN  server settings", tt.want, "no problems; 1 warning(s) above"} {
				if !strings.Contains(out.String(), w) {
					t.Errorf("--check output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
	var out bytes.Buffer
	err := runServe(context.Background(), []string{"--check", "--addr", ":9090"}, envOf(map[string]string{"API_TOKEN": testToken}), nil, &out, io.Discard)
	if err != nil || strings.Contains(out.String(), "WARN") {
		t.Errorf("--addr without HTTP_ADDR: %v, want no warning:\n%s", err, out.String())
	}
}

// TestServeProbeFollowsHTTPAddr: the image's HEALTHCHECK (serve --probe
// /healthz, a process of its own) probes the port HTTP_ADDR names, so a
// server moved with HTTP_ADDR stays healthy.
func TestServeProbeFollowsHTTPAddr(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	env := envOf(map[string]string{"HTTP_ADDR": addr})
	if err := runServe(context.Background(), []string{"--probe", "/healthz"}, env, nil, io.Discard, io.Discard); err != nil {
		t.Fatalf("probe of HTTP_ADDR %s: %v", addr, err)
	}
	if err := runServe(context.Background(), []string{"--probe", "/healthz"}, envOf(map[string]string{"HTTP_ADDR": freeAddr(t)}), nil, io.Discard, io.Discard); err == nil {
		t.Fatal("probe of a port nothing listens on succeeded")
	}
}

// metricsURL is the /metrics URL a server started with METRICS_ADDR on
// port 0 logged; it logs it before the API answers /healthz.
func metricsURL(t *testing.T, logs string) string {
	t.Helper()
	for _, line := range strings.Split(logs, "\n") {
		var v struct {
			Msg  string `json:"msg"`
			Addr string `json:"addr"`
		}
		if json.Unmarshal([]byte(line), &v) == nil && v.Msg == "metrics served" && v.Addr != "" {
			return "http://" + v.Addr + "/metrics"
		}
	}
	t.Fatalf("no metrics address in the log:\n%s", logs)
	return ""
}
