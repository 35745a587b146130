package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/httpapi"
	"github.com/infusionbot/infusionbot/internal/testwait"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// startServe runs runServe in the background and waits for /healthz.
func startServe(t *testing.T, env map[string]string) (base string, logs *syncBuffer, stop func() error) {
	t.Helper()
	addr := freeAddr(t)
	logs = &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	withDrain := map[string]string{"SHUTDOWN_DRAIN": "0"} // tests of the drain set their own
	for k, v := range env {
		withDrain[k] = v
	}
	go func() {
		done <- runServe(ctx, []string{"--addr", addr}, envOf(withDrain), strings.NewReader(""), io.Discard, logs)
	}()
	base = "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("runServe returned before serving: %v\n%s", err, logs)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no /healthz within 30 s\n%s", logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop = func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(5 * time.Second):
			return errors.New("runServe did not return within 5 s of cancellation")
		}
	}
	return base, logs, stop
}

const testToken = "test-api-token-0123456789"

func TestServeAnswersAndStops(t *testing.T) {
	base, logs, stop := startServe(t, map[string]string{"API_TOKEN": testToken, "LOG_LEVEL": "debug", "RATE_LIMIT": "0", "METRICS_ADDR": "127.0.0.1:0"})

	post := func(auth, body string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodPost, base+"/v1/messages", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, b
	}
	if resp, _ := post("", `{"user":"patient-42","text":"How long does a ketamine infusion take?"}`); resp.StatusCode != 401 {
		t.Fatalf("without the token: %d", resp.StatusCode)
	}
	resp, body := post("Bearer "+testToken, `{"user":"patient-42","text":"How long does a ketamine infusion take?"}`)
	if resp.StatusCode != 200 {
		t.Fatalf("POST /v1/messages: %d %s", resp.StatusCode, body)
	}
	var r httpapi.Response
	if err := json.Unmarshal(body, &r); err != nil || r.User != "patient-42" || r.Intent == "" || r.Text == "" {
		t.Fatalf("reply %s (%v)", body, err)
	}

	for url, want := range map[string]string{
		base + "/readyz":             `"ready"`,
		metricsURL(t, logs.String()): `infusionbot_messages_total{platform="http",intent="` + r.Intent + `"} 1`,
	} {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d, want %q in\n%s", url, resp.StatusCode, want, b)
		}
	}
	// The API's address, the one published, does not serve the metrics.
	if code, _ := get(t, base+"/metrics"); code != http.StatusNotFound {
		t.Errorf("GET /metrics on the API's address: %d, want 404", code)
	}

	if err := stop(); err != nil {
		t.Fatalf("runServe after cancel: %v\n%s", err, logs)
	}
	out := logs.String()
	for _, secret := range []string{"ketamine infusion take", "patient-42", testToken} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, `"msg":"serving"`) || !strings.Contains(out, `"msg":"stopped"`) {
		t.Errorf("the log lacks the serving/stopped lines:\n%s", out)
	}
}

