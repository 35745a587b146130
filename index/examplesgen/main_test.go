package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedBankIsTheGeneratorsOutput writes the bank as
// go generate ./index does and holds the committed examples.jsonl to it,
// so a change to the sources, the articles or the rules of the bank is
// never silently left out.
func TestCommittedBankIsTheGeneratorsOutput(t *testing.T) {
	for _, s := range sources {
		if _, err := os.Stat(filepath.Join("../..", s)); err != nil {
			t.Skipf("source %s is not in this checkout", s)
		}
	}
	out := filepath.Join(t.TempDir(), "examples.jsonl")
	var log bytes.Buffer
	if err := run("../..", out, false, "", &log); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../examples.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("index/examples.jsonl is not what examplesgen writes (%d bytes, want %d): run go generate ./index\n%s", len(want), len(got), log.String())
	}
}

// The measuring sets never feed the bank: a question in it is answered by
// its twin.
func TestSourcesLeaveOutTheMeasuringSets(t *testing.T) {
	for _, s := range sources {
		for _, never := range []string{"eval/dev", "eval/challenge", "regression", "offtopic", "lookalike"} {
			if strings.Contains(s, never) {
				t.Errorf("source %s is a measuring set", s)
			}
		}
	}
}

// A later turn is an example only when it reads without the turns before.
func TestStandsAlone(t *testing.T) {
	for turn, want := range map[string]bool{
		"how long does a ketamine infusion session last":  true,
		"and lidocaine ones?":                             false,
		"what about ptsd?":                                false,
		"do they last long?":                              false,
		"is it safe for someone with high blood pressure": false,
	} {
		if got := standsAlone(turn); got != want {
			t.Errorf("standsAlone(%q) = %v, want %v", turn, got, want)
		}
	}
}
