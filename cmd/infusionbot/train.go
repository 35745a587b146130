package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/infusionbot/infusionbot/bot/intent"
)

// runTrain reports how well the intent classifier learns its training
// file: cross-validated accuracy per intent and the confusion matrix, so a
// clinician who edits bot/intent/examples.txt sees what the edit did. With
// --classify it instead prints what each stdin line is classified as.
func runTrain(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, _ := newCommandFlags("train", getenv, stderr)
	examples := fs.String("examples", "", "training file in the format of bot/intent/examples.txt (default: the embedded one)")
	folds := fs.Int("folds", 5, "cross-validation folds")
	misses := fs.Bool("v", false, "list the examples the cross-validation got wrong")
	seeds := fs.Int("seeds", 1, "cross-validate with this many shuffles of the examples and print each intent's mean, lowest and highest accuracy")
	classify := fs.Bool("classify", false, "classify each line of stdin instead: intent, confidence, runner-up")
	pos, err := parseFlags(fs, args)
	if errors.Is(err, errHelpShown) {
		return err
	}
	if err != nil || len(pos) != 0 || *folds < 2 || *seeds < 1 {
		fmt.Fprintln(stderr, "usage: infusionbot train [--examples FILE] [--folds N] [--seeds N] [-v] [--classify]")
		return errUsageShown
	}
	d := intent.DefaultData()
	if *examples != "" {
		b, err := os.ReadFile(*examples)
		if err != nil {
			return err
		}
		if d, err = intent.Parse(*examples, string(b)); err != nil {
			return err
		}
	}
	if *classify {
		c := intent.Train(d, intent.Options{})
		sc := bufio.NewScanner(stdin)
		for sc.Scan() {
			if err := ctx.Err(); err != nil {
				return err
			}
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			p := c.Classify(line)
			fmt.Fprintf(stdout, "%-14s %.2f (best %s, runner-up %s, margin %.2f)\t%s\n", p.Intent, p.Confidence, p.Best, p.RunnerUp, p.Margin, line)
		}
		return sc.Err()
	}
	fmt.Fprintf(stdout, "%d examples\n", len(d.Examples))
	if *seeds > 1 {
		var reps []intent.Report
		for s := range *seeds {
			if err := ctx.Err(); err != nil {
				return err
			}
			// Seed 0 is the default shuffle, the one the bot's model uses.
			reps = append(reps, intent.CrossValidate(d, *folds, intent.Options{Seed: uint64(s)}))
		}
		return intent.WriteSpread(stdout, reps)
	}
	return intent.CrossValidate(d, *folds, intent.Options{}).Write(stdout, *misses)
}
