package repl

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/infusionbot/infusionbot/bot"
)

// recorder is a fake bot handler: it records the messages and replies with
// their text, or with the error set for a text.
type recorder struct {
	mu   sync.Mutex
	msgs []bot.Message
	errs map[string]error
}

func (r *recorder) handler() bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.msgs = append(r.msgs, m)
		if err := r.errs[m.Text]; err != nil {
			return bot.Reply{}, err
		}
		reply := bot.Reply{Intent: bot.IntentQuestion, Body: "echo: " + m.Text}
		if strings.HasPrefix(m.Text, "cite") {
			reply.Answered = true
			reply.Citations = []bot.Citation{{ID: "doc#sec", Title: "Doc", Section: "Sec", Snippet: "words"}}
			reply.Handoff = "Ask your provider."
		}
		return reply, nil
	})
}

func (r *recorder) texts() []string {
	var out []string
	for _, m := range r.msgs {
		out = append(out, m.Text)
	}
	return out
}

func TestAdapterRun(t *testing.T) {
	userErr := &bot.Error{User: "The articles are being updated, try again.", Op: "search", Err: errors.New("index closed at /secret/path")}
	plainErr := errors.New("bleve: internal detail /var/lib/index")
	tests := []struct {
		name  string
		user  string
		in    string
		texts []string // messages the handler gets
		out   string
	}{
		{
			name:  "lines in, replies out",
			in:    "hello\nhow are you\n",
			texts: []string{"hello", "how are you"},
			out:   "echo: hello\n\necho: how are you\n\n",
		},
		{
			name:  "blank lines ignored",
			in:    "\n   \nhello\n\t\n\n",
			texts: []string{"hello"},
			out:   "echo: hello\n\n",
		},
		{
			name:  "last line without newline",
			in:    "one\ntwo",
			texts: []string{"one", "two"},
			out:   "echo: one\n\necho: two\n\n",
		},
		{
			name:  "CRLF line ends",
			in:    "one\r\ntwo\r\n",
			texts: []string{"one", "two"},
			out:   "echo: one\n\necho: two\n\n",
		},
		{
			name:  "quit stops",
			in:    "one\n/quit\ntwo\n",
			texts: []string{"one"},
			out:   "echo: one\n\n",
		},
		{
			name:  "exit with spaces stops",
			in:    "  /exit \ntwo\n",
			texts: nil,
			out:   "",
		},
		{
			name:  "other commands are messages, /help gains the REPL's own",
			in:    "/help\n/sources\n",
			texts: []string{"/help", "/sources"},
			out:   "echo: /help\n\n" + Help + "\n\necho: /sources\n\n",
		},
		{
			name:  "empty input",
			in:    "",
			texts: nil,
			out:   "",
		},
		{
			name:  "reply rendered as text with sources and handoff",
			in:    "cite me\n",
			texts: []string{"cite me"},
			out:   "echo: cite me\n\nSources:\n[1] Doc — Sec\n\nAsk your provider.\n\n",
		},
		{
			name:  "handler errors show the user-safe text only",
			in:    "user error\nplain error\nafter\n",
			texts: []string{"user error", "plain error", "after"},
			out:   userErr.User + "\n\n" + bot.DefaultUserError + "\n\necho: after\n\n",
		},
		{
			name:  "named user",
			user:  "nurse-jo",
			in:    "hi\n",
			texts: []string{"hi"},
			out:   "echo: hi\n\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{errs: map[string]error{"user error": userErr, "plain error": plainErr}}
			var out bytes.Buffer
			a := &Adapter{In: strings.NewReader(tc.in), Out: &out, User: tc.user, Banner: "BANNER"}
			if err := a.Run(context.Background(), rec.handler()); err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got := rec.texts(); strings.Join(got, "|") != strings.Join(tc.texts, "|") || len(got) != len(tc.texts) {
				t.Errorf("handler got %q, want %q", got, tc.texts)
			}
			if out.String() != tc.out {
				t.Errorf("printed %q, want %q", out.String(), tc.out)
			}
			user := tc.user
			if user == "" {
				user = "staff"
			}
			for _, m := range rec.msgs {
				if m.Platform != "repl" || m.Conversation != "repl:"+user || m.User != user {
					t.Errorf("message %q: platform %q, conversation %q, user %q; want repl, repl:%s, %s", m.Text, m.Platform, m.Conversation, m.User, user, user)
				}
			}
			if strings.Contains(out.String(), "\x1b") || strings.Contains(out.String(), "\r") || strings.Contains(out.String(), "BANNER") {
				t.Errorf("piped output holds escape codes, carriage returns or the banner: %q", out.String())
			}
		})
	}
}

