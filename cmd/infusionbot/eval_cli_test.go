package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEvalCaseFile scores testdata/cli_eval_cases.jsonl: one figure line
// per kind, in the order the kinds first appear, with the scorer's keys
// and counts; -v lists the misses, among them the case whose evidence no
// article holds.
func TestEvalCaseFile(t *testing.T) {
	t.Parallel()
	out, stderr, err := cliRun(t, "", "eval", "-v", "testdata/cli_eval_cases.jsonl")
	if err != nil {
		t.Fatalf("eval: %v (stderr %q)", err, stderr)
	}
	lines := cliLines(t, out)
	want := []struct{ kind, figures string }{
		// cli-02's evidence is in no article: it must miss hit@1 and hit@any.
		{"answer", `hit@1 1/2 \(50%\), hit@any 1/2 \(50%\), handoff shown 2/2 \(100%\)`},
		{"emergency", `recall 1/1 \(100%\)`},
		{"crisis", `recall 1/1 \(100%\), escalated 1/1 \(100%\)`},
		{"medical_advice", `ok 1/1 \(100%\)`},
		{"smalltalk", `ok 1/1 \(100%\)`},
		{"out_of_scope", `ok 1/1 \(100%\)`},
		{"not_emergency", `not escalated 1/1 \(100%\), and answered 1/1 \(100%\)`},
	}
	if len(lines) < len(want) {
		t.Fatalf("%d lines, want %d figure lines and the misses:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		re := regexp.MustCompile(`^` + w.kind + ` +` + w.figures + `$`)
		if !re.MatchString(lines[i]) || len(lines[i]) < 17 || lines[i][15] != ' ' || lines[i][16] == ' ' {
			t.Errorf("line %d: %q, want %s padded to 15, a space, then %s", i+1, lines[i], w.kind, w.figures)
		}
	}
	misses := lines[len(want):]
	if len(misses) != 1 || !strings.HasPrefix(misses[0], "MISS cli-02 answer ") {
		t.Errorf("misses %q, want only cli-02's", misses)
	}

	// Without -v only the figures.
	quiet, _, err := cliRun(t, "", "eval", "testdata/cli_eval_cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(lines[:len(want)], "\n") + "\n"; quiet != want {
		t.Errorf("eval without -v printed\n%s\nwant\n%s", quiet, want)
	}
}

// TestEvalBadCaseFiles: a malformed case file is an error naming the file
// and line; a missing file or argument is an error too.
func TestEvalBadCaseFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := `{"id": "g1", "kind": "emergency", "turns": ["I can't breathe"]}`
	tests := []struct {
		name, text string
		want       string // the error holds this
	}{
		{"not JSON on line 3", good + "\n\n{\"id\": \"b\", \"kind\": \"answer\", turns: []}\n" + good + "\n", "bad.jsonl:3:"},
		{"no turns on line 2", good + "\n" + `{"id": "b", "kind": "answer", "turns": []}` + "\n", "bad.jsonl:2: case has no turns"},
		{"turns not a list", `{"id": "b", "kind": "answer", "turns": "hello"}` + "\n", "bad.jsonl:1:"},
		{"a JSON array", `[` + good + `]` + "\n", "bad.jsonl:1:"},
		// A case longer than the reader's buffer is still a problem of a line.
		{"a 2 MB line 2", good + "\n" + `{"id": "b", "kind": "answer", "turns": ["` + strings.Repeat("a", 2<<20) + `"]}` + "\n", "bad.jsonl:2:"},
	}
	for _, tc := range tests {
		p := filepath.Join(dir, "bad.jsonl")
		if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _, err := cliRun(t, "", "eval", p)
		if err == nil || !strings.Contains(filepath.ToSlash(err.Error()), tc.want) {
			t.Errorf("%s: error %v, want one holding %q", tc.name, err, tc.want)
		}
		if out != "" {
			t.Errorf("%s: printed %q", tc.name, out)
		}
	}
	if _, _, err := cliRun(t, "", "eval", filepath.Join(dir, "missing.jsonl")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing case file: %v, want a not-exist error", err)
	}
	for _, args := range [][]string{{"eval"}, {"eval", "a.jsonl", "b.jsonl"}} {
		if _, stderr, err := cliRun(t, "", args...); !errors.Is(err, errUsageShown) || !strings.Contains(stderr, "usage") {
			t.Errorf("%q: %v, %q; want the usage error", args, err, stderr)
		}
	}
}
