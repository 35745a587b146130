package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedSpentIsTheGeneratorsOutput writes the examples as
// go generate ./bot/intent does and holds the committed training/spent.jsonl
// to them, so a change to the sources or to the rules of what is left out
// is never silently left out of the training data.
func TestCommittedSpentIsTheGeneratorsOutput(t *testing.T) {
	for _, s := range sources {
		if _, err := os.Stat(filepath.Join("../../../..", s)); err != nil {
			t.Skipf("source %s is not in this checkout", s)
		}
	}
	out := filepath.Join(t.TempDir(), "spent.jsonl")
	var log bytes.Buffer
	if err := run("../../../..", out, &log); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../training/spent.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("bot/intent/training/spent.jsonl is not what spentgen writes (%d bytes, spentgen writes %d): run go generate ./bot/intent\n%s", len(want), len(got), log.String())
	}
}

// The measuring sets never feed the training data.
func TestSourcesLeaveOutTheMeasuringSets(t *testing.T) {
	for _, s := range sources {
		for _, never := range []string{"shared/eval", "eval/dev", "eval/challenge", "regression", "offtopic", "lookalike"} {
			if strings.Contains(s, never) {
				t.Errorf("source %s is a measuring set", s)
			}
		}
	}
}

func TestQuoteIsPythonsJSON(t *testing.T) {
	for in, want := range map[string]string{
		`say "hi"`:      `"say \"hi\""`,
		"a\\b\tc\n":     `"a\\b\tc\n"`,
		"caf\u00e9 <&>": "\"caf\u00e9 <&>\"",
		"\x01\u2028":    "\"\\u0001\u2028\"",
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}
