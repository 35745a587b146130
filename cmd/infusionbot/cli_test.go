package main

// End-to-end tests of the staff CLI through run(...), with in-memory stdin
// and stdout: what a staff member or the scoring script (shared/eval/score.py)
// sees of `ask --json`, `ask`, `repl`, `search`, `index`, `eval` and `help`.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// cliRun runs the program with args, stdin and an empty environment, and
// returns what it wrote.
func cliRun(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return cliRunReader(t, strings.NewReader(stdin), args...)
}

func cliRunReader(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	err = run(ctx, args, func(string) string { return "" }, stdin, &out, &errb)
	return out.String(), errb.String(), err
}

// cliIntents are the intents the reply schema allows.
var cliIntents = []string{"greeting", "help", "thanks", "goodbye", "question", "emergency", "crisis",
	"medical_advice", "clinic", "human", "out_of_scope"}

// cliReply is one reply object of the batch protocol.
type cliReply struct {
	User      string        `json:"user"`
	Intent    string        `json:"intent"`
	Answered  bool          `json:"answered"`
	Text      string        `json:"text"`
	Citations []cliCitation `json:"citations"`
	Handoff   string        `json:"handoff"`
}

type cliCitation struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Source  string  `json:"source"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// cliKeys returns the sorted keys of a JSON object, or fails.
func cliKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not a JSON object: %v: %.200q", err, raw)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// cliDecodeReply checks one output line against the reply schema (exactly
// the schema's fields, citations an array, intent from the allowed set)
// and decodes it.
func cliDecodeReply(t *testing.T, line string) cliReply {
	t.Helper()
	want := []string{"answered", "citations", "handoff", "intent", "text", "user"}
	if got := cliKeys(t, []byte(line)); !slices.Equal(got, want) {
		t.Fatalf("reply fields %v, want %v: %.300s", got, want, line)
	}
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	var r cliReply
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("reply does not decode: %v: %.300s", err, line)
	}
	var cites struct{ Citations []json.RawMessage }
	if err := json.Unmarshal([]byte(line), &cites); err != nil || cites.Citations == nil {
		t.Fatalf("citations is not an array (null?): %.300s", line)
	}
	for _, c := range cites.Citations {
		want := []string{"id", "score", "section", "snippet", "source", "title"}
		if got := cliKeys(t, c); !slices.Equal(got, want) {
			t.Fatalf("citation fields %v, want %v: %s", got, want, c)
		}
	}
	if !slices.Contains(cliIntents, r.Intent) {
		t.Fatalf("intent %q is not one of %v", r.Intent, cliIntents)
	}
	if r.Text == "" {
		t.Fatalf("reply with empty text: %s", line)
	}
	return r
}

// cliArticles reads the article files (.md) of a knowledge folder and its
// subfolders: document path (slash-separated, without extension) to
// contents. README files and names starting with "_" or "." are not
// articles, so a citation of them fails the checks.
func cliArticles(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || filepath.Ext(name) != ".md" || strings.EqualFold(name, "README.md") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		m[strings.TrimSuffix(filepath.ToSlash(rel), ".md")] = string(data)
		return nil
	})
	if err != nil || len(m) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	return m
}

const cliEmbeddedArticles = "../../knowledge/articles"

// cliCheckGrounded checks what an answered reply promises: at least one
// citation, each naming an article by its path and quoting it verbatim
// (line by line, a list item's "- " aside), and the handoff, which the
// text shows too, with the sources.
func cliCheckGrounded(t *testing.T, r cliReply, articles map[string]string) {
	t.Helper()
	if !r.Answered {
		t.Fatalf("not answered: intent %s: %q", r.Intent, r.Text)
	}
	if r.Intent != "question" {
		t.Errorf("answered with intent %q, want question", r.Intent)
	}
	if len(r.Citations) == 0 {
		t.Fatalf("answered without citations: %q", r.Text)
	}
	if strings.TrimSpace(r.Handoff) == "" {
		t.Errorf("answered without a handoff: %q", r.Text)
	}
	if !strings.HasSuffix(r.Text, r.Handoff) || !strings.Contains(r.Text, "Sources:") {
		t.Errorf("text does not show the sources and end with the handoff %q: %q", r.Handoff, r.Text)
	}
	for i, c := range r.Citations {
		doc, anchor, ok := strings.Cut(c.ID, "#")
		body, known := articles[doc]
		if !ok || anchor == "" || !known {
			t.Errorf("citation %d id %q does not start with an article's path and '#'", i+1, c.ID)
			continue
		}
		if c.Title == "" || c.Section == "" || c.Snippet == "" {
			t.Errorf("citation %d has an empty title, section or snippet: %+v", i+1, c)
		}
		for _, line := range strings.Split(c.Snippet, "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
			if line != "" && !strings.Contains(body, line) {
				t.Errorf("citation %d (%s): snippet line not verbatim in %s.md: %q", i+1, c.ID, doc, line)
			}
		}
		if !strings.Contains(r.Text, c.Title) {
			t.Errorf("text does not name source %d, %q", i+1, c.Title)
		}
	}
}

// cliLines splits output into its lines, failing on a missing final newline.
func cliLines(t *testing.T, out string) []string {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline: %.200q", out[max(0, len(out)-200):])
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func cliLine(user, text string) string {
	b, err := json.Marshal(map[string]string{"user": user, "text": text})
	if err != nil {
		panic(err)
	}
	return string(b)
}

func cliCitesContaining(r cliReply, s string) bool {
	for _, c := range r.Citations {
		if strings.Contains(c.Snippet, s) {
			return true
		}
	}
	return false
}

// TestAskJSONConversations feeds interleaved conversations of several
// people and checks one schema reply per line, in order, each answered
// one grounded in the articles, and follow-ups resolved per person.
func TestAskJSONConversations(t *testing.T) {
	t.Parallel()
	articles := cliArticles(t, cliEmbeddedArticles)
	type turn struct {
		user, text string
		intent     string // "" means question, answered
		cites      string // a cited snippet contains this
		only       string // and a cited snippet contains this, which a question without context would not cite
	}
	turns := []turn{
		{user: "ana", text: "What are lidocaine infusions?", cites: "idocaine"},
		{user: "ben", text: "What are ketamine infusions?", cites: "etamine"},
		{user: "cy", text: "Hello", intent: "greeting"},
		{text: `{"user": "ana", "text": "oops`, intent: "error"}, // a bad line loses no context
		// Follow-ups: each person's own topic, not the other's, and not
		// only the comparison table's row that holds both durations.
		{user: "ana", text: "how long does it take?", cites: "30–60", only: "administers the lidocaine"},
		{user: "ben", text: "how long does it take?", cites: "1–4 hours", only: "session usually lasts 1–4 hours"},
		{user: "dee", text: "I can't breathe", intent: "emergency"},
		{user: "cy", text: "What are the side effects of ketamine infusions?"},
		{user: "ana", text: "thank you!", intent: "thanks"},
	}
	var in strings.Builder
	for _, tu := range turns {
		if tu.intent == "error" {
			in.WriteString(tu.text + "\n")
			continue
		}
		in.WriteString(cliLine(tu.user, tu.text) + "\n")
	}
	out, stderr, err := cliRun(t, in.String(), "ask", "--json")
	if err != nil {
		t.Fatalf("ask --json: %v (stderr %q)", err, stderr)
	}
	lines := cliLines(t, out)
	if len(lines) != len(turns) {
		t.Fatalf("%d output lines for %d input lines:\n%s", len(lines), len(turns), out)
	}
	for i, tu := range turns {
		if tu.intent == "error" {
			if !strings.HasPrefix(lines[i], `{"error":`) {
				t.Errorf("line %d: want an error object, got %.200s", i+1, lines[i])
			}
			continue
		}
		r := cliDecodeReply(t, lines[i])
		if r.User != tu.user {
			t.Errorf("line %d: user %q, want %q (out of order?)", i+1, r.User, tu.user)
		}
		switch tu.intent {
		case "":
			cliCheckGrounded(t, r, articles)
			if tu.cites != "" && !cliCitesContaining(r, tu.cites) {
				t.Errorf("line %d %q (%s): no cited snippet contains %q: %+v", i+1, tu.text, tu.user, tu.cites, r.Citations)
			}
			if tu.only != "" && !cliCitesContaining(r, tu.only) {
				t.Errorf("line %d %q (%s): follow-up not resolved in the person's conversation: no cited snippet contains %q: %+v", i+1, tu.text, tu.user, tu.only, r.Citations)
			}
		default:
			if r.Intent != tu.intent {
				t.Errorf("line %d %q: intent %q, want %q", i+1, tu.text, r.Intent, tu.intent)
			}
			if r.Answered || len(r.Citations) != 0 {
				t.Errorf("line %d %q: answered %v with %d citations, want neither", i+1, tu.text, r.Answered, len(r.Citations))
			}
		}
		if tu.intent == "emergency" && (!strings.Contains(r.Text, "911") || r.Handoff != "") {
			t.Errorf("emergency reply does not say to call 911 at once: %q (handoff %q)", r.Text, r.Handoff)
		}
	}
}

