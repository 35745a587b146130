package main

import (
	"context"
	"fmt"
	"github.com/infusionbot/infusionbot/internal/evalcase"
	"io"
	"strings"

	"github.com/infusionbot/infusionbot/index"
)

// rankFigures are how often the passage holding a case's evidence is
// ranked first or among the first five, whatever the bot would then decide
// about answering: a measure of ranking alone.
type rankFigures struct {
	at1, at5, snippet1 evalTally
	misses             []string
}

// rankCases ranks every single-turn "answer" case's question and checks
// the passages against its evidence, compared as shared/eval/norm.py does.
// A passage is right when its text holds an evidence string; snippet@1 asks
// the same of the sentences the bot would quote from the first passage.
func rankCases(ctx context.Context, ix *index.Index, cases []evalCase) (rankFigures, error) {
	var f rankFigures
	s := index.Searcher{Index: ix}
	for _, c := range cases {
		if c.Kind != "answer" || len(c.Turns) != 1 || len(c.Evidence) == 0 {
			continue
		}
		res, err := s.Search(ctx, c.Turns[0], 5)
		if err != nil {
			return f, fmt.Errorf("case %s: %w", c.ID, err)
		}
		holds := func(text string) bool {
			t := evalcase.Norm(text)
			for _, e := range c.Evidence {
				if strings.Contains(t, evalcase.Norm(e)) {
					return true
				}
			}
			return false
		}
		rank := 0
		for i, h := range res.Hits {
			if holds(h.Passage.Text) {
				rank = i + 1
				break
			}
		}
		f.at1.add(rank == 1)
		f.at5.add(rank >= 1)
		snip := len(res.Hits) > 0 && holds(res.Hits[0].Snippet)
		f.snippet1.add(snip)
		if rank == 1 && !snip {
			f.misses = append(f.misses, fmt.Sprintf("SNIPPET %s %q: quoted %q", c.ID, c.Turns[0], res.Hits[0].Snippet))
		}
		if rank != 1 {
			first := ""
			if len(res.Hits) > 0 {
				first = res.Hits[0].Passage.ID
			}
			f.misses = append(f.misses, fmt.Sprintf("MISS %s rank %d %q: first %s", c.ID, rank, c.Turns[0], first))
		}
	}
	return f, nil
}

// runRankEval prints rankCases' figures for case files.
func runRankEval(ctx context.Context, ix *index.Index, paths []string, verbose bool, stdout io.Writer) error {
	for _, p := range paths {
		cases, err := readCases(p)
		if err != nil {
			return err
		}
		f, err := rankCases(ctx, ix, cases)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: passage@1 %s, passage@5 %s, snippet@1 %s\n", p, f.at1, f.at5, f.snippet1)
		if verbose {
			for _, m := range f.misses {
				fmt.Fprintln(stdout, "  "+m)
			}
		}
	}
	return nil
}
