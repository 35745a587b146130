package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

const token = "123456:AAH-secret-bot-token"

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestRedactEverywhere(t *testing.T) {
	var buf bytes.Buffer
	log, err := New(&buf, env(nil), Options{Format: "json", Secrets: []string{token, ""}})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://api.telegram.org/bot" + token + "/getUpdates")
	log = log.With("bound", "tok="+token)
	log.Info("calling bot"+token, "url", u.String(), "urlValue", u,
		"err", fmt.Errorf("Post %q: timeout", u.String()),
		slog.Group("g", "inner", token, "n", 3),
		"bytes", []byte(token), token, "as key")
	log.WithGroup("grp").Error("failed", "err", errors.New("401 for "+token))
	out := buf.String()
	if strings.Contains(out, "AAH-secret") {
		t.Fatalf("token reached the log:\n%s", out)
	}
	if n := strings.Count(out, Redacted); n < 8 {
		t.Fatalf("want the token redacted in every place (8), got %d:\n%s", n, out)
	}
	if !strings.Contains(out, `"n":3`) {
		t.Fatalf("other attributes lost:\n%s", out)
	}
}

func TestNoSecretsIsPassThrough(t *testing.T) {
	h := slog.NewTextHandler(new(bytes.Buffer), nil)
	if Redact(h) != slog.Handler(h) || Redact(h, "") != slog.Handler(h) {
		t.Fatal("Redact without secrets should return the handler itself")
	}
}

func TestLevelAndFormat(t *testing.T) {
	tests := []struct {
		env     map[string]string
		debugOn bool
		json    bool
		wantErr string
	}{
		{env: nil, debugOn: false, json: true}, // a buffer is not a terminal: JSON
		{env: map[string]string{"LOG_LEVEL": "debug"}, debugOn: true, json: true},
		{env: map[string]string{"LOG_LEVEL": "WARN", "LOG_FORMAT": "text"}, json: false},
		{env: map[string]string{"LOG_LEVEL": "loud"}, wantErr: "LOG_LEVEL"},
		{env: map[string]string{"LOG_FORMAT": "xml"}, wantErr: "LOG_FORMAT"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		log, err := New(&buf, env(tt.env), Options{})
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: err %v, want one naming %s", tt.env, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := log.Enabled(context.Background(), slog.LevelDebug); got != tt.debugOn {
			t.Errorf("%v: debug enabled %v", tt.env, got)
		}
		log.Error("x")
		if got := json.Valid(bytes.TrimSpace(buf.Bytes())); got != tt.json {
			t.Errorf("%v: JSON output %v: %q", tt.env, got, buf.String())
		}
	}
}

func TestHashID(t *testing.T) {
	a, b := HashID("telegram:42"), HashID("telegram:43")
	if a == b || a == "" || len(a) != 16 {
		t.Fatalf("HashID = %q, %q", a, b)
	}
	if strings.Contains(a, "42") && a == "telegram:42" {
		t.Fatal("HashID returned the id")
	}
	if HashID("telegram:42") != a {
		t.Fatal("HashID is not stable within a process")
	}
	SetIDSalt("salt-one")
	one := HashID("telegram:42")
	SetIDSalt("salt-two")
	if HashID("telegram:42") == one {
		t.Fatal("the salt does not key the hash")
	}
	SetIDSalt("salt-one")
	if HashID("telegram:42") != one {
		t.Fatal("the same salt gives a different hash")
	}
	if HashID("") != "" {
		t.Fatal("empty id should hash to empty")
	}
}

func runTranscript(t *testing.T, enabled bool, level string) string {
	t.Helper()
	var buf bytes.Buffer
	log, err := New(&buf, env(map[string]string{"LOG_LEVEL": level}), Options{Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	h := Transcript(log, enabled)(bot.HandlerFunc(func(context.Context, bot.Message) (bot.Reply, error) {
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "Ketamine infusions take about 40 minutes."}, nil
	}))
	h.Handle(context.Background(), bot.Message{Platform: "telegram", User: "user-987654", Text: "my ketamine dose question"})
	return buf.String()
}

func TestTranscriptOffByDefault(t *testing.T) {
	for _, level := range []string{"info", "debug"} {
		out := runTranscript(t, false, level)
		if strings.Contains(out, "ketamine") || strings.Contains(out, "user-987654") {
			t.Fatalf("LOG_LEVEL=%s without TRANSCRIPT: text or raw user id logged:\n%s", level, out)
		}
		if level == "debug" && !strings.Contains(out, `"intent":"question"`) {
			t.Fatalf("debug log should still record the intent:\n%s", out)
		}
	}
}

func TestTranscriptOn(t *testing.T) {
	out := runTranscript(t, true, "info")
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if rec["msg"] != "transcript" || rec["text"] != "my ketamine dose question" || rec["intent"] != "question" {
		t.Fatalf("transcript record %v", rec)
	}
	if rec["user"] != HashID("telegram:user-987654") || strings.Contains(out, "user-987654") {
		t.Fatalf("user %v, want the hashed id only", rec["user"])
	}
}

// A short LOG_ID_SALT would make hashed ids enumerable (and its redaction
// would blank its letters everywhere): it is refused.
func TestShortSaltRefused(t *testing.T) {
	for _, salt := range []string{"e", "fifteen-chars!!"} {
		if _, err := New(io.Discard, func(k string) string {
			if k == "LOG_ID_SALT" {
				return salt
			}
			return ""
		}, Options{}); err == nil || !strings.Contains(err.Error(), "LOG_ID_SALT") {
			t.Errorf("salt %q: %v, want an error naming LOG_ID_SALT", salt, err)
		}
	}
}
