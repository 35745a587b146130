package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/internal/sharedfiles"
)

const cliHelperEnv = "INFUSIONBOT_CLI_TEST_HELPER"

// TestMain is also `infusionbot ask --json` on stdin and stdout: run by
// the scoring script as a child process of TestScorerAgreesWithEval (a
// helper in TestMain, not a test that skips everywhere else and would be
// listed among the skipped tests on every run).
func TestMain(m *testing.M) {
	if os.Getenv(cliHelperEnv) == "1" {
		err := run(context.Background(), []string{"ask", "--json"}, func(string) string { return "" }, os.Stdin, os.Stdout, os.Stderr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "infusionbot:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestScorerAgreesWithEval runs shared/eval/score.py, the project's judge,
// over the batch protocol (`ask --json`) and checks that it reads every
// reply and prints the same figures as `infusionbot eval` on the same cases.
func TestScorerAgreesWithEval(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python3 and a child process")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	scorer, err := sharedfiles.Path("eval/score.py")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := sharedfiles.Path("eval/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	for _, cases := range []string{"testdata/cli_eval_cases.jsonl", dev} {
		t.Run(cases, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(python, scorer, cases, "--", os.Args[0])
			cmd.Env = append(os.Environ(), cliHelperEnv+"=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("score.py: %v\n%s\n%s", err, out, stderr.String())
			}
			lines := cliLines(t, string(out))
			if len(lines) < 2 || !strings.HasPrefix(lines[len(lines)-1], "overall ") {
				t.Fatalf("score.py printed no summary:\n%s", out)
			}
			evalOut, _, err := cliRun(t, "", "eval", cases)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Join(lines[:len(lines)-1], "\n")+"\n", evalOut; got != want {
				t.Errorf("score.py's figures\n%s\ndiffer from eval's\n%s", got, want)
			}
		})
	}
}
