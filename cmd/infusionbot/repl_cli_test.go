package main

import (
	"context"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

// cliREPLWant is what the piped REPL should print for lines: each
// message's reply, as a fresh engine gives it in one conversation, followed
// by a blank line; blank lines are skipped and /quit or /exit stops.
func cliREPLWant(t *testing.T, lines []string) string {
	t.Helper()
	e, err := openEngine(context.Background(), engineConfig{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var b strings.Builder
	for _, l := range lines {
		switch strings.TrimSpace(l) {
		case "":
			continue
		case "/quit", "/exit":
			return b.String()
		}
		r, err := e.Handler().Handle(context.Background(), bot.Message{Platform: "repl", Conversation: "repl:staff", User: "staff", Text: l})
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(r.Text() + "\n\n")
	}
	return b.String()
}

// TestREPLPiped: on piped input the REPL prints one plain reply per line,
// each followed by a blank line, no banner, no escape codes, and returns
// nil at the end of input or at /quit.
func TestREPLPiped(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("lidocaine ", 2<<20/10+1) // 2 MB
	tests := []struct {
		name     string
		lines    []string
		contains []string // the output contains these
		lacks    []string // and not these
	}{
		{
			name:     "question and follow-up",
			lines:    []string{"What are lidocaine infusions?", "how long does it take?"},
			contains: []string{"Lidocaine infusions use a local anesthetic", "30–60", "Sources:", "[1] "},
		},
		{
			name:     "blank lines ignored",
			lines:    []string{"", "   ", "hello", "\t", "", "I can't breathe", ""},
			contains: []string{"medical emergency"},
		},
		{
			name:  "quit stops early",
			lines: []string{"hello", "/quit", "What are lidocaine infusions?", "I can't breathe"},
			lacks: []string{"Lidocaine infusions use", "medical emergency"},
		},
		{
			name:  "exit with spaces stops early",
			lines: []string{"  /exit  ", "What are lidocaine infusions?"},
			lacks: []string{"Lidocaine"},
		},
		{
			name:     "2 MB line",
			lines:    []string{huge, "I can't breathe"},
			contains: []string{"too long", "medical emergency"},
		},
		{
			name:     "2 MB line starting with an emergency",
			lines:    []string{"I can't breathe " + huge, "hello"},
			contains: []string{"medical emergency"},
		},
		{
			name:  "escape codes and controls in input",
			lines: []string{"\x1b[31mWhat are lidocaine infusions?\x1b[0m", "\x07\x00hello\u202e"},
		},
		{
			name:     "CRLF line ends",
			lines:    []string{"What are lidocaine infusions?\r", "how long does it take?\r"},
			contains: []string{"30–60"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := strings.Join(tc.lines, "\n") + "\n"
			out, stderr, err := cliRun(t, in, "repl")
			if err != nil {
				t.Fatalf("repl: %v (stderr %q)", err, stderr)
			}
			if stderr != "" {
				t.Errorf("repl wrote on stderr: %q", stderr)
			}
			if strings.Contains(out, "\x1b") || strings.Contains(out, "\r") {
				t.Errorf("output holds escape codes or carriage returns: %.300q", out)
			}
			if strings.Contains(out, replBanner) || strings.Contains(out, "> ") {
				t.Errorf("piped output shows the banner or a prompt: %.300q", out)
			}
			if len(out) > 20_000 {
				t.Errorf("output of %d bytes: the input is echoed", len(out))
			}
			if want := cliREPLWant(t, tc.lines); out != want {
				t.Errorf("repl printed\n%s\nwant\n%s", out, want)
			}
			if out != "" && (!strings.HasSuffix(out, "\n\n") || strings.HasSuffix(out, "\n\n\n")) {
				t.Errorf("replies are not followed by exactly one blank line: %.100q", out[max(0, len(out)-100):])
			}
			for _, s := range tc.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(out, s) {
					t.Errorf("output has %q:\n%s", s, out)
				}
			}
		})
	}
}

// TestREPLDefaultCommand: with no command, or only flags, the program is
// the REPL; empty input ends it at once without output.
func TestREPLDefaultCommand(t *testing.T) {
	t.Parallel()
	out, _, err := cliRun(t, "hello\n")
	if err != nil || !strings.Contains(out, "Hello") {
		t.Errorf("no command: %v, %q; want the REPL's greeting", err, out)
	}
	out, _, err = cliRun(t, "What are lidocaine infusions?\n", "--knowledge", cliEmbeddedArticles)
	if err != nil || !strings.Contains(out, "Lidocaine infusions use") {
		t.Errorf("only flags: %v, %q; want the REPL's answer", err, out)
	}
	out, _, err = cliRun(t, "", "repl")
	if err != nil || out != "" {
		t.Errorf("empty input: %v, %q; want nil and no output", err, out)
	}
	if _, _, err := cliRun(t, "", "repl", "--bogus"); exitCode(err) != 2 {
		t.Errorf("unknown flag: %v, want the usage error", err)
	}
}
