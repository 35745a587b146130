// Command testreport is the project's test command (README, .ci/run):
//
//	go run ./internal/testreport [go test flags] [packages]
//
// It runs `go test -race -json` on ./... (or on the packages named; an
// argument starting with "." is taken for one), prints what go test prints
// without -v (a result line a package, a failing test's output, build
// errors), and ends with every skipped test and the reason it gave, the
// failed tests, and the counts. Plain `go test` names a skipped test only
// with -v, so a test that cannot run on this machine (no python3, not
// root) would otherwise pass unseen. The exit status is go test's.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// goTestArgs is the go command line for the user's arguments.
func goTestArgs(args []string) []string {
	cmd := append([]string{"test", "-race", "-json"}, args...)
	for _, a := range args {
		if strings.HasPrefix(a, ".") {
			return cmd
		}
	}
	return append(cmd, "./...")
}

func run(args []string, stdout, stderr io.Writer) int {
	// Ctrl-C reaches go test too (same process group); catching it here
	// (not ignoring it: an ignored signal stays ignored in the child) lets
	// go test stop its tests and this program still print what ran.
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)

	cmd := exec.Command("go", goTestArgs(args)...)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(stderr, "testreport:", err)
		return 1
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, "testreport:", err)
		return 1
	}
	r := newReport(stdout)
	readErr := readLines(out, r.Line)
	err = cmd.Wait()
	r.Summary()
	if readErr != nil {
		fmt.Fprintln(stderr, "testreport: reading go test's output:", readErr)
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() > 0:
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintln(stderr, "testreport: go test:", err)
		return 1
	case readErr != nil:
		return 1
	}
	return 0
}

// readLines calls line for each line of rd, however long.
func readLines(rd io.Reader, line func([]byte)) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			line([]byte(strings.TrimRight(string(b), "\r\n")))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
