// Command assocgen learns the ranking's word associations (../assoc.txt)
// from the blind-written training questions: each single-turn answerable
// case of testdata/qa_train and testdata/qa_train2 pairs a question with
// the article sentences that answer it (its "sentences"). Associations are
// learned over the built-in articles (index.LearnAssociations).
//
// With -v it reports, for each weight of -weights, the right passage first
// (passage@1, as `infusionbot search --cases` counts it) under a five-fold
// cross-validation over the training questions (each fold ranked with the
// associations learned from the other four), and on the sets of -measure,
// which never train it. The weight written is the one given with -weight.
//
// Run it with go generate ./index.
package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/infusionbot/infusionbot/internal/evalcase"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/knowledge"
)

// trainingSets are the blind-written training questions, under the root.
var trainingSets = []string{
	"testdata/qa_train/qa_train.jsonl",
	"testdata/qa_train2/qa_train2.jsonl",
}

// Chosen by cross-validation (-v): see docs/retrieval.md.
const (
	defaultWeight = 0.05
	folds         = 5
)

func main() {
	root := flag.String("root", "..", "the repository's root")
	out := flag.String("o", "assoc.txt", "associations file to write")
	verbose := flag.Bool("v", false, "report cross-validation and the measured sets")
	weight := flag.Float64("weight", defaultWeight, "weight written with the associations")
	weights := flag.String("weights", "0,0.03,0.05,0.1,0.2", "with -v, weights to report")
	measure := flag.String("measure", "", "with -v, comma-separated case files to measure (never trained on)")
	multi := flag.Bool("multi", true, "also learn from multi-turn cases (all their turns as the question)")
	p := index.AssocParams{}
	flag.IntVar(&p.MinSource, "min-source", 3, "examples a question stem must occur in")
	flag.IntVar(&p.MinPair, "min-pair", 2, "examples a pair must occur in")
	flag.IntVar(&p.MaxTargets, "max-targets", 12, "associations kept per question stem")
	flag.Float64Var(&p.MinWeight, "min-weight", 1, "weakest association kept")
	flag.Parse()
	if err := run(*root, *out, *verbose, *weight, *weights, *measure, *multi, p, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "assocgen:", err)
		os.Exit(1)
	}
}

type evalCase struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Turns     []string `json:"turns"`
	Evidence  []string `json:"evidence"`
	Sentences []string `json:"sentences"`
}

func run(root, out string, verbose bool, weight float64, weights, measure string, multi bool, p index.AssocParams, log io.Writer) error {
	ctx := context.Background()
	docs, err := knowledge.Load(knowledge.Default())
	if err != nil {
		return err
	}
	var train []evalCase
	for _, s := range trainingSets {
		cs, err := evalcase.Read[evalCase](filepath.Join(root, s))
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.Kind == "answer" && len(c.Sentences) > 0 && (len(c.Turns) == 1 || multi) {
				train = append(train, c)
			}
		}
	}
	open := func(a *index.Associations) (*index.Index, error) {
		return index.Open(ctx, docs, index.Options{Associations: a})
	}
	base, err := open(&index.Associations{})
	if err != nil {
		return err
	}
	defer base.Close()
	learn := func(cs []evalCase) *index.Associations {
		exs := make([]index.AssocExample, len(cs))
		for i, c := range cs {
			exs[i] = index.AssocExample{Question: strings.Join(c.Turns, " "), Sentences: c.Sentences}
		}
		return base.LearnAssociations(exs, p)
	}
	if verbose {
		var ws []float64
		for _, f := range strings.Split(weights, ",") {
			w, err := strconv.ParseFloat(f, 64)
			if err != nil {
				return err
			}
			ws = append(ws, w)
		}
		single := func(cs []evalCase) []evalCase {
			var out []evalCase
			for _, c := range cs {
				if len(c.Turns) == 1 {
					out = append(out, c)
				}
			}
			return out
		}
		cv := make([]int, len(ws))
		n := 0
		for f := 0; f < folds; f++ {
			var tr, te []evalCase
			for _, c := range train {
				if fold(c.ID) == f {
					te = append(te, c)
				} else {
					tr = append(tr, c)
				}
			}
			te = single(te)
			a := learn(tr)
			ix, err := open(a)
			if err != nil {
				return err
			}
			for k, w := range ws {
				a.Weight = w
				ok, m, err := at1(ctx, ix, te)
				if err != nil {
					return err
				}
				cv[k] += ok
				if k == 0 {
					n += m
				}
			}
			ix.Close()
		}
		for k, w := range ws {
			fmt.Fprintf(log, "cross-validation, weight %g: passage@1 %d/%d\n", w, cv[k], n)
		}
		if measure != "" {
			a := learn(train)
			ix, err := open(a)
			if err != nil {
				return err
			}
			for _, path := range strings.Split(measure, ",") {
				cs, err := evalcase.Read[evalCase](path)
				if err != nil {
					return err
				}
				var line []string
				for _, w := range ws {
					a.Weight = w
					ok, m, err := at1(ctx, ix, cs)
					if err != nil {
						return err
					}
					line = append(line, fmt.Sprintf("%g: %d/%d", w, ok, m))
				}
				fmt.Fprintf(log, "%s: %s\n", path, strings.Join(line, ", "))
			}
			ix.Close()
		}
	}
	a := learn(train)
	a.Weight = weight
	fmt.Fprintf(log, "learned from %d questions: associations for %d stems\n", len(train), a.Len())
	if out == "" {
		return nil
	}
	return os.WriteFile(out, []byte("# Generated by assocgen (go generate ./index); do not edit.\n"+a.Encode()), 0o644)
}

// fold puts a case in one of the folds by its id, the same on every run.
func fold(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % folds)
}

// at1 counts the single-turn answer cases whose first passage holds their
// evidence.
func at1(ctx context.Context, ix *index.Index, cs []evalCase) (ok, n int, err error) {
	for _, c := range cs {
		if c.Kind != "answer" || len(c.Turns) != 1 || len(c.Evidence) == 0 {
			continue
		}
		n++
		res, err := ix.Search(ctx, c.Turns[0], 5)
		if err != nil {
			return 0, 0, err
		}
		if len(res.Hits) == 0 {
			continue
		}
		t := evalcase.Norm(res.Hits[0].Text)
		for _, e := range c.Evidence {
			if strings.Contains(t, evalcase.Norm(e)) {
				ok++
				break
			}
		}
	}
	return ok, n, nil
}