// TestAdapterLongLine: a line longer than MaxLine reaches the handler cut
// to MaxLine bytes, the rest of it is dropped, and the next line is intact.
func TestAdapterLongLine(t *testing.T) {
	rec := &recorder{}
	long := strings.Repeat("x", 2*MaxLine+12345)
	var out bytes.Buffer
	a := &Adapter{In: strings.NewReader(long + "\nnext\n"), Out: &out}
	if err := a.Run(context.Background(), rec.handler()); err != nil {
		t.Fatal(err)
	}
	if len(rec.msgs) != 2 {
		t.Fatalf("handler got %d messages, want 2", len(rec.msgs))
	}
	if got := rec.msgs[0].Text; len(got) != MaxLine || strings.Trim(got, "x") != "" {
		t.Errorf("long line reached the handler as %d bytes, want %d", len(got), MaxLine)
	}
	if rec.msgs[1].Text != "next" {
		t.Errorf("line after the long one: %.50q, want next", rec.msgs[1].Text)
	}
}

// TestAdapterCancelled: a cancelled context ends Run with nil before the
// next message is handled.
func TestAdapterCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rec := &recorder{}
	h := bot.HandlerFunc(func(c context.Context, m bot.Message) (bot.Reply, error) {
		cancel()
		return rec.handler().Handle(c, m)
	})
	var out bytes.Buffer
	a := &Adapter{In: strings.NewReader("one\ntwo\nthree\n"), Out: &out}
	if err := a.Run(ctx, h); err != nil {
		t.Fatalf("Run: %v, want nil", err)
	}
	if got := rec.texts(); len(got) != 1 || got[0] != "one" {
		t.Errorf("handled %q after cancellation, want only the first line", got)
	}
	if out.String() != "echo: one\n\n" {
		t.Errorf("printed %q", out.String())
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

type failReader struct{ err error }

func (r failReader) Read([]byte) (int, error) { return 0, r.err }

// TestAdapterIOErrors: read and write failures end Run with an error that
// says which, and wraps the cause.
func TestAdapterIOErrors(t *testing.T) {
	boom := errors.New("boom")
	rec := &recorder{}
	a := &Adapter{In: strings.NewReader("hello\n"), Out: failWriter{boom}}
	if err := a.Run(context.Background(), rec.handler()); !errors.Is(err, boom) || !strings.Contains(err.Error(), "write") {
		t.Errorf("write failure: Run returned %v", err)
	}
	var out bytes.Buffer
	a = &Adapter{In: io.MultiReader(strings.NewReader("hello\n"), failReader{boom}), Out: &out}
	if err := a.Run(context.Background(), rec.handler()); !errors.Is(err, boom) || !strings.Contains(err.Error(), "read") {
		t.Errorf("read failure: Run returned %v", err)
	}
	if out.String() != "echo: hello\n\n" {
		t.Errorf("the line before the read failure was not answered: %q", out.String())
	}
}

// TestTerminalKeys: on a terminal Ctrl-C drops the line being typed and the
// next line is read; Ctrl-C or Ctrl-D on an empty line ends the input, as
// the banner and /help say.
func TestTerminalKeys(t *testing.T) {
	tests := []struct {
		name  string
		keys  string
		lines []string // read before the end of input
	}{
		{"Ctrl-C clears the line", "lidocaine\x03/help\r", []string{"/help"}},
		{"Ctrl-C after multi-byte characters", "héllo wörld\x03ok\r", []string{"ok"}},
		{"Ctrl-C mid-line, cursor moved left", "abc\x1b[D\x1b[D\x03ok\r", []string{"ok"}},
		{"second Ctrl-C on the empty line quits", "typed\x03\x03never\r", nil},
		{"Ctrl-C on an empty line quits", "one\r\x03two\r", []string{"one"}},
		{"Ctrl-D on an empty line quits", "one\r\x04two\r", []string{"one"}},
		{"Ctrl-D in a line does not quit", "one\x04\r", []string{"one"}},
		{"end of input", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var echo bytes.Buffer
			read := terminalLines(strings.NewReader(tc.keys), &echo, 80)
			var got []string
			for {
				line, err := read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, line)
				if len(got) > 10 {
					t.Fatal("no end of input")
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.lines, "|") {
				t.Errorf("read %q, want %q", got, tc.lines)
			}
		})
	}
}

// TestTerminalKeysOneByteAtATime: a Ctrl-C arriving in a read of its own
// (a person typing) acts as in a paste.
func TestTerminalKeysOneByteAtATime(t *testing.T) {
	read := terminalLines(iotest.OneByteReader(strings.NewReader("ketamine\x03/sources\r\x03")), io.Discard, 80)
	line, err := read()
	if err != nil || line != "/sources" {
		t.Fatalf("read %q, %v; want /sources", line, err)
	}
	if _, err := read(); !errors.Is(err, io.EOF) {
		t.Fatalf("Ctrl-C on an empty line: %v, want io.EOF", err)
	}
}
