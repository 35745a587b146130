package bot

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// echo answers every message with a question reply holding the text it got;
// messages containing "suicide" or "can't breathe" get an urgent reply.
type echo struct{ calls atomic.Int64 }

func (e *echo) Handle(_ context.Context, m Message) (Reply, error) {
	e.calls.Add(1)
	low := strings.ToLower(m.Text)
	switch {
	case strings.Contains(low, "suicide"):
		return Reply{Intent: IntentCrisis, Body: "crisis line"}, nil
	case strings.Contains(low, "can't breathe"):
		return Reply{Intent: IntentEmergency, Body: "call 911"}, nil
	}
	return Reply{Intent: IntentQuestion, Answered: true, Body: m.Text}, nil
}

type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "How long does it take?", "How long does it take?"},
		{"trim", "  \t hello \n\n ", "hello"},
		{"invalid utf8", "keta\xffmine\xc3", "ketamine"},
		{"controls", "lido\x00caine\x07\x1b[31m", "lidocaine[31m"},
		{"tab is space", "a\tb", "a b"},
		{"spaces folded", "a    b", "a b"},
		{"crlf", "line one\r\nline two\rline three", "line one\nline two\nline three"},
		{"blank lines folded", "a\n\n\n\n\nb", "a\n\nb"},
		{"trailing spaces on lines", "a   \n   b", "a\nb"},
		{"bidi override", "safe\u202etxt.exe", "safetxt.exe"},
		{"zero width space and bom", "\ufeffket\u200bamine", "ketamine"},
		{"emoji joiner kept", "👩\u200d⚕️ hi", "👩\u200d⚕️ hi"},
		{"non-breaking space", "a\u00a0b", "a b"},
		{"accents kept", "¿Qué es la ketamina?", "¿Qué es la ketamina?"},
		{"command kept", "/start", "/start"},
		{"only junk", "\x00\x01 \u200b\t\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHygieneReplies(t *testing.T) {
	long := strings.Repeat("word ", 500) // 2500 characters
	tests := []struct {
		name       string
		text       string
		wantIntent Intent
		wantBody   string // substring
		wantInner  bool
	}{
		{"question passes cleaned", "  what is\x00 ketamine?\t", IntentQuestion, "what is ketamine?", true},
		{"empty", "", IntentHelp, "didn't catch a question", false},
		{"only white space and controls", " \n\t\x00\u200b ", IntentHelp, "didn't catch a question", false},
		{"too long", long, IntentHelp, "too long", true},
		{"too long but a crisis", long + " I am thinking about suicide", IntentCrisis, "crisis line", true},
		{"exactly at the cap", strings.Repeat("a", 2000), IntentQuestion, "aaaa", true},
		{"one over the cap", strings.Repeat("a", 2001), IntentHelp, "ask one question at a time", true},
		{"cap counts characters not bytes", strings.Repeat("é", 2000), IntentQuestion, "éé", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &echo{}
			h := Hygiene(HygieneConfig{})(inner)
			r, err := h.Handle(context.Background(), Message{Platform: "telegram", User: "u", Text: tt.text})
			if err != nil {
				t.Fatalf("error %v; hygiene replies are guidance, not errors", err)
			}
			if r.Intent != tt.wantIntent || !strings.Contains(r.Body, tt.wantBody) {
				t.Errorf("reply %q %q, want intent %q containing %q", r.Intent, r.Body, tt.wantIntent, tt.wantBody)
			}
			if got := inner.calls.Load() > 0; got != tt.wantInner {
				t.Errorf("inner handler called: %v, want %v", got, tt.wantInner)
			}
			if r.Intent == IntentQuestion && strings.Contains(tt.text, "ketamine") && r.Body != "what is ketamine?" {
				t.Errorf("inner handler saw %q, want the cleaned text", r.Body)
			}
		})
	}
}

