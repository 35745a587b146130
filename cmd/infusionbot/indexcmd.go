package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

// runIndex builds a persistent index, with progress on a terminal.
func runIndex(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, ec := newCommandFlags("index", getenv, stderr)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "infusionbot index: unexpected argument %q\n", pos[0])
		return errUsageShown
	}
	if ec.IndexDir == "" {
		fmt.Fprintln(stderr, "usage: infusionbot index [--knowledge DIR] --index DIR")
		return errUsageShown
	}
	if _, ok := terminalFD(stdin, stderr); ok {
		ec.Progress = func(done, total int) { fmt.Fprintf(stderr, "\rindexed %d/%d passages", done, total) }
	}
	start := time.Now()
	ix, err := ec.openIndex(ctx)
	if ec.Progress != nil {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return err
	}
	defer ix.Close()
	_, err = fmt.Fprintf(stdout, "index ready at %s: %d documents, %d passages (%s)\n",
		ix.Path(), len(ix.Documents()), len(ix.Passages()), time.Since(start).Round(time.Millisecond))
	return err
}
