// Command gen trains the answerability model (../model.txt) on the
// project's labelled question sets: the development set, the tuning,
// training and spent blind sets, and one half of the off-topic set (the
// odd lines; the even ones are kept for checking); not the regression
// cases, which the tests measure the bot on. The model is chosen by
// leave-one-file-out cross-validation (trainset.Search), which it prints. Run
// it with go generate ./bot/answerability; the sets outside the repository
// are expected beside it (../shared, ../blind), as the measuring scripts
// expect them.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/infusionbot/infusionbot/bot/answerability"
	"github.com/infusionbot/infusionbot/bot/answerability/trainset"
)

var flagMin = flag.Float64("min", 0, "with -curve, the coverage rule (2: none)")

func main() {
	out := flag.String("o", "model.txt", "model file to write")
	root := flag.String("root", "../..", "the repository's root")
	breakdown := flag.Bool("breakdown", false, "train nothing: sort the answerable cases of the files named by where the embedded model loses them")
	verbose := flag.Bool("v", false, "with -breakdown, list each case's bucket")
	cache := flag.String("decisions", "", "read the training decisions from this file when it exists, else collect them and write them there (to try changes to the fit without asking the bot again)")
	curve := flag.Bool("curve", false, "train nothing: print the held-out figures of the committed model's choice at each threshold")
	explain := flag.Bool("explain", false, "train nothing: print, for each case of the files named, its terms and the features and probability of its top passages")
	leadMargin := flag.Bool("leadmargin", false, "train nothing: choose answerability.LeadMargin by leave-one-file-out over the spent sets")
	flag.Parse()
	if *leadMargin {
		if err := runLeadMargin(*root); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if *explain {
		if err := runExplain(flag.Args()); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if *breakdown {
		if err := runBreakdown(flag.Args(), *verbose); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, *root, *cache, *curve); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out, root, cache string, curve bool) error {
	ds, err := decisions(root, cache)
	if err != nil {
		return err
	}
	if curve {
		m := answerability.Default()
		c := trainset.Choice{Params: m.Params, L2: m.L2, MinCoverage: m.MinCoverage}
		if *flagMin != 0 {
			c.MinCoverage = *flagMin
		}
		if c.L2 == 0 {
			c.L2 = 1 // a model from before the ridge was chosen
		}
		trainset.PrintCurve(os.Stdout, ds, c)
		return nil
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

// decisions collects the training decisions, or reads them from cache.
func decisions(root, cache string) ([]trainset.Decision, error) {
	if cache != "" {
		if b, err := os.ReadFile(cache); err == nil {
			var ds []trainset.Decision
			return ds, json.Unmarshal(b, &ds)
		}
	}
	cases, err := trainset.LoadSets(trainset.Sets(root))
	if err != nil {
		return nil, err
	}
	ds, err := trainset.Collect(context.Background(), cases)
	if err != nil || cache == "" {
		return ds, err
	}
	b, err := json.Marshal(ds)
	if err != nil {
		return nil, err
	}
	return ds, os.WriteFile(cache, b, 0o644)
}

// runExplain prints, for each case of the files, the terms of its last
// turn, and for each of the top passages its features and the embedded
// model's probability: to see why a question is answered or not.
func runExplain(paths []string) error {
	m := answerability.Default()
	names := answerability.FeatureNames()
	for _, p := range paths {
		cases, err := trainset.Load(p, 0)
		if err != nil {
			return err
		}
		ds, err := trainset.Collect(context.Background(), cases)
		if err != nil {
			return err
		}
		for _, d := range ds {
			fmt.Printf("%s %q\n", d.Case.Kind, d.Case.Turns[len(d.Case.Turns)-1])
			if d.Inputs == nil || d.Inputs[0] == nil {
				fmt.Printf("  no decision (intent %s)\n", d.Intent)
				continue
			}
			lead, ok := m.Lead(*d.Inputs[0])
			fmt.Printf("  lead %d answered %v;", lead, ok)
			for _, t := range d.Inputs[0].Terms {
				fmt.Printf(" %s(%.2f", t.Word, t.Weight)
				if !t.Known {
					fmt.Print(" unknown")
				}
				fmt.Print(")")
			}
			fmt.Println()
			for j, in := range d.Inputs {
				if in == nil {
					continue
				}
				f := answerability.Features(*in, j, m.Params)
				fmt.Printf("  %d p=%.3f right=%v %.70q\n   ", j, m.Prob(f), d.Right[j], in.Hits[j].Text)
				for k, x := range f {
					fmt.Printf(" %s=%.2f", names[k], x)
				}
				fmt.Printf(" match=%.2f\n", in.Hits[j].TermMatch)
			}
		}
	}
	return nil
}

// leadMarginPlaces are the places of the ranking asked when choosing the
// lead margin: the rule's passage may rank below the top MaxLead.
const leadMarginPlaces = 8

// runLeadMargin chooses the coverage rule's lead margin
// (answerability.LeadMargin) by leave-one-file-out over the spent sets.
func runLeadMargin(root string) error {
	cases, err := trainset.LoadSets(trainset.LeadMarginSets(root))
	if err != nil {
		return err
	}
	ds, err := trainset.CollectPlaces(context.Background(), cases, leadMarginPlaces)
	if err != nil {
		return err
	}
	m := trainset.LeadMarginCV(os.Stdout, ds, answerability.Default().MinCoverage)
	fmt.Printf("answerability.LeadMargin is %g; the data choose %g\n", answerability.LeadMargin, m)
	return nil
}