func TestHygieneFloodLimit(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	inner := &echo{}
	h := Hygiene(HygieneConfig{PerMinute: 10, Burst: 5, Now: clk.Now})(inner)
	send := func(platform, user, text string) Reply {
		t.Helper()
		r, err := h.Handle(context.Background(), Message{Platform: platform, User: user, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for i := 0; i < 5; i++ {
		if r := send("telegram", "alice", "what is lidocaine?"); r.Intent != IntentQuestion {
			t.Fatalf("message %d of the burst got %q %q", i+1, r.Intent, r.Body)
		}
	}
	r := send("telegram", "alice", "what is lidocaine?")
	if r.Intent != IntentHelp || r.Body != HygieneSlowReply {
		t.Fatalf("6th message in a burst of 5: %q %q, want the slow-down reply", r.Intent, r.Body)
	}
	// Urgent messages are never blocked.
	if r := send("telegram", "alice", "I can't breathe"); r.Intent != IntentEmergency {
		t.Fatalf("flooded emergency got %q %q, want the emergency reply", r.Intent, r.Body)
	}
	if r := send("telegram", "alice", "I keep thinking about suicide"); r.Intent != IntentCrisis {
		t.Fatalf("flooded crisis got %q %q, want the crisis reply", r.Intent, r.Body)
	}
	// Other people, and the same id on another platform, are not affected.
	if r := send("telegram", "bob", "hi"); r.Intent != IntentQuestion {
		t.Fatalf("another user limited: %q", r.Intent)
	}
	if r := send("discord", "alice", "hi"); r.Intent != IntentQuestion {
		t.Fatalf("same id on another platform limited: %q", r.Intent)
	}
	// The terminal is exempt by default.
	for i := 0; i < 20; i++ {
		if r := send("cli", "alice", "hi"); r.Intent != IntentQuestion {
			t.Fatalf("cli message %d limited", i+1)
		}
	}
	// 10 a minute: one more after 6 seconds.
	clk.t = clk.t.Add(6 * time.Second)
	if r := send("telegram", "alice", "hi again"); r.Intent != IntentQuestion {
		t.Fatalf("after 6 s: %q, want an answer", r.Intent)
	}
	if r := send("telegram", "alice", "hi again"); r.Intent != IntentHelp {
		t.Fatalf("second message after 6 s: %q, want slow-down", r.Intent)
	}
}

func TestHygieneFloodOff(t *testing.T) {
	h := Hygiene(HygieneConfig{PerMinute: -1})(&echo{})
	for i := 0; i < 50; i++ {
		r, _ := h.Handle(context.Background(), Message{Platform: "http", User: "u", Text: "hi"})
		if r.Intent != IntentQuestion {
			t.Fatalf("message %d limited with the flood limit off", i+1)
		}
	}
}

func TestHygieneInnerErrorPassesThrough(t *testing.T) {
	boom := errors.New("index gone")
	h := Hygiene(HygieneConfig{})(HandlerFunc(func(context.Context, Message) (Reply, error) {
		return Reply{}, boom
	}))
	if _, err := h.Handle(context.Background(), Message{Text: "hello"}); !errors.Is(err, boom) {
		t.Fatalf("err %v, want the inner handler's", err)
	}
}

func TestHygieneConcurrent(t *testing.T) {
	h := Hygiene(HygieneConfig{MaxUsers: 50})(&echo{})
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for i := 0; i < 200; i++ {
				h.Handle(context.Background(), Message{Platform: "discord", User: string(rune('a' + (g*200+i)%120)), Text: "hi"})
			}
			done <- true
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

func FuzzHygiene(f *testing.F) {
	for _, s := range []string{"", "what is ketamine?", "  \x00\xff\r\n\t", "\u202e\u200b\ufeff", "👩\u200d⚕️", strings.Repeat("a", 2001), "I can't breathe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := CleanText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("CleanText(%q) = %q: invalid UTF-8", in, out)
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("CleanText(%q) = %q: not trimmed", in, out)
		}
		if strings.Contains(out, "\n\n\n") {
			t.Fatalf("CleanText(%q) = %q: more than one blank line", in, out)
		}
		for _, r := range out {
			if r != '\n' && unicode.IsControl(r) {
				t.Fatalf("CleanText(%q) = %q: control character %U kept", in, out, r)
			}
		}
		if again := CleanText(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
		inner := &echo{}
		r, err := Hygiene(HygieneConfig{MaxChars: 50})(inner).Handle(context.Background(), Message{Platform: "http", User: "f", Text: in})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case out == "":
			if r.Intent != IntentHelp || inner.calls.Load() != 0 {
				t.Fatalf("empty after cleaning: %q, inner calls %d", r.Intent, inner.calls.Load())
			}
		case utf8.RuneCountInString(out) > 50:
			if r.Intent != IntentHelp && !r.Intent.Urgent() {
				t.Fatalf("over-long message got %q", r.Intent)
			}
		default:
			if r.Body != out && !r.Intent.Urgent() {
				t.Fatalf("inner handler saw %q, want %q", r.Body, out)
			}
		}
	})
}