// TestAskJSONBadLines: every bad line gets exactly one output line, the run
// never fails, and the good line after it is answered as if alone.
func TestAskJSONBadLines(t *testing.T) {
	t.Parallel()
	articles := cliArticles(t, cliEmbeddedArticles)
	const good = "What are lidocaine infusions?"
	huge := strings.Repeat("infusion ", 1<<20/9+1) // more than 1 MB of text
	tests := []struct {
		name string
		line string
		// want: "error" for an error object naming the line; otherwise the
		// reply's intent.
		want string
		text string // the reply's text contains this
	}{
		{"not JSON", `what are lidocaine infusions?`, "error", ""},
		{"JSON array", `[{"user":"u","text":"hi"}]`, "error", ""},
		{"JSON string", `"What are lidocaine infusions?"`, "error", ""},
		{"text not a string", `{"user":"u","text":5}`, "error", ""},
		{"truncated object", `{"user":"u","text":"What are`, "error", ""},
		{"trailing garbage", `{"user":"u","text":"hi"} {"user":"v"}`, "error", ""},
		{"invalid UTF-8", "{\"user\":\"u\",\"text\":\"caf\xe9 \xff\xfe lidocaine\"}", "error", ""},
		{"1 MB text", cliLine("u", huge), "help", "too long"},
		{"1 MB text starting with an emergency", cliLine("u", "I can't breathe. "+huge), "emergency", "911"},
		{"empty text, rejected as the HTTP API does", cliLine("u", ""), "error", ""},
		{"white space text", cliLine("u", " \t "), "help", ""},
		{"no fields, rejected as the HTTP API does", `{}`, "error", ""},
		{"an unknown field, rejected as the HTTP API does", `{"user": "u", "text": "hello", "txet": "x"}`, "error", ""},
		{"control characters", cliLine("u", "\x00\x07\x1b[31m\u202e\u200b"), "", ""},
		{"HTML and query syntax", cliLine("u", `<b>title:x AND +y -z ~2</b>`), "", ""},
		{"query syntax only", cliLine("u", `title:x AND +y -z ~2 "unclosed (( ]] *:* /re.*gex/ ^3 field:>5`), "", ""},
		{"HTML around a question", cliLine("u", `<b>What are lidocaine infusions?</b> <script>alert(1)</script>`), "", ""},
		{"CRLF line end", cliLine("u", "hello") + "\r", "greeting", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.line + "\n" + cliLine("next", good) + "\n"
			out, stderr, err := cliRun(t, in, "ask", "--json")
			if err != nil {
				t.Fatalf("ask --json failed: %v (stderr %q)", err, stderr)
			}
			lines := cliLines(t, out)
			if len(lines) != 2 {
				t.Fatalf("%d output lines for 2 input lines: %.1000s", len(lines), out)
			}
			if tc.want == "error" {
				var e map[string]any
				if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
					t.Fatalf("first output line is not a JSON object: %v: %q", err, lines[0])
				}
				msg, _ := e["error"].(string)
				if !strings.Contains(msg, "line 1") {
					t.Errorf("error object does not name line 1: %s", lines[0])
				}
			} else {
				r := cliDecodeReply(t, lines[0])
				if tc.want != "" && r.Intent != tc.want {
					t.Errorf("intent %q, want %q: %q", r.Intent, tc.want, r.Text)
				}
				if !strings.Contains(r.Text, tc.text) {
					t.Errorf("text does not contain %q: %q", tc.text, r.Text)
				}
				if r.Answered {
					cliCheckGrounded(t, r, articles)
				}
				if len(r.Text) > 10_000 || strings.Contains(r.Text, "\x1b") {
					t.Errorf("reply echoes the input: %.200q", r.Text)
				}
			}
			r := cliDecodeReply(t, lines[1])
			if r.User != "next" {
				t.Errorf("second reply is for %q, want next", r.User)
			}
			cliCheckGrounded(t, r, articles)
			if !cliCitesContaining(r, "local anesthetic") {
				t.Errorf("the good line after the bad one is not answered as alone: %+v", r.Citations)
			}
		})
	}
}

