package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/infusionbot/infusionbot/bot/repl"
)

const replBanner = `infusionbot: ask about infusion therapy. /help for help, /sources for the articles.
Ctrl-C clears the line; /quit, Ctrl-D or Ctrl-C on an empty line quits.`

// runREPL is the staff REPL: line editing on a terminal, plain lines when piped.
func runREPL(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, ec := newCommandFlags("repl", getenv, stderr)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "infusionbot repl: unexpected argument %q (to ask one question: infusionbot ask \"...\")\n", pos[0])
		return errUsageShown
	}
	e, err := openEngine(ctx, *ec)
	if err != nil {
		return err
	}
	defer e.Close()
	a := &repl.Adapter{In: stdin, Out: stdout, Banner: replBanner}
	if fd, ok := terminalFD(stdin, stdout); ok {
		a.Terminal = &fd
	}
	return a.Run(ctx, e.Handler())
}

// terminalFD returns the descriptor when both ends are an interactive terminal.
func terminalFD(in io.Reader, out io.Writer) (int, bool) {
	fin, ok1 := in.(*os.File)
	fout, ok2 := out.(*os.File)
	if !ok1 || !ok2 || !term.IsTerminal(int(fin.Fd())) || !term.IsTerminal(int(fout.Fd())) {
		return 0, false
	}
	return int(fin.Fd()), true
}
