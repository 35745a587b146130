package main

import (
	"os"
	"strings"
	"testing"
)

// TestCIRunsTheREADMECommand keeps README's test command and .ci/run the
// same command: what a newcomer runs is what CI runs.
func TestCIRunsTheREADMECommand(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const intro = "Run the tests (what `.ci/run` runs):\n\n```sh\n"
	_, after, ok := strings.Cut(string(readme), intro)
	if !ok {
		t.Fatalf("README has no %q", intro)
	}
	block, _, _ := strings.Cut(after, "```")
	want := strings.TrimSpace(block)
	if want == "" || strings.Contains(want, "\n") {
		t.Fatalf("README's test command is not one line: %q", want)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
	for _, l := range strings.Split(string(ci), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "set ") || strings.HasPrefix(l, "cd ") {
			continue
		}
		cmds = append(cmds, l)
	}
	if len(cmds) != 1 || cmds[0] != want {
		t.Errorf(".ci/run runs %q, README's test command is %q", cmds, want)
	}
}