// TestAskJSONInputShapes: empty input, blank lines, a last line without a
// newline, and a run of error lines keeping the line numbers right.
func TestAskJSONInputShapes(t *testing.T) {
	t.Parallel()
	t.Run("empty stdin", func(t *testing.T) {
		t.Parallel()
		out, _, err := cliRun(t, "", "ask", "--json")
		if err != nil || out != "" {
			t.Fatalf("got %q, %v; want no output and no error", out, err)
		}
	})
	t.Run("only blank lines", func(t *testing.T) {
		t.Parallel()
		out, _, err := cliRun(t, "\n  \n\r\n\t\n", "ask", "--json")
		if err != nil || out != "" {
			t.Fatalf("got %q, %v; want no output and no error", out, err)
		}
	})
	t.Run("blank lines skipped, numbering by messages, no final newline", func(t *testing.T) {
		t.Parallel()
		in := "\n" + cliLine("a", "hello") + "\n\n   \nnot json\n" + cliLine("a", "I can't breathe")
		out, _, err := cliRun(t, in, "ask", "--json")
		if err != nil {
			t.Fatal(err)
		}
		lines := cliLines(t, out)
		if len(lines) != 3 {
			t.Fatalf("%d output lines for 3 messages: %s", len(lines), out)
		}
		if r := cliDecodeReply(t, lines[0]); r.Intent != "greeting" {
			t.Errorf("line 1: intent %q, want greeting", r.Intent)
		}
		if !strings.Contains(lines[1], `"error"`) || !strings.Contains(lines[1], "line 2") {
			t.Errorf("line 2: want an error object naming line 2, got %s", lines[1])
		}
		if r := cliDecodeReply(t, lines[2]); r.Intent != "emergency" || len(r.Citations) != 0 {
			t.Errorf("line 3 (no final newline): intent %q with %d citations, want emergency with none", r.Intent, len(r.Citations))
		}
	})
	t.Run("a byte order mark before the first line", func(t *testing.T) {
		t.Parallel()
		// Files saved by Windows editors start with one.
		for _, cmd := range [][]string{{"ask", "--json"}, {"search", "--json"}} {
			out, _, err := cliRun(t, "\ufeff"+cliLine("a", "hello")+"\n", cmd...)
			if err != nil {
				t.Fatal(err)
			}
			if lines := cliLines(t, out); len(lines) != 1 || strings.Contains(lines[0], `"error"`) {
				t.Errorf("%s: got %s, want one reply and no error", cmd[0], out)
			}
		}
	})
	t.Run("input read in small pieces", func(t *testing.T) {
		t.Parallel()
		in := cliLine("a", "What are lidocaine infusions?") + "\n" + cliLine("a", "how long does it take?") + "\n"
		out, _, err := cliRunReader(t, &cliTrickleReader{s: in, n: 3}, "ask", "--json")
		if err != nil {
			t.Fatal(err)
		}
		lines := cliLines(t, out)
		if len(lines) != 2 {
			t.Fatalf("%d output lines for 2 messages: %s", len(lines), out)
		}
		if r := cliDecodeReply(t, lines[1]); !cliCitesContaining(r, "30–60") {
			t.Errorf("follow-up does not cite 30–60: %+v", r.Citations)
		}
	})
	t.Run("write error", func(t *testing.T) {
		t.Parallel()
		boom := errors.New("pipe closed")
		err := run(context.Background(), []string{"ask", "--json"}, func(string) string { return "" },
			strings.NewReader(cliLine("a", "hello")+"\n"+cliLine("a", "hello")+"\n"), cliErrWriter{boom}, io.Discard)
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want the write error", err)
		}
	})
	t.Run("read error", func(t *testing.T) {
		t.Parallel()
		boom := errors.New("disk on fire")
		_, _, err := cliRunReader(t, io.MultiReader(strings.NewReader(cliLine("a", "hello")+"\n"), &cliErrReader{boom}), "ask", "--json")
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want the read error", err)
		}
	})
}

