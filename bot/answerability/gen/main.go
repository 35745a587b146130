// Command gen trains the answerability model (../model.txt) on the
// project's labelled question sets: the development set, the tuning sets
// and the spent blind sets, the regression cases, and one half of the
// off-topic set (the odd lines; the even ones are kept for checking). Run
// it with go generate ./bot/answerability; the sets outside the repository
// are expected beside it (../shared, ../blind), as the measuring scripts
// expect them.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/infusionbot/infusionbot/bot/answerability"
	"github.com/infusionbot/infusionbot/bot/answerability/trainset"
)

func main() {
	out := flag.String("o", "model.txt", "model file to write")
	root := flag.String("root", "../..", "the repository's root")
	breakdown := flag.Bool("breakdown", false, "train nothing: sort the answerable cases of the files named by where the embedded model loses them")
	verbose := flag.Bool("v", false, "with -breakdown, list each case's bucket")
	flag.Parse()
	if *breakdown {
		if err := runBreakdown(flag.Args(), *verbose); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, *root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out, root string) error {
	ctx := context.Background()
	cases, err := trainset.LoadSets(trainset.Sets(root))
	if err != nil {
		return err
	}
	ds, err := trainset.Collect(ctx, cases)
	if err != nil {
		return err
	}
	var log strings.Builder
	m, _ := trainset.Fit(ds, &log)
	fmt.Fprint(os.Stderr, log.String())
	return os.WriteFile(out, []byte(m.Encode()), 0o644)
}

// runBreakdown prints, per case file, where the embedded model loses its
// answerable cases (trainset.Breakdown).
func runBreakdown(paths []string, verbose bool) error {
	ctx := context.Background()
	for _, p := range paths {
		cases, err := trainset.Load(p, 0)
		if err != nil {
			return err
		}
		ds, err := trainset.Collect(ctx, cases)
		if err != nil {
			return err
		}
		trainset.BreakdownOf(answerability.Default(), ds).Print(os.Stdout, p, verbose)
	}
	return nil
}
