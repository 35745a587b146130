package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/infusionbot/infusionbot/bot/httpapi"
	"github.com/infusionbot/infusionbot/index"
)

// searchHit is one line of `search --json`'s ranking.
type searchHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
	// Coverage is the share of the question's weight the passage holds:
	// the bot answers only when the best passage holds enough.
	Coverage float64 `json:"coverage"`
}

type searchResult struct {
	Query string       `json:"query"`
	Terms []index.Term `json:"terms"`
	Hits  []searchHit  `json:"hits"`
	Error string       `json:"error,omitempty"`
}

// runSearch prints the raw ranking of passages, for staff tuning articles.
func runSearch(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, ec := newCommandFlags("search", getenv, stderr)
	asJSON := fs.Bool("json", false, "JSON output; with no query, read {\"text\"} lines on stdin")
	k := fs.Int("k", 5, "how many passages to show")
	cases := fs.Bool("cases", false, "score the ranking on case files (the arguments, in the format of shared/eval/dev.jsonl): right passage first and in the first five, for single-turn answer cases")
	verbose := fs.Bool("v", false, "with --cases, list the cases whose right passage is not first")
	bankWithout := fs.String("bank-without", "", "rank with a nearest-neighbour bank leaving out the examples of these sets (comma-separated, as index/examples.jsonl's \"set\" names them: qa_final2, qa_train...), so a set's own questions are held out")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *bankWithout != "" {
		if ec.Examples, err = bankLeavingOut(*bankWithout); err != nil {
			return err
		}
	}
	if *cases {
		if len(pos) == 0 {
			fmt.Fprintln(stderr, "usage: infusionbot search --cases [-v] CASES.jsonl...")
			return errUsageShown
		}
		ix, err := ec.openIndex(ctx)
		if err != nil {
			return err
		}
		defer ix.Close()
		return runRankEval(ctx, ix, pos, *verbose, stdout)
	}
	q := strings.Join(pos, " ")
	if q == "" && !*asJSON {
		fmt.Fprintln(stderr, "usage: infusionbot search [-k N] \"query\"   or   infusionbot search --json < queries.jsonl")
		return errUsageShown
	}
	if *k < 1 || *k > 1000 {
		return fmt.Errorf("search: -k must be between 1 and 1000")
	}
	ix, err := ec.openIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	rank := func(q string) (searchResult, error) {
		res, err := ix.Search(ctx, q, *k)
		out := searchResult{Query: q, Terms: res.Terms, Hits: []searchHit{}}
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, searchHit{ID: h.ID, Title: h.Title, Section: h.Section, Snippet: h.Text, Score: h.Score, Coverage: h.Coverage})
		}
		return out, err
	}
	if q != "" {
		res, err := rank(q)
		if err != nil {
			return err
		}
		if *asJSON {
			return httpapi.WriteJSON(stdout, res)
		}
		printRanking(stdout, res)
		return nil
	}
	in := bufio.NewReaderSize(stdin, 64*1024)
	skipBOM(in)
	for {
		line, err := readFullLine(in)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		var req struct {
			Text string `json:"text"`
		}
		var res searchResult
		if err := json.Unmarshal([]byte(line), &req); err != nil {
			res = searchResult{Hits: []searchHit{}, Error: `not a JSON object {"text": "..."}`}
		} else if res, err = rank(req.Text); err != nil {
			return err
		}
		if err := httpapi.WriteJSON(stdout, res); err != nil {
			return err
		}
	}
}

func printRanking(w io.Writer, res searchResult) {
	var terms []string
	for _, t := range res.Terms {
		s := t.Word
		if t.Corrected != "" {
			s += "→" + t.Corrected
		}
		if !t.Known {
			s += "(unknown)"
		}
		terms = append(terms, s)
	}
	fmt.Fprintf(w, "terms: %s\n", strings.Join(terms, ", "))
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%2d. %.3f  %s\n    %s — %s\n    %s\n", i+1, h.Score, h.ID, h.Title, h.Section, h.Snippet)
	}
}

// bankLeavingOut is the default nearest-neighbour bank without the
// examples of the comma-separated sets; a set it holds no example of is
// an error (a misspelt name would measure nothing held out).
func bankLeavingOut(list string) (*index.Examples, error) {
	bank := index.DefaultExamples()
	var sets []string
	for _, set := range strings.Split(list, ",") {
		if set = strings.TrimSpace(set); set == "" {
			continue
		}
		if bank.Without(set).Len() == bank.Len() {
			return nil, fmt.Errorf("search: -bank-without: the bank holds no examples of set %q", set)
		}
		sets = append(sets, set)
	}
	return bank.Without(sets...), nil
}