func TestServeSIGHUPReloads(t *testing.T) {
	base, logs, stop := startServe(t, map[string]string{"RATE_LIMIT": "0"})
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(logs.String(), "SIGHUP: reloading") || !strings.Contains(logs.String(), "reload") {
		if time.Now().After(deadline) {
			t.Fatalf("no reload logged after SIGHUP:\n%s", logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Still answering after the reload.
	resp, err := http.Post(base+"/v1/messages", "application/json", strings.NewReader(`{"user":"u","text":"what is lidocaine?"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("after reload: %d", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestServeRejectsBadSettings(t *testing.T) {
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"SHUTDOWN_TIMEOUT": "soon"}, nil, "SHUTDOWN_TIMEOUT"},
		{map[string]string{"API_TOKEN": "short"}, nil, "API_TOKEN"},
		{map[string]string{"LOG_LEVEL": "chatty"}, nil, "LOG_LEVEL"},
		{nil, []string{"--addr", "nonsense"}, "HTTP_ADDR"},
	}
	for _, tt := range tests {
		err := runServe(context.Background(), tt.args, envOf(tt.env), strings.NewReader(""), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v %v: err %v, want one naming %s", tt.env, tt.args, err, tt.want)
		}
	}
	if err := runServe(context.Background(), []string{"extra"}, envOf(nil), nil, io.Discard, io.Discard); !errors.Is(err, errUsageShown) {
		t.Errorf("stray argument: %v", err)
	}
}

func TestServeCheck(t *testing.T) {
	var out bytes.Buffer
	err := runServe(context.Background(), []string{"--check"}, envOf(map[string]string{"API_TOKEN": testToken}), nil, &out, io.Discard)
	if err != nil || !strings.Contains(out.String(), "all good") {
		t.Fatalf("check with defaults and a token: %v\n%s", err, out.String())
	}
	out.Reset()
	err = runServe(context.Background(), []string{"--check"}, envOf(map[string]string{
		"CLINIC_BOOKING_URL": "not a url", "RATE_LIMIT": "fast", "API_TOKEN": "0123456789abcdefXYZ-secret",
	}), nil, &out, io.Discard)
	if !errors.Is(err, errCheckFailed) {
		t.Fatalf("check with bad settings returned %v\n%s", err, out.String())
	}
	for _, want := range []string{"FAIL  server settings", "RATE_LIMIT", "FAIL  clinic details", "CLINIC_BOOKING_URL", "ok    knowledge", "2 problem(s)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "XYZ-secret") {
		t.Errorf("check prints the token:\n%s", out.String())
	}
}

func TestServeProbe(t *testing.T) {
	code := 200
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }))
	defer srv.Close()
	probe := func() error {
		return runServe(context.Background(), []string{"--probe", srv.URL + "/healthz"}, envOf(nil), nil, io.Discard, io.Discard)
	}
	if err := probe(); err != nil {
		t.Fatalf("probe of a healthy server: %v", err)
	}
	code = 503
	if err := probe(); err == nil || !strings.Contains(err.Error(), "503") {
		t.Fatalf("probe of an unhealthy server: %v", err)
	}
	srv.Close()
	if err := probe(); err == nil {
		t.Fatal("probe of a closed port succeeded")
	}
}

func TestProbeURL(t *testing.T) {
	tests := []struct{ target, addr, want string }{
		{"/healthz", ":8080", "http://127.0.0.1:8080/healthz"},
		{"/healthz", "0.0.0.0:9000", "http://127.0.0.1:9000/healthz"},
		{"/healthz", "[::]:9000", "http://127.0.0.1:9000/healthz"},
		{"/readyz", "10.1.2.3:80", "http://10.1.2.3:80/readyz"},
		{"http://example.test/x", ":8080", "http://example.test/x"},
	}
	for _, tt := range tests {
		if got := probeURL(tt.target, tt.addr); got != tt.want {
			t.Errorf("probeURL(%q, %q) = %q, want %q", tt.target, tt.addr, got, tt.want)
		}
	}
}

func TestReadinessProblems(t *testing.T) {
	st := newStatus(bot.NopMonitor{})
	if p := st.problems(true); len(p) != 0 {
		t.Fatalf("nothing started: %v", p)
	}
	st.started("discord")
	st.started("telegram")
	if p := fmt.Sprint(st.problems(false)); !strings.Contains(p, "engine") || !strings.Contains(p, "discord: not connected") {
		t.Fatalf("problems %s", p)
	}
	st.Connected("discord", true)
	st.Connected("telegram", true)
	if p := st.problems(true); len(p) != 0 {
		t.Fatalf("all connected: %v", p)
	}
	st.stop("telegram")
	if p := fmt.Sprint(st.problems(true)); !strings.Contains(p, "telegram: stopped") {
		t.Fatalf("a stopped adapter is not reported: %s", p)
	}
	st.drain()
	if p := fmt.Sprint(st.problems(true)); !strings.Contains(p, "shutting down") {
		t.Fatalf("draining is not reported: %s", p)
	}
}

// fakeTelegram is a Bot API server: getMe answers with a bot, or 401 when
// reject is set; every other method succeeds.
func fakeTelegram(t *testing.T, reject bool) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		method := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
		switch {
		case reject:
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
		case method == "getMe":
			io.WriteString(w, `{"ok":true,"result":{"id":42,"is_bot":true,"first_name":"Clinic","username":"clinic_bot"}}`)
		case method == "getUpdates":
			select {
			case <-r.Context().Done():
			case <-time.After(200 * time.Millisecond):
			}
			io.WriteString(w, `{"ok":true,"result":[]}`)
		default:
			io.WriteString(w, `{"ok":true,"result":true}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

const tgToken = "123456789:AAtest-telegram-token_abcdefghijklmnop"

// waitFor polls cond until it holds or the test's patience runs out.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testwait.For(t, what, 20*time.Millisecond, cond)
}

// patience is when a test gives up waiting (testwait.Patience).
func patience(t *testing.T) time.Time { return testwait.Patience(t) }

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, string(b)
}

func TestServeMountsTelegramWebhook(t *testing.T) {
	api := fakeTelegram(t, false)
	base, logs, stop := startServe(t, map[string]string{
		"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_URL": api.URL,
		"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/telegram/hook", "TELEGRAM_WEBHOOK_SECRET": "hook-secret_1234567",
	})
	waitFor(t, "readiness with telegram connected", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 })
	resp, err := http.Post(base+"/telegram/hook", "application/json", strings.NewReader(`{"update_id":1}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("webhook without its secret: %d, want 401 from the telegram handler", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if out := logs.String(); strings.Contains(out, "AAtest-telegram") || strings.Contains(out, "hook-secret_1234567") {
		t.Fatalf("a secret reached the log:\n%s", out)
	}
}

// An adapter that stops with an error fails readiness but the HTTP API keeps
// answering, and the process still stops cleanly.
func TestServeKeepsRunningWhenAnAdapterFails(t *testing.T) {
	api := fakeTelegram(t, true)
	base, logs, stop := startServe(t, map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_URL": api.URL})
	var body string
	waitFor(t, "readiness to report the stopped adapter", func() bool {
		var code int
		code, body = get(t, base+"/readyz")
		return code == 503 && strings.Contains(body, "telegram: stopped")
	})
	resp, err := http.Post(base+"/v1/messages", "application/json", strings.NewReader(`{"user":"u","text":"what is ketamine?"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("HTTP API after the adapter failed: %d", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatalf("runServe: %v", err)
	}
	out := logs.String()
	if !strings.Contains(out, "adapter stopped") || strings.Contains(out, "AAtest-telegram") {
		t.Fatalf("log should report the stop without the token:\n%s", out)
	}
}
