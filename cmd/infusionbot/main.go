// Command infusionbot answers patients' questions about infusion therapy from
// the clinic's articles, with cited snippets and a consult-a-provider handoff.
//
//	infusionbot repl                      staff REPL (the default)
//	infusionbot ask [--json] [question]   one answer, or the JSON Lines batch protocol
//	infusionbot search [--json] [-k N] q  the raw ranking, for staff tuning articles
//	infusionbot index --index DIR         build a persistent index
//	infusionbot eval FILE.jsonl           score a case file
//	infusionbot train [-v]                cross-validated accuracy of the intent examples
//	infusionbot serve                     Telegram, Discord and the HTTP API
//	infusionbot review [link|dismiss]     the staff's inbox of unanswered questions
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go onSignals(sigs, cancel, func() {
		fmt.Fprintln(os.Stderr, "infusionbot: second signal: exiting at once")
		os.Exit(1)
	})
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsageShown) && !errors.Is(err, errHelpShown) {
			fmt.Fprintln(os.Stderr, "infusionbot:", err)
		}
		os.Exit(exitCode(err))
	}
}

// onSignals cancels the work at the first signal (SIGTERM, SIGINT: stop
// gracefully) and calls exit at the second (stop now, whatever is left).
func onSignals(sigs <-chan os.Signal, cancel context.CancelFunc, exit func()) {
	<-sigs
	cancel()
	<-sigs
	exit()
}

// errUsageShown marks an error whose message was already printed.
var errUsageShown = errors.New("usage shown")

func exitCode(err error) int {
	if errors.Is(err, errHelpShown) {
		return 0
	}
	if errors.Is(err, errUsageShown) {
		return 2
	}
	return 1
}

const usage = `infusionbot answers questions about infusion therapy from the clinic's articles.

usage:
  infusionbot [repl]                       staff REPL on the embedded knowledge
  infusionbot ask [--json] [question]      one answer; --json: JSON Lines batch on stdin
  infusionbot search [--json] [-k N] [q]   raw ranking of passages
  infusionbot index --index DIR            build a persistent index
  infusionbot eval FILE.jsonl              score a case file
  infusionbot train [-v] [--classify]      how well the intents learn their examples
  infusionbot serve [--check]              Telegram, Discord and the HTTP API
  infusionbot review [--json]              unanswered and poorly rated questions
  infusionbot review link GROUP PASSAGE    answer a group from a passage
  infusionbot review dismiss GROUP --reason TEXT

common flags: --knowledge DIR (articles instead of the embedded ones),
              --index DIR (persistent index), --config FILE (clinic details),
              --data DIR (the store; default DATA_DIR or ~/.local/state/infusionbot)
`

// run is the whole program, testable: main only supplies the process's world.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	err := runCommand(ctx, args, getenv, stdin, stdout, stderr)
	if errors.Is(err, errHelpShown) {
		return nil // --help asked for the usage: that is success
	}
	return err
}

func runCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "repl"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || !strings.HasPrefix(args[0], "-")) {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "repl":
		return runREPL(ctx, args, getenv, stdin, stdout, stderr)
	case "ask":
		return runAsk(ctx, args, getenv, stdin, stdout, stderr)
	case "search":
		return runSearch(ctx, args, getenv, stdin, stdout, stderr)
	case "index":
		return runIndex(ctx, args, getenv, stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, args, getenv, stdin, stdout, stderr)
	case "review":
		return runReview(ctx, args, getenv, stdin, stdout, stderr)
	case "train":
		return runTrain(ctx, args, getenv, stdin, stdout, stderr)
	case "serve":
		return runServe(ctx, args, getenv, stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "infusionbot: unknown command %q\n\n%s", cmd, usage)
		return errUsageShown
	}
}