// cliTrickleReader returns at most n bytes a read.
type cliTrickleReader struct {
	s string
	n int
}

func (r *cliTrickleReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.s)
	r.s = r.s[k:]
	return k, nil
}

type cliErrReader struct{ err error }

type cliErrWriter struct{ err error }

func (w cliErrWriter) Write([]byte) (int, error) { return 0, w.err }

func (r *cliErrReader) Read([]byte) (int, error) { return 0, r.err }

// TestAskOneQuestion: the human-readable answer is the reply's text: the
// quote, the sources and the handoff; no question is a usage error.
func TestAskOneQuestion(t *testing.T) {
	t.Parallel()
	const q = "What are lidocaine infusions?"
	out, stderr, err := cliRun(t, "", "ask", q)
	if err != nil {
		t.Fatalf("ask: %v (stderr %q)", err, stderr)
	}
	js, _, err := cliRun(t, cliLine("cli", q)+"\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	r := cliDecodeReply(t, strings.TrimSpace(js))
	cliCheckGrounded(t, r, cliArticles(t, cliEmbeddedArticles))
	if out != r.Text+"\n" {
		t.Errorf("ask prints\n%s\nwant the reply's text\n%s", out, r.Text)
	}
	for _, want := range []string{r.Citations[0].Snippet, "Sources:", "[1] " + r.Citations[0].Title, r.Handoff} {
		if !strings.Contains(out, want) {
			t.Errorf("ask output lacks %q:\n%s", want, out)
		}
	}
	// Words of the question may be split over several arguments.
	split, _, err := cliRun(t, "", "ask", "What", "are", "lidocaine", "infusions?")
	if err != nil || split != out {
		t.Errorf("ask with the question in several arguments: %v\n%s\nwant\n%s", err, split, out)
	}

	// An emergency: the urgent text only, no sources, no handoff.
	em, _, err := cliRun(t, "", "ask", "I can't breathe")
	if err != nil || !strings.Contains(em, "Call 911 now") || strings.Contains(em, "Sources:") || strings.Contains(em, r.Handoff) {
		t.Errorf("ask about an emergency: %v\n%s", err, em)
	}

	for _, args := range [][]string{{"ask"}, {"ask", "  "}, {"ask", "--no-such-flag", "hi"}} {
		out, stderr, err := cliRun(t, "What are lidocaine infusions?\n", args...)
		if !errors.Is(err, errUsageShown) || exitCode(err) != 2 {
			t.Errorf("%q: got %v, want the usage error", args, err)
		}
		if !strings.Contains(stderr, "usage") && !strings.Contains(stderr, "Usage") {
			t.Errorf("%q: stderr shows no usage: %q", args, stderr)
		}
		if out != "" {
			t.Errorf("%q: wrote %q on stdout", args, out)
		}
	}
}

// TestHelpAndUnknownCommand: help goes to stdout with success; an unknown
// command is a usage error on stderr with exit code 2.
func TestHelpAndUnknownCommand(t *testing.T) {
	t.Parallel()
	cliCheckHelp(t, "help")
	for _, args := range [][]string{{"frobnicate"}, {"Ask", "hi"}, {"asks"}} {
		out, stderr, err := cliRun(t, "", args...)
		if !errors.Is(err, errUsageShown) || exitCode(err) != 2 {
			t.Errorf("%q: got %v, want the usage error", args, err)
		}
		if out != "" {
			t.Errorf("%q: wrote %q on stdout", args, out)
		}
		if !strings.Contains(stderr, `unknown command "`+args[0]+`"`) || !strings.Contains(stderr, usage) {
			t.Errorf("%q: stderr %q does not name the command and show the usage", args, stderr)
		}
	}
	if exitCode(errors.New("other")) != 1 {
		t.Errorf("exit code of a plain error is not 1")
	}
}

// cliCheckHelp checks that arg prints the program's usage on stdout and succeeds.
func cliCheckHelp(t *testing.T, arg string) {
	t.Helper()
	out, stderr, err := cliRun(t, "", arg)
	if err != nil || stderr != "" {
		t.Errorf("%s: %v, stderr %q", arg, err, stderr)
	}
	if out != usage {
		t.Errorf("%s: printed %q, want the usage", arg, out)
		return
	}
	for _, cmd := range []string{"repl", "ask", "search", "index", "eval", "serve"} {
		if !strings.Contains(out, "infusionbot "+cmd) && !strings.Contains(out, "infusionbot ["+cmd+"]") {
			t.Errorf("%s: usage does not list %s", arg, cmd)
		}
	}
}

// TestHelpFlags: "infusionbot -h" and "--help" are the help command, which
// run's switch lists, not the REPL's flag error (exit 2, "Usage of repl").
func TestHelpFlags(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"-h", "--help"} {
		cliCheckHelp(t, arg)
	}
}
